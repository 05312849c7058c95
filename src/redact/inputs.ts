import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tarStream from 'tar-stream';
import { packTarGz } from '../collect/pack.js';
import { redactText } from './engine.js';
import { redactTree } from './files.js';
import { createMappingTable } from './table.js';

/**
 * `ktriage redact IN... --out DIR|FILE.tar.gz`: redacts files, folders and bundles with one shared
 * mapping table, into a folder or a new bundle. A bundle's own `manifest.json` is redacted like any file.
 * Returns the replacement counts by category.
 *
 * @example await redactInputs(['case/node-a'], 'public.tar.gz')
 */
export async function redactInputs(inputs: readonly string[], out: string): Promise<Record<string, { values: number; replacements: number }>> {
  const work = await fs.mkdtemp(join(dirname(out.replace(/[\\/]+$/, '')) || '.', '.ktriage-redact-'));
  try {
    const stage = join(work, 'in');
    await fs.mkdir(stage, { recursive: true });
    for (const input of inputs) {
      const st = await fs.stat(input);
      if (st.isDirectory()) await fs.cp(input, join(stage, basename(input)), { recursive: true });
      else if (/\.(tar\.gz|tgz|tar)$/i.test(input)) await extract(input, stage);
      else await fs.copyFile(input, join(stage, basename(input).replace(/\.gz$/i, '')));
    }
    const table = createMappingTable();
    const toBundle = /\.(tar\.gz|tgz)$/i.test(out);
    const target = toBundle ? join(work, 'out') : out;
    const files = await redactTree(stage, target, table);
    if (toBundle) await packTarGz(target, files, out);
    return table.summary();
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** Unpacks a bundle's regular files (gunzipping `.gz` entries) under `into`; refuses paths leaving it. */
async function extract(bundle: string, into: string): Promise<void> {
  const ex = tarStream.extract();
  ex.on('entry', (header, stream, next) => {
    const name = header.name.replace(/^\.?\/+/, '');
    if (header.type !== 'file' || name.split('/').includes('..')) {
      stream.resume();
      stream.on('end', next);
      return;
    }
    const path = join(into, name.replace(/\.gz$/i, ''));
    fs.mkdir(dirname(path), { recursive: true })
      .then(() => pipeline(/\.gz$/i.test(name) ? stream.pipe(createGunzip()) : stream, createWriteStream(path)))
      .then(() => next(), (err: Error) => ex.destroy(err));
  });
  const source = createReadStream(bundle);
  await pipeline(/\.tar$/i.test(bundle) ? source : source.pipe(createGunzip()), ex);
}

export { redactText };
