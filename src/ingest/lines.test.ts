import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { looksBinary, MAX_LINE_BYTES, readLines } from './lines.js';

async function collect(chunks: Array<Buffer | string>) {
  const out = [];
  for await (const line of readLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))))) out.push(line);
  return out;
}

describe('readLines', () => {
  it('handles CRLF and a missing final newline', async () => {
    const lines = await collect(['a\r\nb\r', '\nc']);
    expect(lines.map((l) => l.text)).toEqual(['a', 'b', 'c']);
    expect(lines.map((l) => l.lineNo)).toEqual([1, 2, 3]);
  });

  it('joins lines split across chunks and keeps UTF-8 characters whole', async () => {
    const bytes = Buffer.from('héllo wörld\nzwei\n');
    const lines = await collect([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)]);
    expect(lines.map((l) => l.text)).toEqual(['héllo wörld', 'zwei']);
  });

  it('replaces invalid UTF-8 and NUL bytes instead of failing', async () => {
    const lines = await collect([Buffer.from([0x61, 0xff, 0x00, 0x62, 0x0a])]);
    expect(lines[0].text).toBe('a\uFFFD\uFFFDb');
  });

  it('cuts a multi-megabyte line and goes on with the next', async () => {
    const huge = 'x'.repeat(3 * 1024 * 1024);
    const lines = await collect([huge.slice(0, 1_000_000), huge.slice(1_000_000) + '\nnext\n']);
    expect(lines).toHaveLength(2);
    expect(lines[0].truncated).toBe(true);
    expect(lines[0].text.length).toBe(MAX_LINE_BYTES);
    expect(lines[1]).toMatchObject({ text: 'next', lineNo: 2, truncated: false });
  });

  it('splits any byte stream into the same lines whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.array(fc.nat(400), { maxLength: 5 }), async (bytes, cuts) => {
        const buf = Buffer.from(bytes);
        const points = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(buf.subarray(prev, p));
          prev = p;
        }
        chunks.push(buf.subarray(prev));
        const whole = await collect([buf]);
        const split = await collect(chunks.filter((c) => c.length));
        expect(split.map((l) => l.text)).toEqual(whole.map((l) => l.text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('looksBinary', () => {
  it('tells text from binary', () => {
    expect(looksBinary(Buffer.from('[    0.000000] Linux version 4.15.0\n'))).toBe(false);
    expect(looksBinary(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(true);
  });
});
