import type { ParserSample } from '../types.js';

/** Example `journalctl` text outputs (run by the parser contract test). */
export const journalSamples: readonly ParserSample[] = [
  {
    name: 'journalctl -o short across a reboot',
    context: { year: 2019, yearGuessed: false, timeZone: 'UTC', timeZoneGuessed: false },
    input: [
      '-- Logs begin at Thu 2019-11-21 10:00:00 UTC, end at Thu 2019-11-21 14:10:00 UTC. --',
      'Nov 21 14:02:11 node-a kernel: INFO: task kworker/2:1:5938 blocked for more than 120 seconds.',
      'Nov 21 14:02:11 node-a kubelet[1311]: E1121 14:02:11.000000 1311 kubelet.go:2187] node not ready',
      '-- Reboot --',
      'Nov 21 14:09:58 node-a kernel: Linux version 4.15.0-72-generic (buildd@lcy01-amd64-026) (gcc version 7.4.0) #81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019',
      '-- No entries --',
    ].join('\n'),
    expect: [
      { host: 'node-a', program: 'kernel', stamp: { wallMs: Date.UTC(2019, 10, 21, 14, 2, 11) }, message: 'INFO: task kworker/2:1:5938 blocked for more than 120 seconds.' },
      { program: 'kubelet', pid: 1311 },
      { program: 'kernel', stamp: { boot: 1 } },
      { kind: 'fact', host: 'node-a', name: 'kernel.release', value: '4.15.0-72-generic' },
      { kind: 'fact', name: 'kernel.version', value: '#81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019' },
    ],
  },
  {
    name: 'journalctl -o short-monotonic and short-precise',
    context: { year: 2019, yearGuessed: false, timeZone: 'UTC', timeZoneGuessed: false },
    input: [
      '-- Journal begins at Thu 2019-11-21 10:00:00 UTC. --',
      '[51717.039319] node-a kernel: INFO: task kworker/2:1:5938 blocked for more than 120 seconds.',
      '[51717.200000] node-a systemd[1]: Started Session 7 of user root.',
      'Nov 21 14:02:11.123456 node-a sshd[2211]: Accepted publickey for root',
      '[garbage',
    ].join('\n'),
    expect: [
      { host: 'node-a', program: 'kernel', stamp: { uptime: 51717.039319, boot: 0 } },
      { program: 'systemd', pid: 1, stamp: { uptime: 51717.2 } },
      { program: 'sshd', stamp: { wallMs: Date.UTC(2019, 10, 21, 14, 2, 11, 123) } },
    ],
    unparsed: 1,
  },
  {
    name: 'journalctl -o short-full and short-unix',
    input: [
      'Thu 2019-11-21 14:02:11 UTC node-a kernel: XFS (rbd0): Ending clean mount',
      'Thu 2019-11-21 14:02:12 UTC node-a kubelet[1311]: ok',
      '1574344933.500000 node-a kubelet[1311]: later',
    ].join('\n'),
    expect: [
      { host: 'node-a', program: 'kernel', stamp: { wallMs: Date.UTC(2019, 10, 21, 14, 2, 11) }, message: 'XFS (rbd0): Ending clean mount' },
      { program: 'kubelet', pid: 1311, message: 'ok' },
      { stamp: { wallMs: 1574344933500 }, message: 'later' },
    ],
  },
];
