import { describe, expect, it } from 'vitest';
import type { ParseContext } from '../types.js';
import type { ParsedRecord } from '../../model/record.js';
import { metricParsers } from './index.js';

const baseContext: ParseContext = {
  file: 'sample.txt', host: null, year: 2018, yearGuessed: false, mtimeMs: null, timeZone: 'UTC', timeZoneGuessed: true,
};

function run(parserIndex: number, input: string, context: Partial<ParseContext> = {}) {
  const parser = metricParsers[parserIndex].create({ ...baseContext, ...context });
  const records: ParsedRecord[] = [];
  let unparsed = 0;
  input.split('\n').forEach((line, i) => {
    const r = parser.parse(line, i + 1);
    if (r === null) unparsed++;
    else records.push(...r);
  });
  records.push(...(parser.end?.() ?? []));
  return { records, unparsed };
}

describe.each(metricParsers.map((p, i) => [p.name, i] as const))('%s samples', (_name, index) => {
  for (const sample of metricParsers[index].samples) {
    it(sample.name, () => {
      const { records } = run(index, sample.input, sample.context);
      expect(records.length).toBe(sample.expect.length);
      sample.expect.forEach((e, i) => expect(records[i]).toMatchObject(e));
    });
  }
});

describe('sniffing', () => {
  const best = (head: string[], name = 'x.txt') => {
    const scores = metricParsers.map((p) => [p.name, p.sniff(head, name)] as const).sort((a, b) => b[1] - a[1]);
    return scores[0][1] >= 0.2 ? scores[0][0] : null;
  };
  it('recognises each sample by its own parser', () => {
    for (const p of metricParsers) for (const s of p.samples) expect(best(s.input.split('\n'), 'f.csv')).toBe(p.name);
  });
  it('leaves prose with commas and syslog alone', () => {
    expect(best(['Hello, world, this is prose', 'and more, text, here', 'and, more'])).toBeNull();
    expect(best(['Mar 14 10:01:58 db01 kernel: [1144189.000000] sdb: detected capacity change'])).toBeNull();
    expect(best(['a,b,c', '1,2,3', '4,5,6'], 'x.csv')).toBeNull();
  });
});

describe('malformed input', () => {
  it('counts bad sar rows as unparsed and keeps the good ones', () => {
    const { records, unparsed } = run(0, ['Linux 4.4.0 (h) \t03/14/2018 \t_x86_64_\t(1 CPU)', '10:00:01 tps bread/s', '10:01:01 1.0 2.0', '10:02:01 x', '\u0000\u0001binary'].join('\n'));
    expect(records.filter((r) => r.kind === 'metric')).toHaveLength(1);
    expect(unparsed).toBe(2);
  });
  it('sadf element that does not parse is counted, the rest kept', () => {
    const sample = metricParsers[1].samples[0];
    const { unparsed } = run(1, sample.input);
    expect(unparsed).toBe(1);
  });
  it('ambiguous 2-digit sar date is read month first without mtime, day first when mtime says so', () => {
    const head = (mtimeMs: number | null) =>
      run(0, ['Linux 4.4.0 (h) \t03/04/18 \t_x86_64_\t(1 CPU)', '10:00:01 tps bread/s', '10:01:01 1.0 2.0'].join('\n'), { mtimeMs }).records.at(-1);
    expect(head(null)).toMatchObject({ stamp: { wallMs: Date.UTC(2018, 2, 4, 10, 1, 1) } });
    expect(head(Date.UTC(2018, 3, 3))).toMatchObject({ stamp: { wallMs: Date.UTC(2018, 3, 3, 10, 1, 1) } });
  });
});
