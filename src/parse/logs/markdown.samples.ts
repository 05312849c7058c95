import type { ParserSample } from '../types.js';

/** Example bug reports with logs pasted inside (run by the parser contract test). */
export const markdownSamples: readonly ParserSample[] = [
  {
    name: 'GitHub issue: uname in a bullet, dmesg in a fence, a wrapped line, prose',
    context: { file: 'issue.md' },
    input: [
      '### Environment:',
      '* Kernel (`uname -a`): Linux node-a 4.15.0-72-generic #81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux',
      '',
      'This is what the console showed before it froze:',
      '```text',
      '[51717.039319] INFO: task kworker/2:1:5938 blocked for more than 120 seconds.',
      '[51717.039388] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables',
      'this message.',
      '[51717.039472] Call Trace:',
      '```',
      'Thanks!',
    ].join('\n'),
    expect: [
      { kind: 'fact', name: 'hostname', value: 'node-a' },
      { kind: 'fact', name: 'kernel.release', value: '4.15.0-72-generic' },
      { kind: 'fact', name: 'kernel.version', value: '#81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019' },
      { kind: 'fact', name: 'arch', value: 'x86_64' },
      { kind: 'log', program: 'kernel', line: 6, stamp: { uptime: 51717.039319 }, message: 'INFO: task kworker/2:1:5938 blocked for more than 120 seconds.' },
      { kind: 'log', line: 7, message: '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.' },
      { kind: 'log', line: 9, message: 'Call Trace:' },
    ],
  },
  {
    name: 'mail quote and an indented syslog block',
    context: { file: 'report.txt', year: 2012, yearGuessed: false, timeZone: 'UTC', timeZoneGuessed: false },
    input: [
      'Hi all, the guest lost its lease again last night. Logs below:',
      '',
      '> Aug 29 03:41:34 backup01 dhclient: DHCPREQUEST of 10.0.0.5 on eth0 to 10.0.0.1 port 67',
      '',
      '    Aug 29 03:41:07 backup01 kernel: [190126.000000] nfs: server 10.0.0.20 not responding, still trying',
      '',
      'Any idea what is going on here?',
    ].join('\n'),
    expect: [
      { kind: 'log', host: 'backup01', program: 'dhclient', line: 3, stamp: { wallMs: Date.UTC(2012, 7, 29, 3, 41, 34) } },
      { kind: 'log', host: 'backup01', program: 'kernel', line: 5, stamp: { uptime: 190126 } },
    ],
  },
];
