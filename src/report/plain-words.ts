import type { Finding, Layer } from '../model/report.js';
import { compareTime } from './time-format.js';

/**
 * How each finding kind is ranked and described to a person who does not read kernel logs.
 * Groups order the summary: what crashed the kernel first, then what made it hang, then the
 * surroundings (memory, storage, network) and last the metrics that only show the consequences.
 */
export const GROUPS = [
  { id: 'kernel_report', heading: 'Kernel reports' },
  { id: 'hang', heading: 'Hangs and lockups' },
  { id: 'memory', heading: 'Memory' },
  { id: 'storage', heading: 'Storage' },
  { id: 'network', heading: 'Network' },
  { id: 'hardware', heading: 'Hardware' },
  { id: 'metrics', heading: 'Metrics' },
  { id: 'other', heading: 'Other' },
] as const;
export type GroupId = (typeof GROUPS)[number]['id'];

interface KindWords {
  group: GroupId;
  /** One sentence in plain words: what a user should understand happened. */
  plain: string;
}

export const KIND_WORDS: Record<string, KindWords> = {
  panic: { group: 'kernel_report', plain: 'the kernel stopped the whole machine (kernel panic)' },
  oops: { group: 'kernel_report', plain: 'the kernel hit an internal error and killed the task that triggered it' },
  bug: { group: 'kernel_report', plain: 'the kernel reached a state its developers declared impossible (kernel BUG)' },
  gpf: { group: 'kernel_report', plain: 'the kernel touched memory it must not touch (general protection fault)' },
  kasan: { group: 'kernel_report', plain: 'a memory checker built into the kernel caught an invalid memory access' },
  kfence: { group: 'kernel_report', plain: 'a memory checker built into the kernel caught an invalid memory access' },
  ubsan: { group: 'kernel_report', plain: 'a kernel checker caught undefined behaviour in kernel code' },
  lockdep: { group: 'kernel_report', plain: 'the kernel found two locks taken in an order that can freeze the system' },
  warning: { group: 'kernel_report', plain: 'the kernel warned about a condition that should not happen' },
  hung_task: { group: 'hang', plain: 'a program or kernel worker was stuck for minutes, usually waiting for storage' },
  soft_lockup: { group: 'hang', plain: 'a processor was stuck in kernel code and let nothing else run for many seconds' },
  hard_lockup: { group: 'hang', plain: 'a processor stopped responding even to interrupts' },
  rcu_stall: { group: 'hang', plain: 'a processor stopped making progress, which delays the whole system' },
  netdev_unregister_wait: {
    group: 'network',
    plain: 'a network interface could not be removed because something still used it',
  },
  oom_kill: { group: 'memory', plain: 'the machine or a container ran out of memory and a process was killed' },
  page_alloc_failure: { group: 'memory', plain: 'the kernel could not find free memory for a request' },
  io_error: { group: 'storage', plain: 'a disk failed to read or write data' },
  fs_error: { group: 'storage', plain: 'a filesystem found damage or an error in its own data' },
  fs_shutdown: { group: 'storage', plain: 'a filesystem shut itself down to protect the data on it' },
  fs_readonly: { group: 'storage', plain: 'a filesystem switched to read-only after an error' },
  capacity_change: { group: 'storage', plain: 'a disk changed size' },
  fs_resize: { group: 'storage', plain: 'a filesystem was grown or shrunk while in use' },
  md_event: { group: 'storage', plain: 'a software RAID array changed state' },
  md_resync: { group: 'storage', plain: 'a software RAID array copied its data between disks (resync)' },
  dm_event: { group: 'storage', plain: 'a device-mapper volume changed state' },
  dhcp_lease_lost: {
    group: 'network',
    plain: 'the machine lost its network address because its DHCP renewals went unanswered',
  },
  net_rx_stall: { group: 'network', plain: 'the machine stopped receiving network traffic while it kept sending' },
  net_tx_stall: { group: 'network', plain: 'the machine stopped sending network traffic while it kept receiving' },
  nfs_not_responding: { group: 'network', plain: 'a network file server stopped answering' },
  link_down: { group: 'network', plain: 'a network link went down' },
  tx_timeout: { group: 'network', plain: 'a network card stopped sending packets (transmit timeout)' },
  conntrack_full: { group: 'network', plain: 'the firewall connection table was full and packets were dropped' },
  machine_check: { group: 'hardware', plain: 'the processor or memory reported a hardware error' },
  edac_error: { group: 'hardware', plain: 'the memory controller reported a hardware error' },
  metric_drop: { group: 'metrics', plain: 'a measured value fell suddenly' },
  metric_surge: { group: 'metrics', plain: 'a measured value rose suddenly' },
};

const LAYER_GROUP: Record<Layer, GroupId> = {
  kernel: 'kernel_report',
  hypervisor: 'network',
  network: 'network',
  storage: 'storage',
  hardware: 'hardware',
  userland: 'other',
  metrics: 'metrics',
};

/** Layers as a user names them. */
export const LAYER_WORDS: Record<Layer, string> = {
  kernel: 'the Linux kernel',
  hypervisor: 'the virtualisation host (hypervisor)',
  network: 'the network',
  storage: 'storage',
  hardware: 'the hardware',
  userland: 'an application or system service',
  metrics: 'the system measurements',
};

export function groupOf(finding: Pick<Finding, 'kind' | 'layer'>): GroupId {
  return KIND_WORDS[finding.kind]?.group ?? LAYER_GROUP[finding.layer] ?? 'other';
}

/** A plain sentence for a finding's kind; unknown kinds fall back to their layer. */
export function plainKind(finding: Pick<Finding, 'kind' | 'layer'>): string {
  return KIND_WORDS[finding.kind]?.plain ?? `an event concerning ${LAYER_WORDS[finding.layer]}`;
}

const GROUP_RANK = new Map<GroupId, number>(GROUPS.map((g, i) => [g.id, i]));

/** Findings by importance: group first, then the first anomaly, then in time order (a story), then count. */
export function byImportance<T extends Finding>(findings: readonly T[], firstAnomalyId?: string | null): T[] {
  return [...findings].sort(
    (a, b) =>
      (GROUP_RANK.get(groupOf(a)) ?? 99) - (GROUP_RANK.get(groupOf(b)) ?? 99) ||
      Number(b.id === firstAnomalyId) - Number(a.id === firstAnomalyId) ||
      compareTime(a.first, b.first) ||
      b.count - a.count ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The numbers behind a finding, when its details have a known shape (change points: before/after;
 * capacity changes: old/new bytes). Null when there is nothing worth a line.
 * @example detailSummary({ kind: 'metric_drop', details: { before: 20111739, after: 412904, relativeChange: -0.98, unit: 'kB' } })
 */
export function detailSummary(f: Pick<Finding, 'details'>): string | null {
  const d = f.details;
  const num = (k: string) => (typeof d[k] === 'number' && Number.isFinite(d[k]) ? (d[k] as number) : null);
  const unit = typeof d.unit === 'string' && d.unit !== 'bytes' ? ` ${d.unit}` : '';
  const before = num('before');
  const after = num('after');
  if (before !== null && after !== null) {
    const rel = num('relativeChange');
    const pct = rel !== null ? ` (${rel >= 0 ? '+' : '−'}${formatNumber(Math.abs(rel) * 100)}%)` : '';
    const rec = num('recoverySeconds');
    return `from ${formatNumber(before)}${unit} to ${formatNumber(after)}${unit}${pct}${rec !== null ? `, back to normal after ${Math.round(rec / 60)} min` : ''}`;
  }
  const oldBytes = num('oldBytes');
  const newBytes = num('newBytes');
  if (oldBytes !== null && newBytes !== null) return `from ${formatBytes(oldBytes)} to ${formatBytes(newBytes)}`;
  return null;
}

function formatNumber(n: number): string {
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Number(n.toFixed(2)));
}

function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toFixed(1))} ${units[i]}`;
}
