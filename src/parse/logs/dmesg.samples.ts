import type { ParserSample } from '../types.js';

/** Example `dmesg` outputs (run by the parser contract test in test/parse-samples.test.ts). */
export const dmesgSamples: readonly ParserSample[] = [
  {
    name: 'raw dmesg with a hung-task header, a frame, a continuation and a binary line',
    input: [
      '[    0.000000] Linux version 4.15.0-72-generic (buildd@lcy01-amd64-026) (gcc version 7.4.0 (Ubuntu 7.4.0-1ubuntu1~18.04.1)) #81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019 (Ubuntu 4.15.0-72.81-generic 4.15.18)',
      '[51717.039319] INFO: task kworker/2:1:5938 blocked for more than 120 seconds.',
      '[51717.039361]       Not tainted 4.15.0-72-generic #81-Ubuntu',
      '[51717.039478]  __schedule+0x24e/0x880',
      '               continued text of a multi-line message',
      '\uFFFD\uFFFD\uFFFD\u0001\u0002',
      '',
    ].join('\r\n'),
    expect: [
      { kind: 'log', program: 'kernel', line: 1, stamp: { uptime: 0, boot: 0 }, message: 'Linux version 4.15.0-72-generic (buildd@lcy01-amd64-026) (gcc version 7.4.0 (Ubuntu 7.4.0-1ubuntu1~18.04.1)) #81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019 (Ubuntu 4.15.0-72.81-generic 4.15.18)' },
      { kind: 'fact', name: 'kernel.release', value: '4.15.0-72-generic' },
      { kind: 'fact', name: 'kernel.version', value: '#81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019' },
      { kind: 'log', stamp: { uptime: 51717.039319, boot: 0 }, message: 'INFO: task kworker/2:1:5938 blocked for more than 120 seconds.' },
      { kind: 'log', message: '      Not tainted 4.15.0-72-generic #81-Ubuntu' },
      { kind: 'fact', name: 'kernel.tainted', value: 'Not tainted' },
      { kind: 'fact', name: 'kernel.release', value: '4.15.0-72-generic' },
      { kind: 'log', message: ' __schedule+0x24e/0x880', stamp: { uptime: 51717.039478 } },
      { kind: 'log', line: 5, message: '               continued text of a multi-line message', stamp: { uptime: 51717.039478 } },
    ],
    unparsed: 1,
  },
  {
    name: 'printk caller ids and levels (dmesg -r on a CONFIG_PRINTK_CALLER kernel)',
    input: [
      '<6>[   12.345678][    T1] systemd[1]: Started Journal Service.',
      '<4>[  584.300001][  T312] WARNING: CPU: 3 PID: 312 at fs/xfs/xfs_log.c:1234 xlog_sync+0x1/0x2 [xfs]',
      '[  584.300002][    C3] Tainted: G        W  O      5.4.0-42-generic #46-Ubuntu',
    ].join('\n'),
    expect: [
      { program: 'kernel', level: 6, callerId: 'T1', stamp: { uptime: 12.345678 }, message: 'systemd[1]: Started Journal Service.' },
      { level: 4, callerId: 'T312', message: 'WARNING: CPU: 3 PID: 312 at fs/xfs/xfs_log.c:1234 xlog_sync+0x1/0x2 [xfs]' },
      { callerId: 'C3', message: 'Tainted: G        W  O      5.4.0-42-generic #46-Ubuntu' },
      { kind: 'fact', name: 'kernel.tainted', value: 'G W O' },
      { kind: 'fact', name: 'kernel.release', value: '5.4.0-42-generic' },
    ],
  },
  {
    name: 'dmesg -T in a German locale and dmesg -x',
    context: { timeZone: 'UTC', timeZoneGuessed: false },
    input: [
      '[Do Nov 21 14:02:11 2019] XFS (rbd0): Mounting V5 Filesystem',
      'kern  :err   : [Do Nov 21 14:02:12 2019] blk_update_request: I/O error, dev sdb, sector 0',
    ].join('\n'),
    expect: [
      { program: 'kernel', stamp: { wallMs: Date.UTC(2019, 10, 21, 14, 2, 11), uncertaintySeconds: 1 }, message: 'XFS (rbd0): Mounting V5 Filesystem' },
      { level: 3, stamp: { wallMs: Date.UTC(2019, 10, 21, 14, 2, 12) }, message: 'blk_update_request: I/O error, dev sdb, sector 0' },
    ],
  },
  {
    name: 'dmesg --time-format iso',
    input: '2019-11-21T14:02:11,123456+0100 nfs: server 10.0.0.20 not responding, still trying',
    expect: [{ program: 'kernel', stamp: { wallMs: Date.UTC(2019, 10, 21, 13, 2, 11, 123) }, message: 'nfs: server 10.0.0.20 not responding, still trying' }],
  },
];
