import { describe, expect, it } from 'vitest';
import { dateOrderOf, parseLocaleDate } from './numbers.js';
import { metricParsers } from './index.js';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

describe('parseLocaleDate: ambiguous day/month', () => {
  it('reads month first (sysstat C/en_US) without evidence, whatever the mtime is far from', () => {
    expect(parseLocaleDate('03/10/2024', null)).toEqual({ year: 2024, month: 3, day: 10 });
    // Written (or copied) in November: closer to 3 October than to 10 March, but that is no evidence.
    expect(parseLocaleDate('03/10/2024', day(2024, 11, 20))).toEqual({ year: 2024, month: 3, day: 10 });
    expect(parseLocaleDate('03/10/2024', day(2024, 3, 11))).toEqual({ year: 2024, month: 3, day: 10 });
  });

  it('reads day first when the mtime is within days after the day-first reading and far from the other', () => {
    expect(parseLocaleDate('03/10/2024', day(2024, 10, 3) + 23 * 3600_000)).toEqual({ year: 2024, month: 10, day: 3 });
    expect(parseLocaleDate('03/10/2024', day(2024, 10, 5))).toEqual({ year: 2024, month: 10, day: 3 });
    // A week later is no longer evidence.
    expect(parseLocaleDate('03/10/2024', day(2024, 10, 12))).toEqual({ year: 2024, month: 3, day: 10 });
  });

  it("follows the order another date of the file proved, over the mtime", () => {
    expect(dateOrderOf('14/03/2024')).toBe('day-first');
    expect(dateOrderOf('03/14/2024')).toBe('month-first');
    expect(dateOrderOf('03/10/2024')).toBeNull();
    expect(parseLocaleDate('03/10/2024', null, 'day-first')).toEqual({ year: 2024, month: 10, day: 3 });
    expect(parseLocaleDate('03/10/2024', day(2024, 10, 3), 'month-first')).toEqual({ year: 2024, month: 3, day: 10 });
  });

  it('unambiguous forms stay as they are', () => {
    expect(parseLocaleDate('14/03/18', null)).toEqual({ year: 2018, month: 3, day: 14 });
    expect(parseLocaleDate('03/14/2018', null)).toEqual({ year: 2018, month: 3, day: 14 });
    expect(parseLocaleDate('2018-03-14', null)).toEqual({ year: 2018, month: 3, day: 14 });
    expect(parseLocaleDate('03.04.2018', null)).toEqual({ year: 2018, month: 4, day: 3 });
    expect(parseLocaleDate('13/13/2018', null)).toBeNull();
  });
});

describe('sar header dates in one file', () => {
  const parse = (text: string, mtimeMs: number | null) => {
    const p = metricParsers.find((x) => x.name === 'sar')!.create({
      file: 'sar.txt', host: null, year: 2024, yearGuessed: false, mtimeMs, timeZone: 'UTC', timeZoneGuessed: false,
    } as Parameters<(typeof metricParsers)[number]['create']>[0]);
    return text.split('\n').flatMap((l, i) => p.parse(l, i + 1) ?? []).filter((r) => r.kind === 'metric');
  };
  it('a day above 12 in an earlier header settles a later ambiguous one as day first', () => {
    const text = [
      'Linux 5.4.0 (h) \t14/03/2024 \t_x86_64_\t(1 CPU)', '10:00:01 tps bread/s', '10:01:01 1.0 2.0',
      'Linux 5.4.0 (h) \t03/04/2024 \t_x86_64_\t(1 CPU)', '10:00:01 tps bread/s', '10:01:01 1.0 2.0',
    ].join('\n');
    const walls = parse(text, day(2025, 1, 1)).map((r) => r.stamp.wallMs);
    expect(walls).toEqual([Date.UTC(2024, 2, 14, 10, 1, 1), Date.UTC(2024, 3, 3, 10, 1, 1)]);
  });
  it('an ambiguous header with a late mtime is month first', () => {
    const text = ['Linux 5.4.0 (h) \t03/10/2024 \t_x86_64_\t(1 CPU)', '10:00:01 tps bread/s', '10:01:01 1.0 2.0'].join('\n');
    expect(parse(text, day(2024, 11, 20)).map((r) => r.stamp.wallMs)).toEqual([Date.UTC(2024, 2, 10, 10, 1, 1)]);
  });
});
