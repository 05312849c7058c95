import type { ParserSample } from '../types.js';

/** Example sar outputs with what they must parse to (run by the parser contract test). */
export const sarSamples: readonly ParserSample[] = [
  {
    name: 'sar -r, US date, 24-hour clock',
    context: { timeZone: 'Asia/Tokyo', timeZoneGuessed: false },
    input: [
      'Linux 4.4.0-116-generic (db01) \t03/14/2018 \t_x86_64_\t(16 CPU)',
      '',
      '09:40:01    kbmemfree kbmemused  %memused kbbuffers  kbcached  kbcommit   %commit  kbactive   kbinact   kbdirty',
      '09:41:01     14371331  51529885     78.19    401379  20150803  38104315     49.32  28989074   8196108       166',
      '09:42:01     14625415  51275801     77.81    401376  20072530  38104019     49.20  28915475   8091281       203',
      'Average:     14498373  51402843     78.00    401377  20111666  38104167     49.26  28952274   8143694       184',
    ].join('\n'),
    expect: [
      { kind: 'fact', name: 'hostname', value: 'db01' },
      { kind: 'fact', name: 'kernel.release', value: '4.4.0-116-generic' },
      { kind: 'fact', name: 'arch', value: 'x86_64' },
      {
        kind: 'metric', host: 'db01', source: 'sar', line: 4, intervalSeconds: 60,
        stamp: { wallMs: Date.UTC(2018, 2, 14, 0, 41, 1) }, values: { kbcached: 20150803, '%memused': 78.19 },
      },
      { kind: 'metric', line: 5, stamp: { wallMs: Date.UTC(2018, 2, 14, 0, 42, 1) }, values: { kbcached: 20072530 } },
    ],
  },
  {
    name: 'sar -n DEV, 12-hour clock, ISO date, repeated headers, restart, malformed row',
    context: { timeZone: 'UTC', timeZoneGuessed: false },
    input: [
      'Linux 5.4.0-42-generic (web2) \t2020-08-01 \t_x86_64_\t(2 CPU)',
      '',
      '11:59:00 PM     IFACE   rxpck/s   txpck/s    rxkB/s    txkB/s   rxcmp/s   txcmp/s  rxmcst/s   %ifutil',
      '11:59:30 PM        lo      2.00      2.00      0.10      0.10      0.00      0.00      0.00      0.00',
      '11:59:30 PM      eth0     10.50      8.25      1.20      0.90      0.00      0.00      0.00      0.01',
      '',
      '11:59:30 PM     IFACE   rxpck/s   txpck/s    rxkB/s    txkB/s   rxcmp/s   txcmp/s  rxmcst/s   %ifutil',
      '12:00:00 AM      eth0     11.00      9.00      1.30      1.00      0.00      0.00      0.00      0.01',
      '12:00:00 AM      eth0     garbage',
      '12:05:00 AM       LINUX RESTART\t(2 CPU)',
      '12:10:00 AM      eth0      1.00      1.00      0.10      0.10      0.00      0.00      0.00      0.00',
      'Average:         eth0      7.00      6.00      0.80      0.60      0.00      0.00      0.00      0.01',
    ].join('\n'),
    expect: [
      { kind: 'fact', name: 'hostname', value: 'web2' },
      { kind: 'fact', name: 'kernel.release' },
      { kind: 'fact', name: 'arch' },
      { kind: 'metric', device: 'lo', intervalSeconds: 30, values: { 'rxpck/s': 2 } },
      { kind: 'metric', device: 'eth0', stamp: { wallMs: Date.UTC(2020, 7, 1, 23, 59, 30) }, values: { 'rxpck/s': 10.5 } },
      // After midnight the day advances.
      { kind: 'metric', device: 'eth0', intervalSeconds: 30, stamp: { wallMs: Date.UTC(2020, 7, 2, 0, 0, 0) } },
      // After LINUX RESTART the row has no known interval start.
      { kind: 'metric', device: 'eth0', line: 11, stamp: { wallMs: Date.UTC(2020, 7, 2, 0, 10, 0) }, values: { 'txpck/s': 1 } },
    ],
  },
  {
    name: 'sar -P ALL and sar -b in one output (each report restarts the clock)',
    context: { timeZone: 'UTC', timeZoneGuessed: false },
    input: [
      'Linux 3.10.0-1160.el7.x86_64 (app3) \t14/03/18 \t_x86_64_\t(2 CPU)',
      '10:00:01        CPU     %user     %nice   %system   %iowait    %steal     %idle',
      '10:10:01        all      5,00      0,00      1,00      0,50      0,00     93,50',
      '10:10:01          0      6.00      0.00      1.00      0.50      0.00     92.50',
      'Average:        all      5.00      0.00      1.00      0.50      0.00     93.50',
      '',
      '10:00:01          tps      rtps      wtps   bread/s   bwrtn/s',
      '10:10:01        37.62      3.37     34.25     53.98   1095.98',
    ].join('\n'),
    expect: [
      { kind: 'fact', name: 'hostname', value: 'app3' },
      { kind: 'fact' },
      { kind: 'fact' },
      { kind: 'metric', device: 'all', intervalSeconds: 600, stamp: { wallMs: Date.UTC(2018, 2, 14, 10, 10, 1) }, values: { '%user': 5 } },
      { kind: 'metric', device: '0', values: { '%idle': 92.5 } },
      { kind: 'metric', intervalSeconds: 600, stamp: { wallMs: Date.UTC(2018, 2, 14, 10, 10, 1) }, values: { 'bread/s': 53.98 } },
    ],
  },
];
