import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from './json-stream.js';

const joined = (v: unknown, depth?: number) => [...jsonChunks(v, depth)].join('');

describe('jsonChunks', () => {
  it('is JSON.stringify(value, null, 2) at every depth', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), fc.integer({ min: 0, max: 4 }), (v, depth) => {
        fc.pre(JSON.stringify(v) !== undefined);
        expect(joined(v, depth)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 1000, seed: 20261205 },
    );
  });

  it('handles the members JSON.stringify drops or rewrites', () => {
    const v = {
      a: undefined,
      b: () => 1,
      c: [undefined, () => 1, Symbol('x'), NaN, -0, Infinity],
      d: { toJSON: (k: string) => `key ${k}` },
      e: new Date(0),
      f: {},
      g: [],
      h: 'line\nbreak "quoted" \u2028',
      [Symbol('s')]: 1,
    };
    for (const depth of [0, 1, 2, 3]) expect(joined(v, depth)).toBe(JSON.stringify(v, null, 2));
    expect(joined({ a: undefined })).toBe('{}');
  });
});
