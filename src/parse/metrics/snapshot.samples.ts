import type { ParserSample } from '../types.js';

/** Snapshot loops as collected during incidents (run by the parser contract test). */
export const snapshotSamples: readonly ParserSample[] = [
  {
    name: 'date + /proc/meminfo loop',
    context: { host: 'db01', timeZone: 'Asia/Tokyo', timeZoneGuessed: false },
    input: [
      'Wed Mar 14 10:02:01 JST 2018',
      'MemTotal:       65901216 kB',
      'MemFree:        14576573 kB',
      'Cached:         20098945 kB',
      'HugePages_Total:       0',
      'Wed Mar 14 10:03:01 JST 2018',
      'MemTotal:       65901216 kB',
      'Cached:           412904 kB',
      'garbage line here',
    ].join('\n'),
    expect: [
      { kind: 'metric', source: 'meminfo', line: 2, stamp: { wallMs: Date.UTC(2018, 2, 14, 1, 2, 1) }, values: { Cached: 20098945, HugePages_Total: 0 } },
      { kind: 'metric', source: 'meminfo', line: 7, stamp: { wallMs: Date.UTC(2018, 2, 14, 1, 3, 1) }, values: { Cached: 412904 } },
    ],
  },
  {
    name: 'date -R + free -m, then vmstat -t',
    context: { timeZone: 'UTC', timeZoneGuessed: false },
    input: [
      'Wed, 14 Mar 2018 10:02:01 +0900',
      '              total        used        free      shared  buff/cache   available',
      'Mem:          64356       30024       14234          12       20097       33521',
      'Swap:          2047           0        2047',
      'procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu----- -----timestamp-----',
      ' r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st                 UTC',
      ' 1  0      0 14234000 401000 20097000    0    0    27   548  900 1500  5  2 92  1  0 2018-03-14 01:02:06',
    ].join('\n'),
    expect: [
      { kind: 'metric', source: 'free', device: 'Mem', stamp: { wallMs: Date.UTC(2018, 2, 14, 1, 2, 1) }, values: { 'buff/cache': 20097, available: 33521 } },
      { kind: 'metric', source: 'free', device: 'Swap', values: { total: 2047 } },
      { kind: 'metric', source: 'vmstat', stamp: { wallMs: Date.UTC(2018, 2, 14, 1, 2, 6) }, values: { cache: 20097000, bi: 27 } },
    ],
  },
];
