// The benchmark's correctness check at a small size: ktriage must find exactly the injected kernel
// reports, DHCP failures and metric drops in generated syslog, journal and dmesg input. Never timing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../bench/generate.js';
import { checkFindings } from '../bench/check.js';
import { analyzePaths } from '../src/pipeline/analyze.js';

const dir = mkdtempSync(join(tmpdir(), 'ktriage-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('benchmark input, small', () => {
  it('finds exactly the injected findings', async () => {
    const manifest = generate(dir, { sizeBytes: 12 << 20, hosts: 6, seed: 7, reportsPerKind: 2 });
    // every kind the generator knows is injected at least once
    const kinds = new Set(manifest.expected.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['dhcp_lease_lost', 'gpf', 'hung_task', 'metric_drop', 'oom_kill', 'oops', 'rcu_stall', 'soft_lockup', 'warning']);
    const report = await analyzePaths([join(dir, 'data')], { year: manifest.year, timeZone: manifest.timeZone, historyDb: null });
    const result = checkFindings(manifest.expected, report.findings);
    expect(result.problems).toEqual([]);
  }, 60_000);

  it('is reproducible: the same seed writes the same manifest', () => {
    const a = generate(join(dir, 'a'), { sizeBytes: 64 << 10, hosts: 3, seed: 11, reportsPerKind: 1 });
    const b = generate(join(dir, 'b'), { sizeBytes: 64 << 10, hosts: 3, seed: 11, reportsPerKind: 1 });
    expect(b.expected).toEqual(a.expected);
  });

  it('the check fails on a missed, a miscounted and an unexpected finding', () => {
    const expected = [{ host: 'h', kind: 'gpf', count: 2, templates: ['gpf'] }, { host: 'h', kind: 'warning', count: 1, templates: ['warning'] }];
    const found = [{ host: 'h', kind: 'gpf', count: 1, title: 'x' }, { host: 'h', kind: 'net_link_down', count: 1, title: 'y' }];
    expect(checkFindings(expected, found).problems).toHaveLength(3);
    expect(checkFindings(expected, [{ host: 'h', kind: 'gpf', count: 1, title: 'a' }, { host: 'h', kind: 'gpf', count: 1, title: 'b' }, { host: 'h', kind: 'warning', count: 1, title: 'c' }]).ok).toBe(true);
  });
});
