import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import tarStream from 'tar-stream';
import { analyzeJson, ktriage, CASES, hasShared } from './helpers/cli.js';

const DMESG = hasShared ? readFileSync(`${CASES}/rook-krbd-xfs-hang/node-a/dmesg.txt`) : Buffer.from('');

async function tarGz(entries: Record<string, Buffer>): Promise<Buffer> {
  const pack = tarStream.pack();
  for (const [name, data] of Object.entries(entries)) pack.entry({ name }, data);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

describe.skipIf(!hasShared)('ingest through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktriage-ingest-'));

  it('reads .gz files, and skips binary, empty and missing files with a warning naming them', async () => {
    mkdirSync(join(dir, 'node-a'), { recursive: true });
    writeFileSync(join(dir, 'node-a', 'dmesg.txt.gz'), gzipSync(DMESG));
    writeFileSync(join(dir, 'node-a', 'core.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]));
    writeFileSync(join(dir, 'node-a', 'empty.log'), '');
    const { report, stderr } = await analyzeJson([join(dir, 'node-a'), join(dir, 'missing.log')]);
    expect(report.findings.filter((f) => f.kind === 'hung_task')).toHaveLength(1);
    expect(stderr).toMatch(/core\.bin.*binary/);
    expect(stderr).toMatch(/empty\.log.*empty/);
    expect(stderr).toMatch(/missing\.log.*no such file/);
    expect(report.inputs.find((i) => i.file.endsWith('dmesg.txt.gz'))).toMatchObject({ format: 'dmesg', host: 'node-a', lines: 62 });
  });

  it('reads a .tar.gz bundle directly, one folder per host', async () => {
    const bundle = join(dir, 'bundle.tar.gz');
    writeFileSync(bundle, await tarGz({ 'node-a/dmesg.txt': DMESG, 'node-a/manifest.json': Buffer.from('{}') }));
    const { report } = await analyzeJson([bundle]);
    const hung = report.findings.filter((f) => f.kind === 'hung_task');
    expect(hung).toHaveLength(1);
    expect(hung[0].host).toBe('node-a');
    expect(hung[0].evidence[0].file).toBe(`${bundle}:node-a/dmesg.txt`);
  });

  it('survives CRLF, NUL bytes, invalid UTF-8 and a multi-megabyte line', async () => {
    const messy = Buffer.concat([
      Buffer.from(DMESG.toString().replace(/\n/g, '\r\n').slice(0, 2000)),
      Buffer.from([0xff, 0xfe, 0x00, 0x0a]),
      Buffer.from('[ 1.000000] ' + 'A'.repeat(5 * 1024 * 1024) + '\n'),
      Buffer.from(DMESG.toString().split('\n').slice(20).join('\n')),
    ]);
    mkdirSync(join(dir, 'messy'), { recursive: true });
    writeFileSync(join(dir, 'messy', 'dmesg.txt'), messy);
    const { report, stderr } = await analyzeJson([join(dir, 'messy')]);
    expect(report.findings.some((f) => f.title === 'INFO: task hung in _xfs_log_force_lsn')).toBe(true);
    expect(stderr).toMatch(/64 KiB/);
  });

  it('exits 2 when no input is readable, and on a bad option', async () => {
    const none = await ktriage(['analyze', join(dir, 'does-not-exist')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/does-not-exist.*no such file/);
    expect(none.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    const badTz = await ktriage(['analyze', join(dir, 'node-a'), '--tz', 'Mars/Olympus']);
    expect(badTz.code).toBe(2);
    expect(badTz.stderr).toMatch(/IANA time zone/);
  });
});
