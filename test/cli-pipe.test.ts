import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

describe('ktriage analyze --json into a reader that stops early (| head)', () => {
  it('exits 0 without a stack trace', async () => {
    const child = spawn('node', ['bin/ktriage.js', 'analyze', '../shared/cases/openstack-dhcp-vanish', '--year', '2012', '--json', '--no-history'], { cwd: root });
    // The reader is gone before the report is written: every write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toMatch(/Unhandled|EPIPE|at .*\.js:\d+/);
    expect(code).toBe(0);
  }, 60_000);
});
