import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../../bench/generate.js';
import { createChangeTracker, type ChangePoint } from './change-point.js';

function changes(values: number[]): ChangePoint[] {
  const tr = createChangeTracker();
  const out = values.flatMap((v, i) => tr.push({ t: i * 60_000, v, line: i + 1, start: null }));
  return [...out, ...tr.end()];
}

const gauss = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
/** Zero-mean noise of standard deviation `sd`: uniform or normal. */
const noiseOf = (kind: 'uniform' | 'normal', sd: number, r: () => number) => () =>
  kind === 'uniform' ? (r() - 0.5) * sd * Math.sqrt(12) : sd * gauss(r);

const kinds = fc.constantFrom<'uniform' | 'normal'>('uniform', 'normal');

describe('change-point tracker properties', () => {
  it('i.i.d. uniform or normal noise of any range and length yields no change point', () => {
    fc.assert(
      fc.property(kinds, fc.integer(), fc.integer({ min: 5, max: 1500 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 1e5, noNaN: true }), (kind, seed, length, level, sd) => {
        const noise = noiseOf(kind, sd, seeded(seed));
        const values = Array.from({ length }, () => level + noise());
        expect(changes(values)).toEqual([]);
      }),
      { numRuns: 300, seed: 20240310 },
    );
  });

  it('the bench kbdirty shape (uniform 100..900 kB) yields no change point', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const r = seeded(seed);
      expect(changes(Array.from({ length: 1200 }, () => 100 + Math.floor(r() * 801))), `seed ${seed}`).toEqual([]);
    }
  });

  it('a clear step (≥ 6 standard deviations and ≥ 50% of the level) after a full baseline is always found, at the step (± 1 sample)', () => {
    fc.assert(
      fc.property(
        kinds, fc.integer(), fc.integer({ min: 30, max: 200 }), fc.integer({ min: 10, max: 100 }), fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(),
        (kind, seed, pre, post, level, sd, extra, down) => {
          // The relative margin of 2 sd keeps the noise of the new level from pulling it under 50%.
          const step = Math.max(6 * sd, 0.5 * level + 2 * sd, 1.5) * (1 + extra);
          fc.pre(!down || step < 0.98 * level);
          const noise = noiseOf(kind, sd, seeded(seed));
          const dir = down ? -1 : 1;
          const values = [...Array.from({ length: pre }, () => level + noise()), ...Array.from({ length: post }, () => level + dir * step + noise())];
          const found = changes(values).filter((c) => c.direction === (down ? 'drop' : 'surge'));
          // At the step; a noise tail right before it may be taken as its first sample.
          expect(found.some((c) => Math.abs(c.change.line - 1 - pre) <= 1), JSON.stringify(found.map((c) => c.change.line - 1))).toBe(true);
        },
      ),
      { numRuns: 300, seed: 20240311 },
    );
  });

  it('a dip of three samples is noise unless extreme; an extreme one is a change', () => {
    const r = seeded(9);
    const base = () => Array.from({ length: 40 }, () => 1000 + (r() - 0.5) * 100);
    // 5 spreads down for three samples, then back: noise.
    expect(changes([...base(), 850, 860, 855, ...base()])).toEqual([]);
    // The same dip to nearly zero (30+ spreads): reported, with its recovery.
    const [cp] = changes([...base(), 20, 25, 22, 30, ...base()]);
    expect(cp).toMatchObject({ direction: 'drop', change: { line: 41 } });
    expect(cp.recovery?.line).toBe(45);
  });
});
