import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
import { describe, expect, it } from 'vitest';
import { collectBundle, collectItems, ManifestSchema, type CollectItem } from '../src/collect/index.js';
import { readTarGz } from './bundle-helpers.js';

const root = join(import.meta.dirname, '..');
const run = promisify(execFile);
const temp = () => mkdtempSync(join(tmpdir(), 'ktriage-collect-'));

describe('ktriage collect on this machine', () => {
  it('writes one bundle with a host folder and a manifest that says why each missing item is missing', async () => {
    const out = join(temp(), 'bundle.tar.gz');
    const result = await collectBundle({ out, timeoutMs: 5000 });
    const files = await readTarGz(out);
    const manifest = ManifestSchema.parse(JSON.parse(files.get('manifest.json')!));
    expect(manifest.host).toBe(hostname());
    expect(manifest.items.map((i) => i.name)).toEqual(expect.arrayContaining(['uname.txt', 'btime', 'meminfo.txt', 'd-state-stacks.txt']));
    // Every item is accounted for, and every non-collected one has a reason.
    for (const item of collectItems) {
      if (item.source.kind !== 'files') expect(manifest.items.some((i) => i.name === item.name)).toBe(true);
    }
    for (const i of manifest.items) {
      if (i.status === 'collected') {
        expect(files.has(i.file!)).toBe(true);
        expect(files.get(i.file!)!.length).toBe(i.bytes);
      } else expect(i.reason).toBeTruthy();
    }
    expect(files.get(`${manifest.host}/uname.txt`)).toMatch(/^Linux /);
    expect(files.get(`${manifest.host}/btime`)).toMatch(/^btime \d+$/m);
    expect(result.manifest.items.length).toBe(manifest.items.length);
  });

  it('kills a command that hangs (with its process group), notes it, and goes on', async () => {
    const items: CollectItem[] = [
      { name: 'hang.txt', why: 'test: a command that hangs like lsblk on a dead device', format: 'text', source: { kind: 'command', commands: () => [['sh', '-c', 'sleep 100 & sleep 100']] } },
      { name: 'uname.txt', why: 'test: the next item still runs', format: 'text', source: { kind: 'command', commands: () => [['uname', '-a']] } },
      { name: 'nothere.txt', why: 'test: a missing command', format: 'text', source: { kind: 'command', commands: () => [['ktriage-no-such-command']] } },
      { name: 'denied.txt', why: 'test: a missing file', format: 'text', source: { kind: 'file', path: '/nonexistent/x' } },
      { name: 'big.txt', why: 'test: output over the cap', format: 'text', maxBytes: 1000, source: { kind: 'command', commands: () => [['sh', '-c', 'yes line | head -n 10000']] } },
    ];
    const out = join(temp(), 'b.tar.gz');
    const started = Date.now();
    const { manifest } = await collectBundle({ out, items, timeoutMs: 700, hostname: 'test-host' });
    expect(Date.now() - started).toBeLessThan(10_000);
    const byName = new Map(manifest.items.map((i) => [i.name, i]));
    expect(byName.get('hang.txt')).toMatchObject({ status: 'timeout', file: null });
    expect(byName.get('hang.txt')!.reason).toMatch(/killed after 700 ms/);
    expect(byName.get('uname.txt')).toMatchObject({ status: 'collected', file: 'test-host/uname.txt' });
    expect(byName.get('nothere.txt')).toMatchObject({ status: 'missing', reason: 'command not found: ktriage-no-such-command' });
    expect(byName.get('denied.txt')).toMatchObject({ status: 'missing' });
    expect(byName.get('big.txt')).toMatchObject({ status: 'collected', truncated: true, bytes: 1000 });
    // The backgrounded `sleep 100` of the group is gone too.
    const { stdout } = await run('ps', ['-eo', 'args']).catch(() => ({ stdout: '' }));
    expect(stdout).not.toMatch(/^sh -c sleep 100 & sleep 100$/m);
  });

  // Directly as a .tar.gz (what users do), and unpacked (the same files through the folder reader).
  it.each(['bundle', 'unpacked'])('gives a bundle that ktriage analyze reads without errors (%s)', async (how) => {
    const dir = temp();
    const out = join(dir, 'this-host.tar.gz');
    await collectBundle({ out, timeoutMs: 5000 });
    let input = out;
    if (how === 'unpacked') {
      input = join(dir, 'unpacked');
      for (const [name, text] of await readTarGz(out)) {
        if (name.endsWith('/')) continue;
        mkdirSync(dirname(join(input, name)), { recursive: true });
        writeFileSync(join(input, name), text);
      }
    }
    const { stdout } = await run(process.execPath, [join(root, 'bin', 'ktriage.js'), 'analyze', input, '--json', '--no-history'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(stdout) as { hosts: Array<{ name: string; kernel: { release: string | null } }>; diagnostics: Array<{ severity: string; file: string; message: string }>; inputs: Array<{ error?: string }> };
    expect(report.diagnostics.filter((d) => d.severity === 'error' && !/\/kb\//.test(d.file))).toEqual([]);
    expect(report.inputs.filter((i) => i.error)).toEqual([]);
    const host = report.hosts.find((h) => h.name === hostname());
    expect(host?.kernel.release).toBe((await run('uname', ['-r'])).stdout.trim());
  });

  // Degrades as a normal user: the bundle is still written and the manifest says what needed root.
  const canDropRoot = process.getuid?.() === 0 && (() => { try { return require('node:child_process').execFileSync('setpriv', ['--version']).length > 0; } catch { return false; } })();
  it.skipIf(!canDropRoot)('runs as a normal user and says what needed root', async () => {
    const dir = temp();
    const { chmodSync } = await import('node:fs');
    chmodSync(dir, 0o777);
    const script = join(dir, 'run.mts');
    const out = join(dir, 'b.tar.gz');
    writeFileSync(script, `import { collectBundle } from ${JSON.stringify(join(root, 'src/collect/index.ts'))};\nawait collectBundle({ out: ${JSON.stringify(out)}, timeoutMs: 3000 });\n`);
    await run('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'env', `HOME=${dir}`, process.execPath, '--import', 'tsx', script], { cwd: root });
    const manifest = ManifestSchema.parse(JSON.parse((await readTarGz(out)).get('manifest.json')!));
    expect(manifest.runAsRoot).toBe(false);
    const dmesg = manifest.items.find((i) => i.name === 'dmesg.txt')!;
    if (dmesg.status === 'denied') expect(dmesg.reason).toMatch(/needs root/);
    expect(manifest.items.find((i) => i.name === 'uname.txt')!.status).toBe('collected');
  });
});
