import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createLineRedactor } from './engine.js';
import { learnLine, learnSelf } from './learn.js';
import type { MappingTable } from './table.js';

/** Every regular file under `root`, as paths relative to it, in a stable order. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await visit(p);
      else if (e.isFile()) out.push(relative(root, p));
    }
  };
  await visit(root);
  return out;
}

async function* lines(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/** First pass: learns host and user names from every file so the second pass replaces them everywhere. */
export async function learnFiles(paths: readonly string[], table: MappingTable): Promise<void> {
  for (const p of paths) for await (const line of lines(p)) learnLine(line, table);
}

/**
 * Second pass: rewrites `from` into `to` line by line (memory bounded by one line), through the shared
 * table. The file's path relative to the bundle is redacted too (a host folder named after the host).
 *
 * @example await redactFile('/stage/db01/kern.log', '/out/host-01/kern.log', table)
 */
export async function redactFile(from: string, to: string, table: MappingTable): Promise<void> {
  await fs.mkdir(dirname(to), { recursive: true });
  const redact = createLineRedactor(table);
  const out = createWriteStream(to);
  let first = true;
  for await (const line of lines(from)) {
    const chunk = (first ? '' : '\n') + redact(line);
    first = false;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  // Keep a final newline when the source had one (line readers drop it).
  const st = await fs.stat(from);
  if (st.size > 0) {
    const fh = await fs.open(from, 'r');
    const buf = Buffer.alloc(1);
    await fh.read(buf, 0, 1, st.size - 1);
    await fh.close();
    if (buf[0] === 10) out.write('\n');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * Redacts a whole folder tree into another: learn pass, then rewrite pass, path components included.
 * Returns the redacted relative paths in the order of the sources.
 */
export async function redactTree(fromRoot: string, toRoot: string, table: MappingTable): Promise<string[]> {
  const rel = await listFiles(fromRoot);
  // In the bundle layout a first-level folder is a host: its name is a host name even if no line says so.
  for (const r of rel) {
    const parts = r.split(/[\\/]/);
    if (parts.length > 1) learnSelf(table, { hostname: parts[0] });
  }
  await learnFiles(rel.map((r) => join(fromRoot, r)), table);
  const written: string[] = [];
  for (const r of rel) {
    const target = redactPath(r, table);
    await redactFile(join(fromRoot, r), join(toRoot, target), table);
    written.push(target);
  }
  return written;
}

/** A relative path with each component redacted (host folders, user names in file names). */
export function redactPath(rel: string, table: MappingTable): string {
  const redact = createLineRedactor(table);
  return rel
    .split(/[\\/]/)
    .map((part) => redact(part).replace(/[/\\]/g, '_'))
    .join('/');
}
