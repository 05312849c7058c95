import type { ParserSample } from '../types.js';

/** Example `journalctl -o json` lines (run by the parser contract test). */
export const journalJsonSamples: readonly ParserSample[] = [
  {
    name: 'kernel and service entries with both clocks, a byte-array message, a broken line',
    input: [
      '{"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1574344931039319","__MONOTONIC_TIMESTAMP":"51717039500","_SOURCE_MONOTONIC_TIMESTAMP":"51717039319","_BOOT_ID":"2a3b4c5d6e7f48899aabbccddeeff001","_TRANSPORT":"kernel","PRIORITY":"3","_HOSTNAME":"node-a","MESSAGE":"INFO: task kworker/2:1:5938 blocked for more than 120 seconds."}',
      '{"__REALTIME_TIMESTAMP":"1574344932000000","__MONOTONIC_TIMESTAMP":"51718000000","_BOOT_ID":"2a3b4c5d6e7f48899aabbccddeeff001","_TRANSPORT":"syslog","SYSLOG_IDENTIFIER":"dhclient","_PID":"812","PRIORITY":"6","_HOSTNAME":"node-a","MESSAGE":[68,72,67,80,65,67,75,32,255]}',
      '{"__REALTIME_TIMESTAMP":"1574345000000000","__MONOTONIC_TIMESTAMP":"1000000","_BOOT_ID":"ffffffffffffffffffffffffffffffff","_TRANSPORT":"journal","_COMM":"kubelet","MESSAGE":null}',
      '{"__REALTIME_TIMESTAMP": "157434',
    ].join('\n'),
    expect: [
      { kind: 'log', host: 'node-a', program: 'kernel', level: 3, stamp: { uptime: 51717.039319, wallMs: 1574344931039.138, boot: 0 }, message: 'INFO: task kworker/2:1:5938 blocked for more than 120 seconds.' },
      { program: 'dhclient', pid: 812, level: 6, stamp: { uptime: 51718, wallMs: 1574344932000, boot: 0 }, message: 'DHCPACK \uFFFD' },
      { program: 'kubelet', stamp: { boot: 1, uptime: 1 }, message: '' },
    ],
    unparsed: 1,
  },
];
