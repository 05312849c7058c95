import type { Finding } from '../model/report.js';
import type { Analysis, HostState } from '../pipeline/types.js';
import type { Have } from './schema.js';

/**
 * What the knowledge base needs to know about a host, read from its facts and signals. Each getter
 * returns null when the input does not say, so a condition over it becomes "unknown", never "false".
 */
export interface HostView {
  name: string;
  kernelRelease: string | null;
  distro: string | null;
  modules: Set<string> | null;
  virtualised: boolean | null;
  /** Package name → version, from `package` facts (`qemu-kvm 1.0+noroms-0ubuntu14.1`, `ceph=14.2.4`). */
  packages: Map<string, string>;
  /** True when the input holds the kernel log of a boot from its first line (see `bootLogComplete`). */
  bootLogComplete: boolean;
  /** Why bootLogComplete is what it is, for the request's text. */
  bootLogReason: string;
  blockedTaskDump: boolean;
  /** The input holds metric series (sar, meminfo snapshots) for this host. */
  hasMetrics: boolean;
  /** This host's findings, in their order: what its entries are matched against. */
  findings: Finding[];
}

const last = (h: HostState | undefined, name: Parameters<HostState['facts']['get']>[0]): string | null => {
  const values = h?.facts.get(name);
  return values && values.length ? values[values.length - 1]! : null;
};

// Hardware names that only virtual machines report (DMI of QEMU/KVM, VMware, Hyper-V, Xen, cloud VMs).
const VIRTUAL_HARDWARE = /\b(QEMU|KVM|VMware|VirtualBox|Bochs|Xen|HVM domU|Virtual Machine|OpenStack Nova|Google Compute Engine|Amazon EC2)\b/i;

/**
 * The views of every host the analysis names (those with facts and those with findings), by name in
 * sorted order. Signals, findings and series are grouped by host in one pass each, not scanned per host
 * (hundreds of hosts, tens of thousands of signals).
 */
export function hostViews(analysis: Analysis): Map<string, HostView> {
  const signals = groupByHost(analysis.signals);
  const findings = groupByHost(analysis.findings);
  const seriesHosts = new Set(analysis.series.map((s) => s.host));
  const names = [...new Set([...analysis.hosts.keys(), ...findings.keys()])].sort();
  return new Map(names.map((name) => [name, hostView(analysis, name, signals.get(name) ?? [], findings.get(name) ?? [], seriesHosts.has(name))]));
}

function groupByHost<T extends { host: string }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const l = out.get(x.host);
    if (l) l.push(x);
    else out.set(x.host, [x]);
  }
  return out;
}

/** The view of one host from its facts, its signals (boot banner, sysrq dumps) and its findings. */
function hostView(analysis: Analysis, name: string, signals: Analysis['signals'], findings: Finding[], hasSeries: boolean): HostView {
  const h = analysis.hosts.get(name);
  const moduleFacts = h?.facts.get('module');
  const virt = last(h, 'virtualised');
  const hardware = last(h, 'hardware');
  const packages = new Map<string, string>();
  for (const value of h?.facts.get('package') ?? []) {
    const m = /^\s*([A-Za-z0-9][\w.+-]*?)\s*(?:[ =:]|\s+version\s+)\s*v?(\d\S*)\s*$/.exec(value);
    if (m) packages.set(m[1]!.toLowerCase(), m[2]!);
  }
  // A kernel report's header names the running release (`Not tainted 4.15.0-72-generic`): use it when no
  // uname or boot line gave the host's release.
  const fromReport = findings.find((f) => typeof f.details.kernelRelease === 'string')?.details.kernelRelease as string | undefined;
  const release = last(h, 'kernel.release') ?? fromReport ?? null;
  const boot = bootLogState(signals);
  return {
    name,
    kernelRelease: release,
    distro: last(h, 'distro') ?? distroFromRelease(release),
    modules: moduleFacts && moduleFacts.length ? new Set(moduleFacts.map((m) => m.replace(/-/g, '_'))) : null,
    virtualised: virt !== null ? !/^(0|false|no|none|bare[- ]?metal|physical)$/i.test(virt.trim()) : hardware ? VIRTUAL_HARDWARE.test(hardware) || null : null,
    packages,
    bootLogComplete: boot.complete,
    bootLogReason: boot.reason,
    blockedTaskDump: signals.some((s) => s.topic === 'kernel.sysrq-blocked'),
    hasMetrics: hasSeries || findings.some((f) => f.layer === 'metrics'),
    findings,
  };
}

/**
 * A kernel log counts as complete from boot when it has the `Linux version` banner at uptime ~0 and the
 * `Memory: ...K/...K available` summary that every kernel prints a moment later in early boot. A log cut
 * down to a few chosen lines (as pasted into bug reports) keeps the banner but loses that summary; an
 * excerpt without the banner is missing its start altogether. Either way lines that matter (libceph
 * connection errors, earlier warnings) may be gone, so the full log is requested.
 */
function bootLogState(signals: Analysis['signals']): { complete: boolean; reason: string } {
  const banner = signals.find((s) => s.topic === 'kernel.boot-banner' && (s.stamp.uptime ?? 0) < 1);
  if (!banner) return { complete: false, reason: 'the input has no `Linux version` line at boot' };
  const memory = signals.some((s) => s.topic === 'kernel.boot-memory' && s.stamp.boot === banner.stamp.boot && s.file === banner.file);
  if (!memory) {
    return {
      complete: false,
      reason: 'the log starts at boot but lacks the early-boot `Memory:` summary every kernel prints, so it is an excerpt',
    };
  }
  return { complete: true, reason: 'the input holds the kernel log from boot' };
}

/** Ubuntu `-generic`, Debian `-amd64`/`+deb`, RHEL `.el7`: the distribution as the release string says. */
export function distroFromRelease(release: string | null): string | null {
  if (!release) return null;
  if (/\.el\d/.test(release)) return 'rhel';
  if (/\+deb\d|-(amd64|arm64|686|cloud-amd64)$/.test(release)) return 'debian';
  if (/-\d+-(generic|lowlatency|aws|azure|gcp|gke|kvm|oracle)$/.test(release)) return 'ubuntu';
  return null;
}

/** Whether the host's input already holds what a request would ask for. */
export function hostHas(view: HostView, have: Have): boolean {
  switch (have) {
    case 'boot-log':
      return view.bootLogComplete;
    case 'kernel-release':
      return view.kernelRelease !== null;
    case 'blocked-tasks':
      return view.blockedTaskDump;
    case 'package-versions':
      return view.packages.size > 0;
    case 'loaded-modules':
      return view.modules !== null;
    case 'virtualisation':
      return view.virtualised !== null;
    case 'metrics':
      return view.hasMetrics;
  }
}
