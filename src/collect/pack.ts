import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tarStream from 'tar-stream';

/**
 * Writes the files under `root` (relative paths, in the given order) into a `.tar.gz`, streaming each file
 * into its entry so memory stays bounded whatever the sizes.
 *
 * @example await packTarGz('/tmp/stage', ['node-a/dmesg.txt', 'manifest.json'], 'bundle.tar.gz')
 */
export async function packTarGz(root: string, files: readonly string[], out: string): Promise<void> {
  const pack = tarStream.pack();
  const written = pipeline(pack, createGzip(), createWriteStream(out));
  const dirs = new Set<string>();
  for (const rel of files) {
    // Folder entries first, so `tar -t` and extractors show the host folders.
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join('/');
      if (dirs.has(d)) continue;
      dirs.add(d);
      await new Promise<void>((resolve, reject) =>
        pack.entry({ name: d + '/', type: 'directory', mode: 0o755, mtime: new Date() }, (err) => (err ? reject(err) : resolve())),
      );
    }
    const st = await fs.stat(join(root, rel));
    await new Promise<void>((resolve, reject) => {
      const entry = pack.entry({ name: rel, size: st.size, mode: 0o644, mtime: st.mtime }, (err) => (err ? reject(err) : resolve()));
      createReadStream(join(root, rel)).on('error', reject).pipe(entry);
    });
  }
  pack.finalize();
  await written;
}
