import type { ParserSample } from '../types.js';

/** Example host snapshots (run by the parser contract test). */
export const systemInfoSamples: readonly ParserSample[] = [
  {
    name: '/proc/stat with btime',
    context: { file: 'proc/stat' },
    input: ['cpu  10132153 290696 3084719 46828483 16683 0 25195 0 0 0', 'intr 1462898 0 9', 'ctxt 5009', 'btime 1574293214', 'processes 9123'].join('\n'),
    expect: [{ kind: 'fact', name: 'boot.time', value: '2019-11-20T23:40:14Z' }],
  },
  {
    name: 'lsmod with a malformed row',
    context: { file: 'lsmod.txt' },
    input: ['Module                  Size  Used by', 'xfs                  1204224  1', 'rbd                    86016  2', 'libceph               315392  1 rbd', 'garbage line here'].join('\n'),
    expect: [
      { kind: 'fact', name: 'module', value: 'xfs' },
      { name: 'module', value: 'rbd' },
      { name: 'module', value: 'libceph' },
    ],
    unparsed: 1,
  },
  {
    name: 'hostnamectl',
    context: { file: 'hostnamectl.txt' },
    input: [
      '   Static hostname: node-a',
      '         Icon name: computer-server',
      '  Operating System: Ubuntu 18.04.3 LTS',
      '            Kernel: Linux 4.15.0-72-generic',
      '      Architecture: x86-64',
    ].join('\n'),
    expect: [
      { name: 'hostname', value: 'node-a' },
      { name: 'distro', value: 'Ubuntu 18.04.3 LTS' },
      { name: 'kernel.release', value: '4.15.0-72-generic' },
      { name: 'arch', value: 'x86_64' },
    ],
    unparsed: 0,
  },
  {
    name: '/proc/sys/kernel/tainted',
    context: { file: 'proc/sys/kernel/tainted' },
    input: '4609',
    expect: [{ name: 'kernel.tainted', value: '4609' }],
  },
  {
    name: 'uptime -s in the host zone',
    context: { file: 'uptime-s.txt', timeZone: 'Asia/Tokyo', timeZoneGuessed: false },
    input: '2019-11-21 14:02:11',
    expect: [{ name: 'boot.time', value: '2019-11-21T05:02:11Z' }],
  },
  {
    name: '/proc/cmdline and os-release',
    context: { file: 'cmdline' },
    input: ['BOOT_IMAGE=/boot/vmlinuz-4.15.0-72-generic root=UUID=5b1e ro quiet', 'PRETTY_NAME="Ubuntu 18.04.3 LTS"', 'ID=ubuntu'].join('\n'),
    expect: [
      { name: 'kernel.cmdline', value: 'BOOT_IMAGE=/boot/vmlinuz-4.15.0-72-generic root=UUID=5b1e ro quiet' },
      { name: 'distro', value: 'Ubuntu 18.04.3 LTS' },
    ],
  },
];
