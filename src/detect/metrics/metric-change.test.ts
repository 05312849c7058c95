import { describe, expect, it } from 'vitest';
import type { Observation } from '../../model/observation.js';
import type { MetricRecord } from '../../model/record.js';
import { createDownsampler } from './downsample.js';
import { metricChangeDetector } from './metric-change.js';

/** Deterministic pseudo-random noise (no flaky tests). */
function noise(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

function detect(values: number[], name = 'kbcached', device?: string): Observation[] {
  const out: Observation[] = [];
  const d = metricChangeDetector.create({ file: 'sar.txt', host: 'h1', format: 'sar', kernelRelease: () => null });
  values.forEach((v, i) => {
    const r: MetricRecord = { kind: 'metric', file: 'sar.txt', line: i + 1, stamp: { wallMs: i * 60_000 }, intervalSeconds: 60, values: { [name]: v }, source: 'sar', ...(device ? { device } : {}) };
    d.push(r, (o) => out.push(o));
  });
  d.end((o) => out.push(o));
  return out;
}
const findings = (o: Observation[]) => o.flatMap((x) => (x.type === 'finding' ? [x.finding] : []));

describe('metric change points', () => {
  it('noise only gives nothing (several noise levels and seeds)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = noise(seed);
      for (const [level, amp] of [[20_000_000, 0.05], [50, 0.6], [0.3, 2], [0, 0.8]]) {
        const values = Array.from({ length: 300 }, () => Math.max(0, level * (1 + amp * r()) + (level === 0 ? amp * (r() + 0.5) : 0)));
        expect(findings(detect(values)), `seed ${seed} level ${level}`).toEqual([]);
      }
    }
  });

  it('a lone spike is not a change; a level drop with recovery is, with before/after and recovery time', () => {
    const r = noise(7);
    const base = Array.from({ length: 20 }, () => 20_000_000 * (1 + 0.002 * r()));
    const spike = detect([...base, 400_000, ...base]);
    expect(findings(spike)).toEqual([]);
    const dropped = detect([...base, 400_000, 420_000, 5_000_000, 10_000_000, 15_000_000, 19_900_000, ...base]);
    const [f] = findings(dropped);
    expect(f).toMatchObject({ kind: 'metric_drop', layer: 'metrics', title: 'metric drop: kbcached on h1', stamp: { wallMs: 20 * 60_000 } });
    expect(f.details).toMatchObject({ series: 'kbcached', after: 400_000, recoverySeconds: 5 * 60, unit: 'kB', intervalStart: '1970-01-01T00:19:00Z' });
    expect(f.details.relativeChange as number).toBeCloseTo(-0.98, 2);
    expect(f.evidence.map((e) => e.line)).toEqual([20, 21, 22, 23, 24]);
  });

  it('a decaying surge is one surge (no repeated findings while it decays), per device', () => {
    const base = Array.from({ length: 20 }, (_, i) => 50 + (i % 5));
    const decay = Array.from({ length: 30 }, (_, i) => 31000 * Math.exp(-i / 7));
    const fs = findings(detect([...base, ...decay, ...base], 'rxpck/s', 'eth0'));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ kind: 'metric_surge', device: 'eth0', title: 'metric surge: rxpck/s of eth0 on h1' });
    expect(fs[0].details.recoverySeconds as number).toBeGreaterThan(10 * 60);
  });

  it('a slow ramp is not a sudden change', () => {
    const values = Array.from({ length: 200 }, (_, i) => 1000 + i * 20);
    expect(findings(detect(values))).toEqual([]);
  });

  it('emits a chart series bounded to 500 points', () => {
    const out = detect(Array.from({ length: 5000 }, (_, i) => i % 97));
    const series = out.flatMap((o) => (o.type === 'series' ? [o.series] : []));
    expect(series).toHaveLength(1);
    expect(series[0].points.length).toBeLessThanOrEqual(500);
    expect(series[0].points.length).toBeGreaterThan(200);
  });
});

describe('downsampler', () => {
  it('keeps spikes and time order with fixed memory', () => {
    const d = createDownsampler(100);
    for (let i = 0; i < 100_000; i++) d.push(i, i === 77_777 ? 1e6 : i % 10);
    const pts = d.points();
    expect(pts.length).toBeLessThanOrEqual(100);
    expect(pts.some(([t, v]) => t === 77_777 && v === 1e6)).toBe(true);
    expect(pts.every((p, i) => i === 0 || p[0] >= pts[i - 1][0])).toBe(true);
  });
});
