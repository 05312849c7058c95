import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeByTime } from './merge.js';

async function* fromArray<T>(items: T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('mergeByTime', () => {
  it('merges sorted sources into one sorted stream, stable on ties', async () => {
    const a = [{ t: 1, s: 'a' }, { t: 3, s: 'a' }, { t: 5, s: 'a' }];
    const b = [{ t: 1, s: 'b' }, { t: 2, s: 'b' }, { t: 6, s: 'b' }];
    const out = await collect(mergeByTime([fromArray(a), fromArray(b), fromArray([])], (x) => x.t));
    expect(out.map((x) => `${x.t}${x.s}`)).toEqual(['1a', '1b', '2b', '3a', '5a', '6b']);
  });

  it('equals a stable sort of the concatenation for any sorted inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 30 }), { maxLength: 8 }), async (lists) => {
        const sources = lists.map((l, i) => l.sort((x, y) => x - y).map((t, j) => ({ t, id: `${i}:${j}` })));
        const merged = await collect(mergeByTime(sources.map((s) => fromArray(s)), (x) => x.t));
        const expected = sources.flat().sort((x, y) => x.t - y.t || Number(x.id.split(':')[0]) - Number(y.id.split(':')[0]));
        expect(merged).toEqual(expected);
      }),
    );
  });

  it('pulls lazily: one pending item per source, and closes sources when the consumer stops', async () => {
    let pulled = 0;
    let closed = 0;
    const source = (start: number): AsyncIterable<number> => ({
      [Symbol.asyncIterator]() {
        let i = start;
        return {
          async next() {
            pulled++;
            i += 2;
            return { value: i, done: false };
          },
          async return() {
            closed++;
            return { value: undefined, done: true };
          },
        };
      },
    });
    const out: number[] = [];
    for await (const x of mergeByTime([source(0), source(1)], (n) => n)) {
      out.push(x);
      if (out.length === 5) break;
    }
    expect(out).toEqual([2, 3, 4, 5, 6]);
    expect(pulled).toBeLessThanOrEqual(7);
    expect(closed).toBe(2);
  });
});
