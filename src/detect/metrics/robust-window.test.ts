import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRobustWindow, medianOf, quantileOf } from './robust-window.js';

/** The window as it was first written: sort a copy with a comparator on every read. */
function reference(capacity: number) {
  const ring: number[] = [];
  let next = 0;
  const q = (values: number[], p: number) => {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const pos = (sorted.length - 1) * Math.min(1, Math.max(0, p));
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  };
  return {
    push(v: number) {
      if (ring.length < capacity) ring.push(v);
      else ring[next] = v;
      next = (next + 1) % capacity;
    },
    clear() {
      ring.length = 0;
      next = 0;
    },
    size: () => ring.length,
    quantile: (p: number) => q(ring, p),
    spread() {
      const m = q(ring, 0.5);
      return 1.4826 * q(ring.map((v) => Math.abs(v - m)), 0.5);
    },
    sorted: () => [...ring].sort((a, b) => a - b),
    recent(n: number) {
      const k = Math.min(n, ring.length);
      const out: number[] = [];
      for (let i = k; i >= 1; i--) out.push(ring[(next - i + ring.length) % ring.length]);
      return out;
    },
    values: () => [...ring],
  };
}

/** Few distinct values (ties, zeros of both signs) as well as wide ones. */
const value = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 2.5, 1e6),
  fc.integer({ min: -50, max: 50 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
);
/** A push, read afterwards or not (the sorted copy is kept up to date only while it is read). */
const op = fc.oneof(
  { weight: 30, arbitrary: fc.tuple(value, fc.boolean()).map(([v, read]) => ({ push: v, read })) },
  { weight: 1, arbitrary: fc.constant({ clear: true as const }) },
);

describe('robust window', () => {
  it('gives exactly what sorting a copy of the window gives, after every push', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.array(op, { maxLength: 400 }), (capacity, ops) => {
        const w = createRobustWindow(capacity);
        const r = reference(capacity);
        for (const o of ops) {
          if ('clear' in o) {
            w.clear();
            r.clear();
            continue;
          }
          w.push(o.push);
          r.push(o.push);
          expect(w.size).toBe(r.size());
          if (!o.read) continue;
          expect(w.median()).toBe(r.quantile(0.5));
          expect(w.spread()).toBe(r.spread());
          for (const p of [0, 0.25, 0.75, 1]) expect(w.quantile(p)).toBe(r.quantile(p));
          const sorted = r.sorted();
          for (const i of [0, 1, sorted.length - 2, sorted.length - 1]) if (i >= 0 && i < sorted.length) expect(w.orderStatistic(i) === sorted[i]).toBe(true);
          expect(w.recent(3)).toEqual(r.recent(3));
          expect(w.values()).toEqual(r.values());
        }
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it('quantileOf and medianOf match sorting a copy, short and long arrays', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 120 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const r = reference(values.length);
        for (const v of values) r.push(v);
        expect(quantileOf(values, p)).toBe(r.quantile(p));
        expect(medianOf(values)).toBe(r.quantile(0.5));
      }),
      { numRuns: 500, seed: 20261205 },
    );
    expect(quantileOf([], 0.5)).toBeNaN();
    expect(createRobustWindow(5).median()).toBeNaN();
  });
});
