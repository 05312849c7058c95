// Shared by test/collect.test.ts and test/redact.test.ts: read every entry of a .tar.gz into memory.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import tarStream from 'tar-stream';

export async function readTarGz(path: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const extract = tarStream.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      files.set(header.name, Buffer.concat(chunks).toString('utf8'));
      next();
    });
  });
  createReadStream(path).pipe(createGunzip()).pipe(extract);
  await done;
  return files;
}
