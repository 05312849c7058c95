import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_LINE_BYTES, readLineBatches } from './lines.js';

async function batches(chunks: Buffer[]) {
  const out = [];
  for await (const b of readLineBatches(Readable.from(chunks))) out.push(b);
  return out;
}

describe('readLineBatches', () => {
  it('numbers lines continuously across batches and marks cut lines by index', async () => {
    const long = 'x'.repeat(MAX_LINE_BYTES + 5);
    const got = await batches([Buffer.from('a\nb\n'), Buffer.from(`c\n${long}\nd`)]);
    expect(got.map((b) => [b.firstLineNo, b.texts.length, b.truncated])).toEqual([
      [1, 2, []],
      [3, 2, [1]],
      [5, 1, []],
    ]);
    expect(got[1].texts[1].length).toBe(MAX_LINE_BYTES);
  });

  it('gives the lines of the text whatever the chunking (ASCII and UTF-8 chunks)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'é', '\n', '\r\n', ' ', 'ü', '\u2603'), { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 6 }), async (parts, cuts) => {
        const bytes = Buffer.from(parts.join(''));
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
        const chunks: Buffer[] = [];
        let prev = 0;
        for (const c of [...at, bytes.length]) {
          if (c > prev) chunks.push(bytes.subarray(prev, c));
          prev = c;
        }
        const texts = (await batches(chunks)).flatMap((b) => b.texts);
        const want = parts.join('').split('\n').map((l) => l.replace(/\r$/, ''));
        if (want[want.length - 1] === '') want.pop();
        expect(texts).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });
});
