import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tarStream from 'tar-stream';
import type { InputSource } from './types.js';

/**
 * Reads a `.tar.gz` bundle (as `ktriage collect` writes it) entry by entry without unpacking it to disk.
 * Each entry is handed to `consume` as an InputSource whose host is the first folder inside the bundle;
 * the tar stream waits until `consume` has finished with the entry (entries stream one at a time).
 * Entries are analysed in bundle order: `collect` writes fact files (uname, ...) first.
 */
export async function readBundle(
  path: string,
  consume: (input: InputSource) => Promise<void>,
): Promise<void> {
  const extract = tarStream.extract();
  const source = createReadStream(path);
  const gz = /\.(tar\.gz|tgz)$/i.test(path);
  const done = new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    source.on('error', reject);
  });
  extract.on('entry', (header, stream, next) => {
    const finish = (err?: unknown) => (err ? extract.destroy(err as Error) : next());
    if (header.type !== 'file') {
      stream.resume();
      stream.on('end', () => finish());
      return;
    }
    const inner = header.name.replace(/^\.\//, '');
    const parts = inner.split('/').filter(Boolean);
    const base = basename(inner).replace(/\.gz$/i, '');
    if (base.startsWith('.') || /\.(png|jpe?g|pdf|html?)$/i.test(base)) {
      stream.resume();
      stream.on('end', () => finish());
      return;
    }
    const makeInput = (open: () => Readable): InputSource => ({
      name: `${path}:${inner}`,
      baseName: base,
      folderHost: parts.length > 1 ? parts[0] : null,
      fallbackHost: null,
      mtimeMs: header.mtime ? header.mtime.getTime() : null,
      size: header.size ?? null,
      open,
    });
    const isGz = /\.gz$/i.test(inner);
    // tar-stream entries are streamx streams: bridge them to a Node Readable the reader may stop early,
    // and drain whatever it leaves so the next entry can start.
    const entry = stream as unknown as Readable;
    let ended = false;
    const body = new Readable({ read: () => void entry.resume() });
    entry.on('data', (chunk: Buffer) => {
      if (!body.destroyed && !body.push(chunk)) entry.pause();
    });
    const whenEnded = new Promise<void>((resolve) => {
      const end = () => {
        if (!ended) {
          ended = true;
          if (!body.destroyed) body.push(null);
          resolve();
        }
      };
      entry.on('end', end);
      entry.on('close', end);
    });
    const input = makeInput(() => (isGz ? body.pipe(createGunzip()) : body));
    consume(input).then(
      () => {
        if (!ended) {
          body.destroy();
          entry.resume();
        }
        whenEnded.then(() => finish(), finish);
      },
      finish,
    );
  });
  (gz ? source.pipe(createGunzip()) : source).pipe(extract);
  await done;
}
