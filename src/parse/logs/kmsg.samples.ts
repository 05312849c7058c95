import type { ParserSample } from '../types.js';

/** Example `/dev/kmsg` records (Documentation/ABI/testing/dev-kmsg). */
export const kmsgSamples: readonly ParserSample[] = [
  {
    name: 'kmsg with a dictionary, a caller id, a user-space record and a broken line',
    input: [
      '6,1234,51717039319,-;INFO: task kworker/2:1:5938 blocked for more than 120 seconds.',
      ' SUBSYSTEM=block',
      ' DEVICE=b252:0',
      '4,1235,51717039500,-,caller=T5938;Workqueue: xfs-sync/rbd0 xfs_log_worker [xfs]',
      '30,1236,51718000000,-;systemd[1]: Started Session 7 of user root.',
      '6,12',
    ].join('\n'),
    expect: [
      { kind: 'log', program: 'kernel', level: 6, stamp: { uptime: 51717.039319, boot: 0 }, message: 'INFO: task kworker/2:1:5938 blocked for more than 120 seconds.' },
      { program: 'kernel', level: 4, callerId: 'T5938', message: 'Workqueue: xfs-sync/rbd0 xfs_log_worker [xfs]' },
      { program: 'systemd', pid: 1, level: 6, message: 'Started Session 7 of user root.' },
    ],
    unparsed: 1,
  },
];
