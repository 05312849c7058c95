import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Running from TypeScript sources, a worker that registers tsx pays about a second of CPU and some
 * 60 MB to transpile and load the pipeline through loader hooks, per worker and per run. Instead the
 * worker's module graph is bundled once with esbuild (present whenever tsx is, tsx is built on it) into
 * one plain ES module under node_modules/.cache, keyed by the sources' sizes and mtimes so an edit
 * rebuilds it. Returns null when esbuild is not available (the caller then falls back to tsx).
 */
export function bundledWorker(workerTs: string): Promise<string | null> {
  // Several workers start at once: build once per process.
  let pending = built.get(workerTs);
  if (!pending) built.set(workerTs, (pending = build(workerTs)));
  return pending;
}

const built = new Map<string, Promise<string | null>>();

async function build(workerTs: string): Promise<string | null> {
  try {
    const srcRoot = join(dirname(workerTs), '..');
    const root = join(srcRoot, '..');
    const key = sourceKey(srcRoot);
    const cacheDir = join(root, 'node_modules', '.cache', 'ktriage');
    const out = join(cacheDir, `worker-${key}.mjs`);
    if (existsSync(out)) return out;
    const esbuildName = 'esbuild';
    const esbuild = (await import(esbuildName)) as { build(options: Record<string, unknown>): Promise<unknown> };
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    await esbuild.build({
      entryPoints: [workerTs],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: tmp,
      logLevel: 'silent',
    });
    renameSync(tmp, out);
    // Older bundles of edited sources are dead weight.
    for (const name of readdirSync(cacheDir)) if (name.startsWith('worker-') && join(cacheDir, name) !== out && !name.endsWith('.tmp')) rmSync(join(cacheDir, name), { force: true });
    return out;
  } catch {
    return null;
  }
}

function sourceKey(srcRoot: string): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const st = statSync(path);
        hash.update(`${path}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  walk(srcRoot);
  return hash.digest('hex').slice(0, 16);
}

export const workerSourcePath = (parallelUrl: string): string => fileURLToPath(new URL('./worker.ts', parallelUrl));
