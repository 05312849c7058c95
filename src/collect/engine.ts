import { createReadStream, promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { runCommand } from './run-command.js';
import type { CollectContext, CollectItem, CommandRunner, ItemStatus, ManifestEntry } from './types.js';

/** Output of one item (or one file of a `files` item), before it is written. */
interface Produced {
  name: string;
  source: string;
  status: ItemStatus;
  reason: string | null;
  data: Buffer | null;
  truncated: boolean;
  notes: string[];
}

/**
 * Runs every item of the table in order, writing what each yields to `hostDir/<name>`, and returns one
 * manifest entry per output (or per item that yielded nothing, with the reason). Never throws for an item:
 * whatever goes wrong with one is its status, and the next item runs.
 *
 * @example await runItems(collectItems, ctx, '/tmp/stage/node-a')
 */
export async function runItems(items: readonly CollectItem[], ctx: CollectContext, hostDir: string): Promise<ManifestEntry[]> {
  await fs.mkdir(hostDir, { recursive: true });
  const entries: ManifestEntry[] = [];
  const collected = new Set<string>();
  for (const item of items) {
    const started = Date.now();
    const cover = item.coveredBy?.find((n) => collected.has(n));
    const outputs: Produced[] = cover
      ? [{ name: item.name, source: describeSource(item), status: 'skipped', reason: `covered by ${cover}`, data: null, truncated: false, notes: [] }]
      : await produce(item, ctx).catch((err: unknown) => [
          { name: item.name, source: describeSource(item), status: 'failed' as const, reason: String(err), data: null, truncated: false, notes: [] },
        ]);
    const durationMs = Date.now() - started;
    for (const out of outputs) {
      let file: string | null = null;
      if (out.data && out.data.length > 0) {
        await fs.writeFile(join(hostDir, out.name), out.data);
        file = out.name;
      }
      if (out.status === 'collected') collected.add(item.name);
      const reason = out.status === 'denied' && item.needsRoot && !ctx.isRoot ? `${out.reason ?? 'permission denied'} (needs root)` : out.reason;
      entries.push({
        name: out.name,
        file,
        source: out.source,
        status: out.status,
        reason,
        bytes: out.data?.length ?? 0,
        truncated: out.truncated,
        durationMs: Math.round(durationMs / outputs.length),
        needsRoot: item.needsRoot ?? false,
        ...(out.notes.length ? { notes: out.notes } : {}),
      });
    }
  }
  return entries;
}

function describeSource(item: CollectItem): string {
  const s = item.source;
  if (s.kind === 'file') return s.path;
  if (s.kind === 'files') return `${s.dir}/${s.match.source}`;
  if (s.kind === 'producer') return `${item.name} (scan of /proc)`;
  return 'command';
}

async function produce(item: CollectItem, ctx: CollectContext): Promise<Produced[]> {
  const timeoutMs = item.timeoutMs ? Math.max(item.timeoutMs, ctx.timeoutMs) : ctx.timeoutMs;
  const maxBytes = item.maxBytes ?? ctx.maxBytes;
  const s = item.source;
  const base = { name: item.name, notes: [] as string[] };
  if (s.kind === 'file') {
    // A read of /proc can block on a sick host; we cannot cancel it, but we stop waiting for it.
    const r = await withTimeout(readCapped(s.path, maxBytes, item.keep ?? 'head'), timeoutMs, {
      status: 'timeout' as const,
      reason: `reading ${s.path} did not finish within ${timeoutMs} ms`,
      data: null,
      truncated: false,
    });
    const data = r.data && s.lines ? Buffer.from(r.data.toString('utf8').split('\n').filter((l) => s.lines!.test(l)).join('\n') + '\n') : r.data;
    const empty = !data || data.toString('utf8').trim() === '';
    return [{ ...base, source: s.path, status: r.status === 'collected' && empty ? 'empty' : r.status, reason: r.status === 'collected' && empty ? 'empty' : r.reason, data: empty ? null : data, truncated: r.truncated }];
  }
  if (s.kind === 'files') return produceFiles(item, s.dir, s.match, ctx, maxBytes);
  const run: CommandRunner = (argv, opts) =>
    runCommand(argv, { timeoutMs: opts?.timeoutMs ?? timeoutMs, maxBytes: opts?.maxBytes ?? maxBytes, keep: item.keep });
  if (s.kind === 'producer') {
    const r = await s.produce(ctx, run);
    const data = Buffer.from(r.text);
    return [{ ...base, source: describeSource(item), status: r.status ?? 'collected', reason: r.status === 'empty' ? 'nothing found' : null, data, truncated: false, notes: r.notes }];
  }
  const commands = s.commands(ctx);
  if (!Array.isArray(commands)) return [{ ...base, source: 'command', status: 'missing', reason: commands.absent, data: null, truncated: false }];
  const parts: Buffer[] = [];
  const results = [];
  for (const argv of commands) {
    const r = await run(argv);
    results.push(r);
    if (r.status === 'collected') parts.push(r.stdout);
    if (commands.length > 1 && r.status !== 'collected') base.notes.push(`${argv.join(' ')}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
    if (r.status === 'missing') break; // the other parts use the same command
  }
  const best = results.find((r) => r.status === 'collected') ?? results[results.length - 1];
  const data = parts.length ? Buffer.concat(parts) : best.status === 'timeout' && best.stdout.length ? best.stdout : null;
  return [
    {
      ...base,
      source: commands.map((a) => a.join(' ')).join(' ; '),
      status: best.status,
      reason: best.status === 'collected' ? null : best.reason,
      data,
      truncated: results.some((r) => r.truncated),
    },
  ];
}

/** Rotated logs: every matching file, newest first as numbered (`kern.log`, `kern.log.1`, ...), gunzipped. */
async function produceFiles(item: CollectItem, dir: string, match: RegExp, ctx: CollectContext, maxBytes: number): Promise<Produced[]> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => match.test(n)).sort(byRotation);
  if (names.length === 0) return [{ name: item.name, source: `${dir}/${match.source}`, status: 'missing', reason: `no ${item.name} in ${dir}`, data: null, truncated: false, notes: [] }];
  const out: Produced[] = [];
  let budget = maxBytes;
  for (const n of names) {
    const path = join(dir, n);
    const st = await fs.stat(path).catch(() => null);
    const outName = basename(n).replace(/\.gz$/, '');
    if (st && ctx.sinceMs !== null && st.mtimeMs < ctx.sinceMs) {
      out.push({ name: outName, source: path, status: 'skipped', reason: 'last written before --since', data: null, truncated: false, notes: [] });
      continue;
    }
    if (budget <= 0) {
      out.push({ name: outName, source: path, status: 'skipped', reason: 'size cap reached with newer files', data: null, truncated: false, notes: [] });
      continue;
    }
    const r = await readCapped(path, budget, item.keep ?? 'head');
    budget -= r.data?.length ?? 0;
    out.push({ name: outName, source: path, status: r.status, reason: r.reason, data: r.data, truncated: r.truncated, notes: [] });
  }
  return out;
}

function byRotation(a: string, b: string): number {
  const n = (s: string) => Number(/\.(\d+)(\.gz)?$/.exec(s)?.[1] ?? -1);
  return n(a) - n(b) || a.localeCompare(b);
}

/** Reads a file (gunzipping `.gz`) keeping at most `maxBytes`: the head, or the tail for logs. */
async function readCapped(
  path: string,
  maxBytes: number,
  keep: 'head' | 'tail',
): Promise<{ status: ItemStatus; reason: string | null; data: Buffer | null; truncated: boolean }> {
  try {
    const stream = /\.gz$/.test(path) ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    for await (const c of stream as AsyncIterable<Buffer>) {
      chunks.push(c);
      size += c.length;
      if (size > maxBytes) {
        truncated = true;
        if (keep === 'head') {
          (stream as { destroy?: () => void }).destroy?.();
          break;
        }
        while (size - chunks[0].length >= maxBytes) size -= chunks.shift()!.length;
      }
    }
    let data = Buffer.concat(chunks);
    if (data.length > maxBytes) {
      data = keep === 'head' ? data.subarray(0, maxBytes) : data.subarray(data.length - maxBytes);
      if (keep === 'tail' && data.indexOf(10) >= 0) data = data.subarray(data.indexOf(10) + 1);
    }
    return { status: data.length ? 'collected' : 'empty', reason: data.length ? null : 'empty', data, truncated };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { status: 'missing', reason: `no such file: ${path}`, data: null, truncated: false };
    if (code === 'EACCES' || code === 'EPERM') return { status: 'denied', reason: `permission denied: ${path}`, data: null, truncated: false };
    return { status: 'failed', reason: `${path}: ${(err as Error).message}`, data: null, truncated: false };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}
