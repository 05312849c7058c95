import { createReadStream, promises as fs } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Diagnostic } from '../model/record.js';
import type { InputSource } from './types.js';

/** Files that are never logs (editor droppings, our own outputs, VCS). */
const IGNORED_NAMES = [/^\./, /~$/, /\.(swp|png|jpe?g|gif|pdf|html?|sqlite|db|zip|xz|zst|bz2|7z)$/i, /^README(\.md)?$/];

export function isBundleName(name: string): boolean {
  return /\.(tar\.gz|tgz|tar)$/i.test(name);
}

/**
 * Turns the paths a user named into inputs. A folder is walked; a file directly inside a host sub-folder
 * takes that folder's name as its host (`case/backup01/syslog` → backup01). When the named folder itself
 * has no sub-folders, its own name is the host (`rook-krbd-xfs-hang/node-a`). Bundles (`.tar.gz`) are
 * returned as bundle paths for the bundle reader.
 */
export async function discoverInputs(
  paths: readonly string[],
): Promise<{ files: InputSource[]; bundles: string[]; diagnostics: Diagnostic[] }> {
  const files: InputSource[] = [];
  const bundles: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = await fs.stat(path);
    } catch (err) {
      diagnostics.push({ file: path, severity: 'error', message: `cannot read: ${describeError(err)}` });
      continue;
    }
    if (stat.isDirectory()) {
      await walkFolder(path, files, bundles, diagnostics);
    } else if (isBundleName(path)) {
      bundles.push(path);
    } else {
      files.push(fileInput(path, path, null, basename(dirname(path)) || null, stat.mtimeMs, stat.size));
    }
  }
  return { files: orderForFacts(files), bundles, diagnostics };
}

async function walkFolder(root: string, files: InputSource[], bundles: string[], diagnostics: Diagnostic[]): Promise<void> {
  const found: Array<{ path: string; mtimeMs: number; size: number }> = [];
  let hasSubfolders = false;
  const visit = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      diagnostics.push({ file: dir, severity: 'error', message: `cannot read folder: ${describeError(err)}` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (IGNORED_NAMES.some((re) => re.test(entry.name))) continue;
      if (entry.isDirectory()) {
        if (depth === 0) hasSubfolders = true;
        if (entry.name === 'node_modules') continue;
        await visit(path, depth + 1);
      } else if (entry.isFile()) {
        try {
          const st = await fs.stat(path);
          found.push({ path, mtimeMs: st.mtimeMs, size: st.size });
        } catch (err) {
          diagnostics.push({ file: path, severity: 'error', message: `cannot read: ${describeError(err)}` });
        }
      }
    }
  };
  await visit(root, 0);
  const rootName = basename(root.replace(/[\\/]+$/, '')) || null;
  for (const f of found) {
    if (isBundleName(f.path)) {
      bundles.push(f.path);
      continue;
    }
    const parts = relative(root, f.path).split(sep);
    // host = the first sub-folder under the named folder; files right in it belong to the folder itself
    // only when it has no sub-folders (then it is a host folder, not a case folder).
    const folderHost = parts.length > 1 ? parts[0] : hasSubfolders ? null : rootName;
    files.push(fileInput(f.path, f.path, folderHost, rootName, f.mtimeMs, f.size));
  }
}

/** An input for a plain or gzipped file on disk. */
export function fileInput(
  path: string,
  name: string,
  folderHost: string | null,
  fallbackHost: string | null,
  mtimeMs: number,
  size: number,
): InputSource {
  const gz = /\.gz$/i.test(path);
  return {
    name,
    baseName: basename(path).replace(/\.gz$/i, ''),
    folderHost,
    fallbackHost,
    mtimeMs,
    size,
    filePath: path,
    open: () => {
      const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
      return gz ? stream.pipe(createGunzip()) : stream;
    },
  };
}

/** Files that state host facts (kernel release, host name) go first so detectors can use them. */
const FACT_FILES = /^(uname|proc-version|version|os-release|hostnamectl|lsmod|modules|tainted|btime|cmdline)/i;

export function isFactFile(baseName: string): boolean {
  return FACT_FILES.test(baseName);
}

export function orderForFacts<T extends { baseName: string }>(inputs: T[]): T[] {
  return [...inputs.filter((i) => isFactFile(i.baseName)), ...inputs.filter((i) => !isFactFile(i.baseName))];
}

export function describeError(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = String((err as { code: unknown }).code);
    const messages: Record<string, string> = {
      ENOENT: 'no such file or folder',
      EACCES: 'permission denied',
      EISDIR: 'is a folder',
      EMFILE: 'too many open files',
      Z_DATA_ERROR: 'corrupt compressed data',
      Z_BUF_ERROR: 'truncated compressed data',
    };
    return messages[code] ?? `${code}: ${(err as unknown as Error).message ?? ''}`.trim();
  }
  return err instanceof Error ? err.message : String(err);
}
