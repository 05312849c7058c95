import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, type Finding, type Report } from '../../src/model/report.js';

const root = resolve(import.meta.dirname, '../..');
const caseDir = resolve(root, '../shared/cases/resize-pagecache-drop');

let report: Report;
beforeAll(() => {
  const out = execFileSync('node', ['bin/ktriage.js', 'analyze', caseDir, '--year', '2018', '--tz', 'Asia/Tokyo', '--json', '--no-history'], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'],
  });
  report = ReportSchema.parse(JSON.parse(out));
}, 120_000);

const byKind = (kind: string) => report.findings.filter((f) => f.kind === kind);
const one = (kind: string, pred: (f: Finding) => boolean) => {
  const found = byKind(kind).filter(pred);
  expect(found, `${kind} findings`).toHaveLength(1);
  return found[0];
};
const linked = (from: Finding, to: Finding) => report.correlations.find((c) => c.from === from.id && c.to === to.id);

describe('resize-pagecache-drop (README points 1-5)', () => {
  it('1. host db01, kernel 4.4.0-116-generic, Ubuntu', () => {
    const host = report.hosts.find((h) => h.name === 'db01');
    expect(host?.kernel.release).toBe('4.4.0-116-generic');
    expect(String(host?.kernel.distro ?? host?.facts?.distro ?? '')).toMatch(/ubuntu/i);
  });

  it('2. capacity changes of sdb, sdc and md0 in bytes, and the ext4 resize of md0', () => {
    const GiB = 1024 ** 3;
    for (const [dev, time] of [['sdb', '10:01:58'], ['sdc', '10:02:03']]) {
      const f = one('capacity_change', (x) => x.device === dev);
      expect(f.first.wall).toBe(`2018-03-14T${time}+09:00`);
      expect(f.details).toMatchObject({ oldBytes: 100 * GiB, newBytes: 200 * GiB, direction: 'grow' });
    }
    const md0 = one('capacity_change', (x) => x.device === 'md0');
    expect(md0.first.wall).toBe('2018-03-14T10:02:41+09:00');
    expect(md0.details).toMatchObject({ oldBytes: 107239964672, newBytes: 214614147072, unit: 'bytes' });
    const resize = one('fs_resize', (x) => x.device === 'md0');
    expect(resize.first.wall).toBe('2018-03-14T10:04:06+09:00');
    expect(resize.last.wall).toBe('2018-03-14T10:04:09+09:00');
  });

  it('3. kbcached drops ~98% (20.1 GB → 0.41 GB) in the sample ending 10:03:01', () => {
    const drop = one('metric_drop', (x) => x.details.series === 'kbcached');
    expect(drop.first.wall).toBe('2018-03-14T10:03:01+09:00');
    const d = drop.details as Record<string, number>;
    expect(d.before / 1e6).toBeCloseTo(20.1, 1);
    expect(d.after / 1e6).toBeCloseTo(0.41, 2);
    expect(d.relativeChange).toBeCloseTo(-0.98, 2);
    expect(Date.parse(String(drop.details.intervalEnd))).toBe(Date.parse('2018-03-14T10:03:01+09:00'));
    expect(Date.parse(String(drop.details.intervalStart))).toBe(Date.parse('2018-03-14T10:02:01+09:00'));
  });

  it('4. bread/s surges to ~31000 at 10:05:01 and decays over ~20 min; p99_ms ~12 → ~850 ms at 10:04:01', () => {
    const reads = one('metric_surge', (x) => x.details.series === 'bread/s');
    expect(reads.first.wall).toBe('2018-03-14T10:05:01+09:00');
    expect(reads.details.before as number).toBeLessThan(100);
    expect(reads.details.after as number).toBeCloseTo(31000, -3);
    expect(reads.details.recoverySeconds as number).toBeGreaterThanOrEqual(15 * 60);
    expect(reads.details.recoverySeconds as number).toBeLessThanOrEqual(25 * 60);
    const p99 = one('metric_surge', (x) => x.details.series === 'p99_ms');
    expect(p99.first.wall).toBe('2018-03-14T10:04:01+09:00');
    expect(p99.details.before as number).toBeGreaterThan(10);
    expect(p99.details.before as number).toBeLessThan(15);
    expect(p99.details.after as number).toBeCloseTo(850, -1);
  });

  it('5. md0 capacity change → page-cache drop → read surge and latency rise, in order with lags', () => {
    const md0 = one('capacity_change', (x) => x.device === 'md0');
    const drop = one('metric_drop', (x) => x.details.series === 'kbcached');
    const reads = one('metric_surge', (x) => x.details.series === 'bread/s');
    const p99 = one('metric_surge', (x) => x.details.series === 'p99_ms');
    const first = linked(md0, drop);
    expect(first).toMatchObject({ relation: 'explains', lagSeconds: 20, confidence: 'high' });
    expect(linked(drop, reads)).toMatchObject({ relation: 'explains', lagSeconds: 120 });
    expect(linked(drop, p99)).toMatchObject({ relation: 'explains', lagSeconds: 60 });
    // No invented links: the resync and the later ext4 resize do not explain the drop; nothing explains md0.
    const resync = one('md_resync', (x) => x.device === 'md0');
    expect(linked(resync, drop)).toBeUndefined();
    expect(report.correlations.filter((c) => c.to === md0.id && c.relation === 'explains')).toHaveLength(0);
  });

  it('the verdict: the kernel is at fault, resting on the known issue the chain matches', () => {
    expect(report.conclusion).toMatchObject({ layer: 'kernel', confidence: 'high', knownIssue: 'blockdev-expand-flushes-pagecache' });
    expect(report.conclusion!.reasons.join(' ')).toMatch(/capacity change of md0.*kbcached/);
    expect(report.conclusion!.reasons.join(' ')).toMatch(/4\.4\.0-116-generic .*affected/);
  });
});
