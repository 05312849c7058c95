import type { ParserSample } from '../types.js';

/** Example syslog files (run by the parser contract test). */
export const syslogSamples: readonly ParserSample[] = [
  {
    name: 'RFC 3164 from rsyslog: kernel lines with both clocks, tags with and without pid, garbage',
    context: { file: 'syslog', year: 2012, yearGuessed: false, timeZone: 'UTC', timeZoneGuessed: false },
    input: [
      'Aug 29 03:00:04 backup01 dhclient: DHCPREQUEST of 10.0.0.5 on eth0 to 10.0.0.1 port 67',
      'Aug 29 03:00:06 cloud-ctl dnsmasq-dhcp[1567]: DHCPREQUEST(br100) 10.0.0.5 fa:16:3e:4c:2a:91',
      'Aug 29 03:41:07 backup01 kernel: [190126.000000] nfs: server 10.0.0.20 not responding, still trying',
      'Aug  9 01:00:01 backup01 CRON[20411]: (root) CMD (/usr/local/bin/nightly-backup.sh)',
      'Aug 29 03:45:00 backup01 systemd-networkd[512]: eth0: DHCPv4 address 10.0.0.5/24 via 10.0.0.1',
      'Aug 29 03:45:01 backup01 NetworkManager[800]: <info>  [1346211901.1234] dhcp4 (eth0): state changed',
      'this line is not syslog',
      'Aug 29 03:45:02 backup01 -- MARK --',
    ].join('\n'),
    expect: [
      { kind: 'log', host: 'backup01', program: 'dhclient', stamp: { wallMs: Date.UTC(2012, 7, 29, 3, 0, 4) }, message: 'DHCPREQUEST of 10.0.0.5 on eth0 to 10.0.0.1 port 67' },
      { host: 'cloud-ctl', program: 'dnsmasq-dhcp', pid: 1567, message: 'DHCPREQUEST(br100) 10.0.0.5 fa:16:3e:4c:2a:91' },
      { host: 'backup01', program: 'kernel', stamp: { wallMs: Date.UTC(2012, 7, 29, 3, 41, 7), uptime: 190126, boot: 0 }, message: 'nfs: server 10.0.0.20 not responding, still trying' },
      { program: 'CRON', pid: 20411, stamp: { wallMs: Date.UTC(2012, 7, 9, 1, 0, 1) } },
      { program: 'systemd-networkd', pid: 512, message: 'eth0: DHCPv4 address 10.0.0.5/24 via 10.0.0.1' },
      { program: 'NetworkManager', pid: 800 },
      { host: 'backup01', message: '-- MARK --' },
    ],
    unparsed: 1,
  },
  {
    name: 'kern.log in a local zone (year and zone given)',
    context: { file: 'kern.log', year: 2018, yearGuessed: false, timeZone: 'Asia/Tokyo', timeZoneGuessed: false },
    input: 'Mar 14 10:01:58 db01 kernel: [1144189.000000] sd 3:0:0:1: [sdb] 419430400 512-byte logical blocks: (215 GB/200 GiB)',
    expect: [
      { host: 'db01', program: 'kernel', stamp: { wallMs: Date.UTC(2018, 2, 14, 1, 1, 58), uptime: 1144189 }, message: 'sd 3:0:0:1: [sdb] 419430400 512-byte logical blocks: (215 GB/200 GiB)' },
    ],
  },
  {
    name: 'RFC 5424 with structured data, rsyslog high precision, a guessed zone',
    context: { timeZone: 'UTC', timeZoneGuessed: true },
    input: [
      '<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \'su root\' failed for lonvick on /dev/pts/8',
      '<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - [exampleSDID@32473 iut="3" eventSource="Appl]ication"] An application event',
      '2019-11-21T14:02:11.123456+00:00 node-a kernel: [51717.039319] INFO: task kworker/2:1:5938 blocked for more than 120 seconds.',
      '2019-11-21T14:02:12 node-a containerd[1021]: no offset here',
    ].join('\n'),
    expect: [
      { host: 'mymachine.example.com', program: 'su', level: 2, stamp: { wallMs: Date.UTC(2003, 9, 11, 22, 14, 15, 3) }, message: '\'su root\' failed for lonvick on /dev/pts/8' },
      { host: '192.0.2.1', program: 'myproc', pid: 8710, level: 5, stamp: { wallMs: Date.UTC(2003, 7, 24, 12, 14, 15) }, message: 'An application event' },
      { host: 'node-a', program: 'kernel', stamp: { wallMs: Date.UTC(2019, 10, 21, 14, 2, 11, 123), uptime: 51717.039319 } },
      { program: 'containerd', pid: 1021, stamp: { wallMs: Date.UTC(2019, 10, 21, 14, 2, 12), estimated: true } },
    ],
  },
];
