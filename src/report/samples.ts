import { type Finding, type Report, ReportSchema } from '../model/report.js';

/**
 * Hand-built reports shaped like the acceptance cases, for the renderers' tests and for trying a
 * renderer without running an analysis (`renderHtml(SAMPLE_REPORTS.dhcp)`). Each passes ReportSchema.
 */

const ROOK_TRACE: Array<[string, string, string, string | null, boolean]> = [
  ['__schedule', '0x24e', '0x880', null, true],
  ['xlog_sync', '0x2d5', '0x3c0', 'xfs', false],
  ['schedule', '0x2c', '0x80', null, true],
  ['_xfs_log_force_lsn', '0x20e', '0x350', 'xfs', true],
  ['wake_up_q', '0x80', '0x80', null, false],
  ['__xfs_trans_commit', '0x20b', '0x280', 'xfs', true],
  ['xfs_trans_commit', '0x10', '0x20', 'xfs', true],
  ['xfs_sync_sb', '0x6d', '0x80', 'xfs', true],
  ['xfs_log_worker', '0xe7', '0x100', 'xfs', true],
  ['process_one_work', '0x1de', '0x420', null, true],
  ['worker_thread', '0x32', '0x410', null, true],
  ['kthread', '0x121', '0x140', null, true],
  ['process_one_work', '0x420', '0x420', null, false],
  ['kthread_create_worker_on_cpu', '0x70', '0x70', null, false],
  ['ret_from_fork', '0x35', '0x40', null, true],
];

function finding(partial: Partial<Finding> & Pick<Finding, 'id' | 'kind' | 'title' | 'host' | 'layer'>): Finding {
  return {
    signature: `sig-${partial.id}`,
    subsystem: null,
    device: null,
    first: { wall: null, uptime: null, boot: null },
    last: { wall: null, uptime: null, boot: null },
    count: 1,
    corrupted: false,
    task: null,
    workqueue: null,
    frames: [],
    details: {},
    evidence: [],
    ...partial,
  };
}

const rook: Report = ReportSchema.parse({
  version: 1,
  generatedBy: 'ktriage 0.1.0',
  hosts: [{ name: 'node-a', kernel: { release: '4.15.0-72-generic', version: '#81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019', distro: 'Ubuntu', tainted: false, taint: [] } }],
  findings: [
    finding({
      id: 'F1',
      kind: 'hung_task',
      title: 'INFO: task hung in _xfs_log_force_lsn',
      signature: '5e0c9a1f7b2d4c83',
      host: 'node-a',
      layer: 'kernel',
      subsystem: 'xfs',
      device: 'rbd0',
      first: { wall: null, uptime: 51717.039319, boot: 0 },
      last: { wall: null, uptime: 51837.871002, boot: 0 },
      count: 2,
      task: { comm: 'kworker/2:1', pid: 5938, state: 'D' },
      workqueue: 'xfs-sync/rbd0',
      frames: ROOK_TRACE.map(([fn, offset, size, module, reliable]) => ({ function: fn, offset, size, module, reliable, stack: 'task' })),
      details: { blockedSeconds: 120 },
      evidence: [
        { file: 'node-a/dmesg.txt', line: 22, text: '[51717.039319] INFO: task kworker/2:1:5938 blocked for more than 120 seconds.' },
        { file: 'node-a/dmesg.txt', line: 23, text: '[51717.039361]       Not tainted 4.15.0-72-generic #81-Ubuntu' },
        { file: 'node-a/dmesg.txt', line: 26, text: '[51717.039471] Workqueue: xfs-sync/rbd0 xfs_log_worker [xfs]' },
        { file: 'node-a/dmesg.txt', line: 31, text: '[51717.039530]  _xfs_log_force_lsn+0x20e/0x350 [xfs]' },
      ],
    }),
  ],
  correlations: [],
  firstAnomaly: { findingId: 'F1', host: 'node-a', time: { wall: null, uptime: 51717.039319, boot: 0 }, reason: 'the only finding', tiedWith: [], uncertaintySeconds: null },
  conclusion: { layer: 'kernel', confidence: 'high', summary: 'XFS on the krbd device rbd0 is blocked in the log force path.', reasons: ['hung task in _xfs_log_force_lsn on workqueue xfs-sync/rbd0'] },
  knownIssues: [
    {
      id: 'krbd-xfs-osd-colocation-hang',
      title: 'XFS on krbd on a node that runs the OSDs can deadlock',
      verdict: 'no_fix',
      reason: 'kernel 4.15.0-72-generic; no kernel release alone fixes it',
      confidence: 'high',
      findings: ['F1'],
      hosts: ['node-a'],
      summary: 'A storage volume formatted with XFS on the same node as its storage daemons can freeze the node.',
      workaround: ['Format such volumes with ext4 (the CSI `fstype` parameter).', 'Do not map RBD images on nodes that run OSDs.'],
      fix: ['Linux 5.6 added PR_SET_IO_FLUSHER, which the storage daemons must use.'],
      references: [
        { title: 'rook/rook#3132', url: 'https://github.com/rook/rook/issues/3132' },
        { title: 'Rook troubleshooting: A worker node using RBD devices hangs up', url: 'https://rook.io/docs/rook/latest/Troubleshooting/common-issues/' },
      ],
      unknownConditions: [],
    },
  ],
  requests: [
    { id: 'R1', command: 'dmesg -T > dmesg-full.txt', why: 'the full kernel log from boot, to look for libceph errors such as error -101', host: 'node-a', for: ['F1'] },
    { id: 'R2', command: 'echo w > /proc/sysrq-trigger; dmesg -T | tail -n 500', why: 'the stacks of all blocked tasks', host: 'node-a', for: ['F1'] },
  ],
  upstream: [
    { subsystem: 'xfs', lists: ['linux-xfs@vger.kernel.org'], maintainers: ['Carlos Maiolino <cem@kernel.org>'], why: 'the trace is in XFS', findings: ['F1'], source: 'built-in table' },
    { subsystem: 'rbd', lists: ['ceph-devel@vger.kernel.org'], maintainers: ['Ilya Dryomov <idryomov@gmail.com>'], why: 'the device is a krbd device', findings: ['F1'], source: 'built-in table' },
  ],
  inputs: [{ file: 'node-a/dmesg.txt', format: 'dmesg', host: 'node-a', lines: 62, unparsed: 0 }],
  diagnostics: [],
});

const minute = 60_000;
const t0 = Date.parse('2012-08-15T03:30:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const at = (ms: number) => ({ wall: iso(ms), uptime: null, boot: null });

const dhcp: Report = ReportSchema.parse({
  version: 1,
  generatedBy: 'ktriage 0.1.0',
  hosts: [
    { name: 'backup01', kernel: { release: '3.2.0-29-virtual', distro: 'Ubuntu', tainted: null, taint: [] }, clockOffsetSeconds: 0, clockReference: 'backup01' },
    { name: 'cloud-ctl', kernel: { release: null, distro: null, tainted: null, taint: [] }, clockOffsetSeconds: -2, clockOffsetBounds: [-3, -1], clockReference: 'backup01', clockOffsetMethod: 'dhcp' },
  ],
  findings: [
    finding({
      id: 'N1', kind: 'net_rx_stall', title: 'net_rx_stall on eth0', host: 'backup01', layer: 'network', device: 'eth0',
      first: at(t0 + 11 * minute + 7000), last: at(t0 + 20 * minute), count: 1,
      evidence: [{ file: 'backup01/syslog', line: 812, text: 'Aug 15 03:41:07 backup01 kernel: [88112.120000] nfs: server 10.0.0.5 not responding, still trying' }],
    }),
    finding({
      id: 'N2', kind: 'dhcp_lease_lost', title: 'DHCP lease lost on eth0', host: 'backup01', layer: 'network', device: 'eth0',
      first: at(t0 + 11 * minute + 34000), last: at(t0 + 16 * minute), count: 1,
      evidence: [
        { file: 'backup01/syslog', line: 820, text: 'Aug 15 03:41:34 backup01 dhclient: DHCPREQUEST of 10.0.0.7 on eth0 to 10.0.0.1 port 67' },
        { file: 'backup01/syslog', line: 861, text: 'Aug 15 03:45:12 backup01 dhclient: No working leases in persistent database - sleeping.' },
      ],
    }),
    finding({
      id: 'N3', kind: 'dhcp_answered', title: 'dnsmasq answered every request of backup01', host: 'cloud-ctl', layer: 'network',
      first: at(t0 + 11 * minute + 36000), last: at(t0 + 15 * minute), count: 7,
      evidence: [{ file: 'cloud-ctl/syslog', line: 4410, text: 'Aug 15 03:41:36 cloud-ctl dnsmasq-dhcp[1203]: DHCPACK(br100) 10.0.0.7 fa:16:3e:11:22:33 backup01' }],
    }),
  ],
  correlations: [{ from: 'N1', to: 'N2', lagSeconds: 27, relation: 'explains', reason: 'inbound traffic stopped before the renewals went unanswered', confidence: 'high' }],
  firstAnomaly: { findingId: 'N1', host: 'backup01', time: at(t0 + 11 * minute + 7000), reason: 'received packets fell to about 0 while transmits went on', tiedWith: [], uncertaintySeconds: 1 },
  conclusion: { layer: 'hypervisor', confidence: 'medium', summary: 'Traffic into the guest stopped below DHCP, in its virtual NIC or the hypervisor path.', reasons: ['the DHCP server answered every request', 'rx fell to 0 before the first unanswered renewal'] },
  knownIssues: [
    {
      id: 'qemu-kvm-virtio-net-bridge-loss', title: 'KVM guests on a bridged network lose connectivity under sustained traffic', verdict: 'unknown',
      reason: 'the compute host’s qemu-kvm version was not supplied', confidence: 'medium', findings: ['N1', 'N2'], hosts: ['backup01'],
      summary: 'A virtual machine can lose its network under heavy traffic because of a bug in the virtualisation host.',
      workaround: ['Load the vhost_net module on the compute host.'], fix: ['Update qemu-kvm on the compute host.'],
      references: [{ title: 'Launchpad bug 997978', url: 'https://bugs.launchpad.net/ubuntu/+source/qemu-kvm/+bug/997978' }],
      unknownConditions: ['qemu-kvm version on the compute host'],
    },
  ],
  requests: [{ id: 'R1', command: 'dpkg -l qemu-kvm; lsmod | grep vhost_net', why: 'the compute host’s qemu-kvm version and whether vhost_net is loaded', host: null, for: ['N1'] }],
  upstream: [],
  inputs: [
    { file: 'backup01/syslog', format: 'syslog-rfc3164', host: 'backup01', lines: 900, unparsed: 0 },
    { file: 'cloud-ctl/syslog', format: 'syslog-rfc3164', host: 'cloud-ctl', lines: 5000, unparsed: 2 },
  ],
  series: [
    { host: 'backup01', name: 'rxpck/s', device: 'eth0', file: 'backup01/sar-n-DEV.txt', points: Array.from({ length: 30 }, (_, i) => [t0 + i * minute, i < 11 ? 2400 + 150 * Math.sin(i) : 0.4]) },
    { host: 'backup01', name: 'txpck/s', device: 'eth0', file: 'backup01/sar-n-DEV.txt', points: Array.from({ length: 30 }, (_, i) => [t0 + i * minute, 1800 + 120 * Math.cos(i)]) },
  ],
  diagnostics: [{ file: 'cloud-ctl/syslog', line: 17, severity: 'warning', message: 'unparsed line' }],
});

/**
 * Log text is attacker-controlled: every string a log can reach carries a payload that sets
 * `window.__pwned` if it ever runs, or a terminal control sequence that must not reach a terminal.
 */
export const PAYLOADS = {
  script: '<script>window.__pwned="script"</script>',
  img: '<img src=x onerror="window.__pwned=\'img\'">',
  breakout: '</script><script>window.__pwned="breakout"</script>',
  comment: '<!--<script>window.__pwned="comment"</script>-->',
  svg: '<svg onload="window.__pwned=\'svg\'">',
  js: 'javascript:window.__pwned="js"',
  attr: '" onmouseover="window.__pwned=\'attr\'" x="',
  clear: '\x1b[2J\x1b[H',
  osc52: '\x1b]52;c;cm0gLXJmIH4=\x07',
  title: '\x1b]0;owned\x1b\\',
  bel: '\x07',
  c1: '\x9b31m\x9d8;;http://x\x9c',
  lineSep: 'a\u2028b\u2029c',
  bidi: '\u202eevil\u202c',
} as const;
const P = PAYLOADS;

const hostile: Report = ReportSchema.parse({
  ...dhcp,
  hosts: [
    { name: `evil${P.script}host`, kernel: { release: `5.4.0${P.clear}-42-generic`, distro: `Ubuntu${P.img}`, tainted: true, taint: [{ letter: 'O', bit: 12, meaning: `out-of-tree${P.osc52}` }] } },
    { name: 'cloud-ctl', kernel: { release: null, distro: null, tainted: null, taint: [] } },
  ],
  findings: [
    finding({
      id: `H1${P.attr}`, kind: 'warning', title: `WARNING in ${P.breakout}${P.clear}`, host: `evil${P.script}host`, layer: 'kernel',
      subsystem: `net${P.bel}`, device: `eth0${P.svg}`, first: at(t0 + 60_000), last: at(t0 + 120_000), count: 2,
      task: { comm: `sh${P.title}`, pid: 1, state: 'R' },
      workqueue: `events${P.c1}`,
      frames: [{ function: `evil_fn${P.script}`, offset: '0x1', size: '0x2', module: `mod${P.img}`, reliable: false, stack: 'task' }],
      details: { note: `${P.comment}${P.lineSep}${P.bidi}` },
      evidence: [
        { file: `logs/${P.img}.log`, line: 7, text: `kernel: ${P.script} ${P.osc52} ${P.clear}` },
        { file: 'logs/a.log', line: 8, text: `kernel: ${P.breakout} ${P.comment} \`\`\`\` fence ${P.title}` },
        { file: 'logs/a.log', line: 9, text: `kernel: [link](${P.js}) ${P.c1} ${P.bel} | pipe | ${P.lineSep}` },
      ],
    }),
    finding({
      id: 'H2', kind: 'net_rx_stall', title: `rx stall ${P.svg}`, host: 'cloud-ctl', layer: 'network', first: at(t0 + 200_000), last: at(t0 + 260_000),
      evidence: [{ file: 'cloud-ctl/syslog', line: 3, text: `x ${P.js} ${P.osc52}` }],
    }),
  ],
  correlations: [{ from: `H1${P.attr}`, to: 'H2', lagSeconds: 80, relation: 'precedes', reason: `because ${P.script}`, confidence: 'low' }],
  firstAnomaly: { findingId: `H1${P.attr}`, host: `evil${P.script}host`, time: at(t0 + 60_000), reason: `first ${P.clear}${P.img}`, tiedWith: ['H2'], uncertaintySeconds: 1 },
  conclusion: { layer: 'kernel', confidence: 'low', summary: `summary ${P.breakout}${P.osc52}`, reasons: [`reason ${P.svg}${P.bel}`] },
  knownIssues: [
    {
      id: `kb${P.attr}`, title: `issue ${P.script}`, verdict: 'unknown', reason: `why ${P.img}${P.title}`, confidence: 'low', findings: [`H1${P.attr}`], hosts: [],
      summary: `summary \`code${P.breakout}\` ${P.svg}`, workaround: [`do ${P.js}${P.clear}`], fix: [`fix ${P.comment}`],
      references: [{ title: `ref ${P.img}`, url: P.js }, { title: 'data', url: 'data:text/html,<script>window.__pwned="data"</script>' }, { title: 'ok', url: 'https://example.org/a?b=<c>' }],
      unknownConditions: [`cond ${P.osc52}`],
    },
  ],
  requests: [{ id: 'R1', command: `cat /x ${P.breakout}${P.clear}`, why: `why ${P.img}`, host: `evil${P.script}host`, for: [] }],
  upstream: [{ subsystem: `net${P.script}`, lists: [`l${P.img}@x`], maintainers: [`M ${P.osc52}`], why: `w ${P.svg}`, findings: [`H1${P.attr}`], source: `s${P.bel}` }],
  inputs: [{ file: `logs/${P.img}.log`, format: `fmt${P.script}`, host: `evil${P.script}host`, lines: 3, unparsed: 0, error: `e${P.clear}` }],
  series: [{ host: `evil${P.script}host`, name: `rx${P.breakout}`, device: `eth0${P.img}`, file: `f${P.svg}`, points: Array.from({ length: 10 }, (_, i) => [t0 + i * 30_000, i % 3]) }],
  diagnostics: [{ file: `d${P.img}`, line: 1, severity: 'warning', message: `m ${P.osc52}${P.clear}` }],
});

export const SAMPLE_REPORTS = { rook, dhcp, hostile } as const;
