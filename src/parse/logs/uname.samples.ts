import type { ParserSample } from '../types.js';

/** Example `uname -a` and `/proc/version` outputs (run by the parser contract test). */
export const unameSamples: readonly ParserSample[] = [
  {
    name: 'uname -a of Ubuntu and /proc/version of Debian, with a stray line',
    context: { file: 'uname.txt' },
    input: [
      'Linux node-a 4.15.0-72-generic #81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux',
      'Linux version 4.19.0-6-amd64 (debian-kernel@lists.debian.org) (gcc version 8.3.0 (Debian 8.3.0-6)) #1 SMP Debian 4.19.67-2+deb10u2 (2019-11-11)',
      'uname: extra operand',
    ].join('\n'),
    expect: [
      { kind: 'fact', name: 'hostname', value: 'node-a' },
      { kind: 'fact', name: 'kernel.release', value: '4.15.0-72-generic' },
      { kind: 'fact', name: 'kernel.version', value: '#81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019' },
      { kind: 'fact', name: 'arch', value: 'x86_64' },
      { kind: 'fact', name: 'kernel.release', value: '4.19.0-6-amd64' },
      { kind: 'fact', name: 'kernel.version', value: '#1 SMP Debian 4.19.67-2+deb10u2 (2019-11-11)' },
    ],
    unparsed: 1,
  },
  {
    name: 'uname -a of a RHEL kernel',
    input: 'Linux db02.example.com 3.10.0-1160.el7.x86_64 #1 SMP Mon Oct 19 16:18:59 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux',
    expect: [
      { name: 'hostname', value: 'db02.example.com' },
      { name: 'kernel.release', value: '3.10.0-1160.el7.x86_64' },
      { name: 'kernel.version', value: '#1 SMP Mon Oct 19 16:18:59 UTC 2020' },
      { name: 'arch', value: 'x86_64' },
    ],
  },
];
