import { describe, expect, it } from 'vitest';
import { parseStat } from './d-state.js';
import { parseDuration, parseSince } from './duration.js';
import { runCommand } from './run-command.js';
import { saFileFor } from './sysstat.js';

describe('durations', () => {
  it('reads --since values', () => {
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('soon')).toBeNull();
    expect(parseSince('1d', new Date('2024-01-02T00:00:00Z'))).toBe(Date.parse('2024-01-01T00:00:00Z'));
    expect(parseSince('2024-01-01T00:00:00Z', new Date())).toBe(Date.parse('2024-01-01T00:00:00Z'));
    expect(parseSince('yesterday-ish', new Date())).toBeNull();
  });
});

describe('runCommand', () => {
  it('caps output keeping the head, or the newest lines for logs', async () => {
    const head = await runCommand(['sh', '-c', 'seq 1 100000'], { timeoutMs: 5000, maxBytes: 100 });
    expect(head).toMatchObject({ status: 'collected', truncated: true });
    expect(head.stdout.toString().startsWith('1\n2\n')).toBe(true);
    const tail = await runCommand(['sh', '-c', 'seq 1 100000'], { timeoutMs: 5000, maxBytes: 100, keep: 'tail' });
    expect(tail.truncated).toBe(true);
    expect(tail.stdout.toString().endsWith('99999\n100000\n')).toBe(true);
    expect(tail.stdout.length).toBeLessThanOrEqual(100);
    expect(/^\d+\n/.test(tail.stdout.toString())).toBe(true);
  });

  it('tells failures apart', async () => {
    expect((await runCommand(['ktriage-no-such-cmd'], { timeoutMs: 1000, maxBytes: 10 })).status).toBe('missing');
    expect(await runCommand(['sh', '-c', 'echo "cat: x: Permission denied" >&2; exit 1'], { timeoutMs: 1000, maxBytes: 10 })).toMatchObject({ status: 'denied', exitCode: 1 });
    expect(await runCommand(['sh', '-c', 'exit 3'], { timeoutMs: 1000, maxBytes: 10 })).toMatchObject({ status: 'failed', exitCode: 3 });
    expect((await runCommand(['true'], { timeoutMs: 1000, maxBytes: 10 })).status).toBe('empty');
  });

  it('kills a hanging command and its children after the timeout', async () => {
    const started = Date.now();
    const r = await runCommand(['sh', '-c', 'echo partial; sleep 30 & sleep 30'], { timeoutMs: 300, maxBytes: 1000 });
    expect(r.status).toBe('timeout');
    expect(r.stdout.toString()).toBe('partial\n');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('helpers', () => {
  it('parses /proc/PID/stat with odd command names', () => {
    expect(parseStat('5938 (kworker/2:1) D 2 0 0')).toEqual({ comm: 'kworker/2:1', state: 'D' });
    expect(parseStat('77 (a) b) S 1')).toEqual({ comm: 'a) b', state: 'S' });
    expect(parseStat('garbage')).toBeNull();
  });

  it('finds sysstat files in either naming', () => {
    const day = new Date(2024, 4, 3);
    expect(saFileFor(day, (p) => p === '/var/log/sa/sa03')).toBe('/var/log/sa/sa03');
    expect(saFileFor(day, (p) => p === '/var/log/sysstat/sa20240503')).toBe('/var/log/sysstat/sa20240503');
    expect(saFileFor(day, () => false)).toBeNull();
  });
});
