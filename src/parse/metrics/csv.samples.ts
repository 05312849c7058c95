import type { ParserSample } from '../types.js';

/** Example time-series exports (run by the parser contract test). */
export const csvSamples: readonly ParserSample[] = [
  {
    name: 'latency export with ISO offsets, one malformed row',
    context: { host: 'db01', timeZone: 'UTC' },
    input: [
      'time,p99_ms,queries_per_s',
      '2018-03-14T10:03:01+09:00,13.8,1762',
      '2018-03-14T10:04:01+09:00,851.1,1830',
      'not a time,1,2',
      '2018-03-14T10:05:01+09:00,754.1,',
    ].join('\n'),
    expect: [
      { kind: 'metric', host: 'db01', source: 'csv', stamp: { wallMs: Date.UTC(2018, 2, 14, 1, 3, 1) }, values: { p99_ms: 13.8, queries_per_s: 1762 } },
      { kind: 'metric', values: { p99_ms: 851.1 } },
      { kind: 'metric', line: 5, values: { p99_ms: 754.1 } },
    ],
  },
  {
    name: 'TSV with epoch seconds and a local time zone',
    context: { timeZone: 'Asia/Tokyo', timeZoneGuessed: false },
    input: ['ts\trps\t"errors, total"', '1520988001\t10\t0', '1520988061\t12\t1'].join('\n'),
    expect: [
      { kind: 'metric', stamp: { wallMs: 1520988001000 }, values: { rps: 10, 'errors, total': 0 } },
      { kind: 'metric', stamp: { wallMs: 1520988061000 }, values: { rps: 12 } },
    ],
  },
];
