import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from '../src/ingest/lines.js';
import { logParsers } from '../src/parse/logs/index.js';
import { metricParsers } from '../src/parse/metrics/index.js';
import { sniffFormat } from '../src/parse/index.js';
import type { ParsedRecord } from '../src/model/record.js';
import type { ParseContext, Parser, ParserSample } from '../src/parse/types.js';

/**
 * The parser contract (STYLE.md habit 3): every parser's samples, log and metric formats alike, read
 * through the real line reader (CRLF, NUL bytes), give exactly the expected records, count their
 * malformed lines, and are sniffed as their own format.
 */
const BASE: ParseContext = {
  file: 'sample.txt',
  host: null,
  year: 2019,
  yearGuessed: false,
  mtimeMs: null,
  timeZone: 'UTC',
  timeZoneGuessed: false,
};

async function run(parser: Parser, sample: ParserSample) {
  const ctx = { ...BASE, ...sample.context };
  const lp = parser.create(ctx);
  const records: ParsedRecord[] = [];
  let unparsed = 0;
  const head: string[] = [];
  for await (const line of readLines(Readable.from([Buffer.from(sample.input, 'utf8')]))) {
    if (head.length < 60) head.push(line.text);
    const got = lp.parse(line.text, line.lineNo);
    if (got === null) unparsed++;
    else records.push(...got);
  }
  if (lp.end) records.push(...lp.end());
  return { records, unparsed, head, ctx };
}

const all = [...logParsers.map((p) => ['log', p] as const), ...metricParsers.map((p) => ['metric', p] as const)];

describe.each(all.map(([kind, p]) => [`${kind}: ${p.name}`, p] as const))('%s samples', (_label, parser) => {
  it('has samples', () => expect(parser.samples.length).toBeGreaterThan(0));
  for (const sample of parser.samples) {
    it(sample.name, async () => {
      const { records, unparsed, head, ctx } = await run(parser, sample);
      expect(records.length, JSON.stringify(records, null, 1)).toBe(sample.expect.length);
      sample.expect.forEach((e, i) => expect(records[i]).toMatchObject(e));
      if (sample.unparsed !== undefined) expect(unparsed).toBe(sample.unparsed);
      const fileName = sample.context?.file ?? (metricParsers.includes(parser) ? 'f.csv' : ctx.file);
      expect(sniffFormat(head, fileName.split('/').pop()!)?.parser.name).toBe(parser.name);
    });
  }
});
