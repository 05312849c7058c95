import type { Layer } from '../../model/report.js';

/**
 * Single-line kernel messages worth a finding or a signal, as data. Each row: a cheap substring that
 * must be present (`trigger`), a regex with named groups, and how to title and sign what it found.
 * `title` and `key` are templates over the named groups (`{func}`); `key` leaves out devices, sectors
 * and addresses so the same problem on two disks or two hosts gets one signature.
 * The taxonomy follows node-problem-detector's kernel-monitor rules (research/peers.md §1).
 */
export interface MessageRow {
  kind: string;
  trigger: string;
  pattern: RegExp;
  layer: Layer;
  subsystem: string | null;
  /** Named group holding the device, if any. */
  device?: string;
  title: string;
  key: string;
  why: string;
}

/** Lines that only tell later stages something about the input (boot banner, sysrq dumps). */
export interface SignalRow {
  topic: string;
  trigger: string;
  pattern: RegExp;
  why: string;
}

/** Lines that state a host fact (`virtualised`, ...): `value` is a template over the named groups. */
export interface FactRow {
  name: 'virtualised' | 'hardware';
  trigger: string;
  pattern: RegExp;
  value: string;
  why: string;
}

export const FACT_ROWS: readonly FactRow[] = [
  { name: 'virtualised', trigger: 'Hypervisor detected', pattern: /^Hypervisor detected: (?<hv>[\w -]+)/, value: '{hv}', why: 'x86 init_hypervisor_platform(): the kernel runs as a guest (KVM, VMware, Xen HVM, Microsoft Hyper-V)' },
  { name: 'virtualised', trigger: 'Booting paravirtualized kernel on ', pattern: /^Booting paravirtualized kernel on (?<hv>KVM|Xen(?: HVM)?|VMware hypervisor)/, value: '{hv}', why: 'paravirt ops in use: a guest kernel' },
];

export const MESSAGE_ROWS: readonly MessageRow[] = [
  // ---- ext4 / jbd2
  { kind: 'ext4_error', trigger: 'EXT4-fs error', pattern: /EXT4-fs error \(device (?<dev>[^)]+)\): (?<func>\w+)(?::(?<line>\d+))?: (?<msg>.*)/, layer: 'storage', subsystem: 'ext4', device: 'dev', title: 'EXT4-fs error in {func}', key: '{func}', why: 'ext4_error(): ext4 found on-disk inconsistency or an I/O failure; errors=remount-ro then makes the fs read-only' },
  { kind: 'fs_readonly_remount', trigger: 'Remounting filesystem read-only', pattern: /(?:(?<fs>EXT[234]-fs) \((?<dev>[^)]+)\): )?Remounting filesystem read-only/, layer: 'storage', subsystem: 'ext4', device: 'dev', title: 'filesystem remounted read-only', key: 'remount-ro', why: 'the errors=remount-ro policy reacted to an error: writes now fail (NPD ReadonlyFilesystem)' },
  { kind: 'journal_abort', trigger: 'Aborting journal on device', pattern: /Aborting journal on device (?<dev>[\w.-]+?)(?:-\d+)?\.?$/, layer: 'storage', subsystem: 'ext4', device: 'dev', title: 'jbd2: journal aborted', key: 'journal-abort', why: 'jbd2 gave up on the journal after a write error; the fs goes read-only' },
  // ---- XFS
  { kind: 'xfs_shutdown', trigger: 'Shutting down filesystem', pattern: /XFS \((?<dev>[^)]+)\): .*?Shutting down filesystem/, layer: 'storage', subsystem: 'xfs', device: 'dev', title: 'XFS: filesystem shut down', key: 'shutdown', why: 'xfs_do_force_shutdown(): XFS stopped all I/O after a fatal error (NPD XfsShutdown)' },
  { kind: 'xfs_corruption', trigger: 'XFS (', pattern: /XFS \((?<dev>[^)]+)\): (?:Metadata (?:corruption|CRC error) detected at (?<func>[\w.]+)|Corruption (?:of in-memory data )?detected|Internal error (?<what>\S+) at line \d+ of file (?<file>\S+))/, layer: 'storage', subsystem: 'xfs', device: 'dev', title: 'XFS: metadata corruption in {func}', key: '{func}{what}', why: 'XFS verifiers found a bad metadata block; xfs_repair is needed' },
  // ---- block I/O errors
  { kind: 'io_error', trigger: 'error, dev ', pattern: /(?:blk_update_request|print_req_error|blk_print_req_error)?:? ?(?<what>I\/O|critical medium|critical target|critical nexus|critical space allocation|critical protection|timeout|recoverable transport|operation not supported)? ?error, dev (?<dev>\w+), sector (?<sector>\d+)/, layer: 'storage', subsystem: 'block', device: 'dev', title: 'block: {what} error', key: '{what}', why: 'the block layer completed a request with an error: the device or its path failed it' },
  { kind: 'io_error', trigger: 'Buffer I/O error', pattern: /Buffer I\/O error on dev(?:ice)? (?<dev>[\w.-]+), logical block (?<block>\d+)/, layer: 'storage', subsystem: 'block', device: 'dev', title: 'block: Buffer I/O error', key: 'buffer', why: 'a buffer-head read or write failed (NPD IOError)' },
  { kind: 'scsi_error', trigger: 'FAILED Result:', pattern: /sd \S+: \[(?<dev>sd\w+)\] tag#\d+ FAILED Result: hostbyte=(?<host>\w+) driverbyte=(?<driver>\w+)/, layer: 'storage', subsystem: 'scsi', device: 'dev', title: 'SCSI command failed: {host}', key: '{host}', why: 'the SCSI midlayer reports a failed command and its host/driver status' },
  { kind: 'nvme_timeout', trigger: 'timeout, ', pattern: /nvme (?<dev>nvme\d+): I\/O (?<tag>\d+) QID (?<qid>\d+) timeout, (?<action>aborting|reset controller|completion polled|disable controller)/, layer: 'storage', subsystem: 'nvme', device: 'dev', title: 'nvme: I/O timeout, {action}', key: '{action}', why: 'nvme_timeout(): a command did not complete within io_timeout; the driver aborts it, then resets the controller' },
  { kind: 'pids_limit', trigger: 'fork rejected by pids controller', pattern: /cgroup: fork rejected by pids controller in (?<cgroup>\S+)/, layer: 'userland', subsystem: 'cgroup', title: 'cgroup: fork rejected by pids controller', key: 'pids', why: 'a cgroup reached pids.max; new processes and threads fail with EAGAIN' },
  // ---- network
  { kind: 'conntrack_full', trigger: 'table full, dropping packet', pattern: /nf_conntrack: (?:nf_conntrack: )?table full, dropping packet/, layer: 'network', subsystem: 'netfilter', title: 'nf_conntrack: table full, dropping packet', key: 'conntrack', why: 'the connection-tracking table reached nf_conntrack_max; new connections are dropped' },
  { kind: 'tx_timeout', trigger: 'NETDEV WATCHDOG', pattern: /NETDEV WATCHDOG: (?<dev>\S+) \((?<driver>[^)]+)\): transmit queue (?<queue>\d+) timed out/, layer: 'network', subsystem: 'net', device: 'dev', title: 'NETDEV WATCHDOG: transmit queue timed out ({driver})', key: '{driver}', why: 'dev_watchdog(): a TX queue made no progress for watchdog_timeo; the driver usually resets the NIC' },
  { kind: 'libceph_error', trigger: 'libceph: ', pattern: /libceph: (?:connect (?<addr>\S+) error (?<err>-\d+)|(?<peer>(?:mon|osd)\d+) (?<paddr>\S+) (?<what>connect error|socket closed|socket error on \w+|session lost, hunting for new mon))/, layer: 'network', subsystem: 'libceph', title: 'libceph: connection error {err}{what}', key: '{err}{what}', why: 'the kernel Ceph client lost or could not open a connection to a monitor or OSD' },
  { kind: 'syn_flood', trigger: 'Possible SYN flooding', pattern: /TCP: (?:request_sock_TCP: )?Possible SYN flooding on port (?<port>\d+)\. (?<action>Sending cookies|Dropping request)/, layer: 'network', subsystem: 'net', title: 'TCP: possible SYN flooding on port {port}', key: '{port}', why: 'the listen queue of a socket overflowed with half-open connections: a flood or an application not accepting fast enough' },
  // ---- hardware
  { kind: 'mce', trigger: 'Hardware Error', pattern: /(?:mce: )?\[Hardware Error\]: (?:CPU (?<cpu>\d+): )?(?<msg>Machine Check(?: Exception)?:?.*|event severity: (?<severity>\w+).*)/, layer: 'hardware', subsystem: 'mce', title: 'machine check: hardware error', key: '{severity}', why: 'the CPU reported a machine-check (memory, cache, bus); CPER `event severity` for firmware-first platforms' },
  { kind: 'mce', trigger: 'Machine check events logged', pattern: /mce: \[?Hardware Error\]?:? ?Machine check events logged|Machine check events logged/, layer: 'hardware', subsystem: 'mce', title: 'machine check: hardware error', key: '', why: 'corrected machine checks were logged; mcelog/rasdaemon hold the details' },
  { kind: 'edac', trigger: 'EDAC', pattern: /EDAC (?:(?<ctl>[\w-]+) )?(?<mc>MC\d+):? ?(?<count>\d+) (?<sev>CE|UE) (?<msg>.*)/, layer: 'hardware', subsystem: 'edac', device: 'mc', title: 'EDAC: {sev} memory error', key: '{sev}', why: 'the memory controller reported corrected (CE) or uncorrected (UE) ECC errors' },
];

export const SIGNAL_ROWS: readonly SignalRow[] = [
  { topic: 'kernel.boot-banner', trigger: 'Linux version ', pattern: /^Linux version (?<release>\S+)/, why: 'the first line of every boot: tells a log from boot apart from an excerpt' },
  { topic: 'kernel.boot-memory', trigger: 'Memory: ', pattern: /^Memory: \d+K\/\d+K available/, why: 'mem_init prints it early in every boot; a log lacking it was cut down' },
  { topic: 'kernel.sysrq-blocked', trigger: 'Show Blocked State', pattern: /sysrq: (?:SysRq : )?Show Blocked State|SysRq : Show Blocked State/, why: 'the input already holds a sysrq-w dump of blocked tasks' },
];
