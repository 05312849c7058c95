// Plain JavaScript: bin/ktriage.js loads this before anything can transpile TypeScript.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The entry points bundled, by name of the output file. */
const ENTRIES = { main: 'src/cli/main.ts', worker: 'src/pipeline/worker.ts' };

const pending = new Map();

/**
 * Running from TypeScript sources through tsx costs about a second of CPU and ~50 MB per thread to
 * transpile and load the modules through loader hooks. Instead the CLI and the worker thread are bundled
 * once with esbuild (present whenever tsx is: tsx is built on it) into plain ES modules in
 * node_modules/.cache/ktriage/, keyed by the sources' sizes and mtimes so an edit rebuilds them.
 * Resolves to `{ main, worker }` (file paths), or null when esbuild is missing or the build fails (the
 * caller then falls back to tsx).
 *
 * @param {string} root the package root (holds src/ and node_modules/)
 * @returns {Promise<{ main: string; worker: string } | null>}
 */
export function sourceBundle(root) {
  root = resolve(root); // the same checkout whether or not given with a trailing slash
  // One build per process, however many workers ask at once.
  let bundle = pending.get(root);
  if (!bundle) pending.set(root, (bundle = build(root)));
  return bundle;
}

async function build(root) {
  try {
    const cacheDir = join(root, 'node_modules', '.cache', 'ktriage');
    // A node_modules shared by several checkouts holds one bundle per checkout.
    const checkout = createHash('sha1').update(root).digest('hex').slice(0, 8);
    const name = `${checkout}-${sourceKey(root)}`;
    const dir = join(cacheDir, name);
    const bundle = { main: join(dir, 'main.mjs'), worker: join(dir, 'worker.mjs') };
    if (existsSync(dir)) return bundle;
    const esbuild = await import('esbuild');
    // Concurrent first runs (the tests start many CLIs) each build into their own folder; the first
    // rename wins and the others find the folder in place.
    const tmp = `${dir}.${process.pid}.tmp`;
    await esbuild.build({
      entryPoints: Object.entries(ENTRIES).map(([out, entry]) => ({ in: join(root, entry), out })),
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outdir: tmp,
      logLevel: 'silent',
    });
    try {
      renameSync(tmp, dir);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(dir)) throw err;
    }
    // This checkout's bundles of earlier sources are dead weight (.tmp folders are other builds at work).
    for (const old of readdirSync(cacheDir)) {
      if (old.startsWith(`${checkout}-`) && old !== name && !old.endsWith('.tmp')) rmSync(join(cacheDir, old), { recursive: true, force: true });
    }
    return bundle;
  } catch {
    return null;
  }
}

/** Sizes and mtimes of every non-test source and of this file (its build options shape the output). */
function sourceKey(root) {
  const hash = createHash('sha1');
  const add = (path) => {
    const st = statSync(path);
    hash.update(`${path}\0${st.size}\0${st.mtimeMs}\n`);
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) add(path);
    }
  };
  walk(join(root, 'src'));
  add(fileURLToPath(import.meta.url));
  return hash.digest('hex').slice(0, 16);
}
