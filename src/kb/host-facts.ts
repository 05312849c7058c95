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
}

const last = (h: HostState | undefined, name: Parameters<HostState['facts']['get']>[0]): string | null => {
  const values = h?.facts.get(name);
  return values && values.length ? values[values.length - 1]! : null;
};

// Hardware names that only virtual machines report (DMI of QEMU/KVM, VMware, Hyper-V, Xen, cloud VMs).
const VIRTUAL_HARDWARE = /\b(QEMU|KVM|VMware|VirtualBox|Bochs|Xen|HVM domU|Virtual Machine|OpenStack Nova|Google Compute Engine|Amazon EC2)\b/i;

/** Builds the view of one host; `analysis.signals` gives the boot banner and sysrq dumps. */
export function hostView(analysis: Analysis, name: string): HostView {
  const h = analysis.hosts.get(name);
  const moduleFacts = h?.facts.get('module');
  const virt = last(h, 'virtualised');
  const hardware = last(h, 'hardware');
  const packages = new Map<string, string>();
  for (const value of h?.facts.get('package') ?? []) {
    const m = /^\s*([A-Za-z0-9][\w.+-]*?)\s*(?:[ =:]|\s+version\s+)\s*v?(\d\S*)\s*$/.exec(value);
    if (m) packages.set(m[1]!.toLowerCase(), m[2]!);
  }
  const index = hostIndex(analysis);
  const signals = index.signals.get(name) ?? [];
  const findings = index.findings.get(name) ?? [];
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
    hasMetrics: index.seriesHosts.has(name) || findings.some((f) => f.layer === 'metrics'),
  };
}

interface HostIndex {
  signals: Map<string, Analysis['signals']>;
  findings: Map<string, Analysis['findings']>;
  seriesHosts: Set<string>;
  /** What the index was built from: rebuilt when any of the lists changed. */
  from: [unknown[], number, unknown[], number, unknown[], number];
}

/**
 * Signals and findings grouped by host (in their order) and the hosts with series, built once for the
 * views of all hosts instead of one pass over every list per host (hundreds of hosts, tens of thousands
 * of signals).
 */
const indexes = new WeakMap<Analysis, HostIndex>();
function hostIndex(analysis: Analysis): HostIndex {
  const from: HostIndex['from'] = [analysis.signals, analysis.signals.length, analysis.findings, analysis.findings.length, analysis.series, analysis.series.length];
  const cached = indexes.get(analysis);
  if (cached && cached.from.every((x, i) => x === from[i])) return cached;
  const group = <T extends { host: string }>(list: readonly T[]): Map<string, T[]> => {
    const out = new Map<string, T[]>();
    for (const x of list) {
      const l = out.get(x.host);
      if (l) l.push(x);
      else out.set(x.host, [x]);
    }
    return out;
  };
  const index: HostIndex = {
    signals: group(analysis.signals),
    findings: group(analysis.findings),
    seriesHosts: new Set(analysis.series.map((s) => s.host)),
    from,
  };
  indexes.set(analysis, index);
  return index;
}

/** The findings of one host, in their order (from the same per-analysis index as the host views). */
export function hostFindings(analysis: Analysis, name: string): Analysis['findings'] {
  return hostIndex(analysis).findings.get(name) ?? [];
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
