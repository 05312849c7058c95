import { promises as fs } from 'node:fs';
import { hostname as osHostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createMappingTable } from '../redact/table.js';
import { learnSelf } from '../redact/learn.js';
import { listFiles, redactPath, redactTree } from '../redact/files.js';
import { redactText } from '../redact/engine.js';
import { runItems } from './engine.js';
import { collectItems } from './items.js';
import { packTarGz } from './pack.js';
import type { CollectItem, Manifest } from './types.js';

export { collectItems } from './items.js';
export { runItems } from './engine.js';
export { runCommand } from './run-command.js';
export { parseDuration, parseSince } from './duration.js';
export type { CollectItem, CollectContext, Manifest, ManifestEntry } from './types.js';
export { ManifestSchema } from './types.js';

export const MANIFEST_VERSION = 1;

export interface CollectOptions {
  out: string;
  sinceMs?: number | null;
  sinceText?: string | null;
  redact?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  /** The item table; tests inject their own (a hanging command). */
  items?: readonly CollectItem[];
  hostname?: string;
  now?: Date;
}

export interface CollectResult {
  out: string;
  host: string;
  manifest: Manifest;
}

/**
 * Collects the table's items from this host into one `.tar.gz` that `ktriage analyze` reads directly:
 * `<host>/<item files>` and `manifest.json` at the top. With `redact`, every file (and the host folder
 * name, and the manifest) goes through one shared mapping table first.
 *
 * @example await collectBundle({ out: 'node-a.tar.gz', sinceMs: Date.now() - 86_400_000 })
 */
export async function collectBundle(options: CollectOptions): Promise<CollectResult> {
  const now = options.now ?? new Date();
  const host = sanitizeName(options.hostname ?? osHostname()) || 'localhost';
  const isRoot = typeof process.getuid === 'function' ? process.getuid() === 0 : false;
  const ctx = {
    sinceMs: options.sinceMs ?? null,
    now,
    isRoot,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: options.maxBytes ?? 64 * 1024 * 1024,
  };
  const work = await fs.mkdtemp(join(tmpdir(), 'ktriage-collect-'));
  try {
    const raw = join(work, 'raw');
    const items = await runItems(options.items ?? collectItems, ctx, join(raw, host));
    let root = raw;
    let hostFolder = host;
    let redaction: Manifest['redaction'] = null;
    let files = await listFiles(raw);
    if (options.redact) {
      const table = createMappingTable();
      const users = [userInfo().username, process.env.SUDO_USER].filter((u): u is string => Boolean(u));
      learnSelf(table, { hostname: host, users });
      root = join(work, 'redacted');
      files = await redactTree(raw, root, table);
      hostFolder = redactPath(host, table);
      for (const entry of items) {
        entry.reason = entry.reason === null ? null : redactText(entry.reason, table);
        entry.source = redactText(entry.source, table);
        if (entry.notes) entry.notes = entry.notes.map((n) => redactText(n, table));
      }
      redaction = table.summary();
    }
    const manifest: Manifest = {
      tool: 'ktriage collect',
      version: MANIFEST_VERSION,
      createdAt: now.toISOString(),
      host: hostFolder,
      runAsRoot: isRoot,
      since: options.sinceText ?? (ctx.sinceMs === null ? null : new Date(ctx.sinceMs).toISOString()),
      timeoutMs: ctx.timeoutMs,
      maxBytes: ctx.maxBytes,
      items: items.map((e) => ({ ...e, file: e.file === null ? null : `${hostFolder}/${e.file}` })),
      redaction,
    };
    await fs.writeFile(join(root, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    await packTarGz(root, [...files, 'manifest.json'], options.out);
    return { out: options.out, host: hostFolder, manifest };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** A host name as a folder name: no separators, no dot-files. */
function sanitizeName(name: string): string {
  return name.replace(/[\\/\s]/g, '_').replace(/^\.+/, '');
}
