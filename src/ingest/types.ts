import type { Readable } from 'node:stream';

/**
 * One input file as discovered: a plain file, a member of a .gz, or an entry of a .tar(.gz) bundle.
 * `open` streams its (decompressed) bytes; it may be called once.
 */
export interface InputSource {
  /** The name shown to users: the path as given, or `bundle.tar.gz:host/file` for bundle members. */
  readonly name: string;
  /** Base name used for sniffing (`kern.log`, `dmesg.txt`), without a `.gz` suffix. */
  readonly baseName: string;
  /** Host from the folder layout (a host sub-folder), or null when the layout does not say. */
  readonly folderHost: string | null;
  /** Last resort host name when neither the lines nor the layout say (a directly named file's folder). */
  readonly fallbackHost: string | null;
  readonly mtimeMs: number | null;
  readonly size: number | null;
  /** The file on disk for plain (or .gz) files; absent for bundle members. Lets a worker re-open it. */
  readonly filePath?: string;
  open(): Readable;
}
