import type { Component, KbEntry, Status } from './schema.js';
import type { HostView } from './host-facts.js';
import { compareInStream, comparePackageVersions, compareUpstream, inRange, parseKernelRelease, type KernelVersion } from './versions.js';

/** The status of one component on one host, with the reasoning a reader can check. */
export interface ComponentStatus {
  component: string;
  status: Status;
  reason: string;
  /** The fact that was missing when status is unknown. */
  missing?: string;
}

/** Evaluates one `affects` component on a host (kernel by its release, others by `package` facts). */
export function componentStatus(c: Component, view: HostView): ComponentStatus {
  if (c.component === 'kernel') return kernelStatus(c, view.kernelRelease);
  const names = [c.component, ...c.aliases].map((n) => n.toLowerCase());
  const version = names.map((n) => view.packages.get(n)).find((v) => v !== undefined);
  if (version === undefined) {
    return { component: c.component, status: 'unknown', reason: `the ${c.component} version on the affected host was not supplied`, missing: `${c.component} package version` };
  }
  if (c.noFix) return { component: c.component, status: 'no_fix', reason: `${c.component} ${version}: ${c.noFix}` };
  if (c.introduced && comparePackageVersions(version, c.introduced) < 0) {
    return { component: c.component, status: 'not_affected', reason: `${c.component} ${version} predates the bug (introduced in ${c.introduced})` };
  }
  if (c.fixed) {
    const fixed = comparePackageVersions(version, c.fixed) >= 0;
    return { component: c.component, status: fixed ? 'fixed' : 'affected', reason: `${c.component} ${version} is ${fixed ? 'at or after' : 'before'} the fixed version ${c.fixed}` };
  }
  return { component: c.component, status: 'unknown', reason: `no fixed version of ${c.component} is recorded` };
}

function streamRule(c: Component, v: KernelVersion) {
  return c.streams[v.stream] ?? c.streams[v.distro];
}

/**
 * The kernel's status: a rule for the release's own stream decides first (distribution kernels carry
 * backports their version does not show); otherwise the upstream base is compared with the upstream fix.
 *
 * @example kernelStatus({ component: 'kernel', fixed: '4.17', ... }, '4.19.0-6-amd64').status // 'fixed'
 */
export function kernelStatus(c: Component, release: string | null): ComponentStatus {
  if (!release) return { component: 'kernel', status: 'unknown', reason: 'the kernel release is not known', missing: 'kernel release' };
  const v = parseKernelRelease(release);
  if (!v) return { component: 'kernel', status: 'unknown', reason: `the kernel release ${release} could not be parsed`, missing: 'kernel release' };
  if (c.introduced && compareUpstream(v, c.introduced) < 0) {
    return { component: 'kernel', status: 'not_affected', reason: `${release} is based on Linux ${fmtBase(v)}, before the bug appeared in ${c.introduced}` };
  }
  if (c.noFix) return { component: 'kernel', status: 'no_fix', reason: c.noFix };
  const rule = v.distro !== 'upstream' ? streamRule(c, v) : undefined;
  const upstreamFix = c.fixed ? ` (fixed upstream in Linux ${c.fixed})` : '';
  if (rule) {
    if (rule.fixed && compareInStream(v, rule.fixed) >= 0) return { component: 'kernel', status: 'fixed', reason: `${release} is at or after ${rule.fixed} in ${v.stream}: ${rule.note}` };
    if (rule.affected) {
      const inside = inRange(rule.affected, (b) => compareInStream(v, b));
      if (inside === true) return { component: 'kernel', status: 'affected', reason: `${release} is in the affected builds ${rule.affected} of ${v.stream}: ${rule.note}` };
    }
    if (rule.fixed) return { component: 'kernel', status: 'affected', reason: `${release} is before ${rule.fixed}, the first ${v.stream} build with the fix: ${rule.note}` };
    if (rule.status) return { component: 'kernel', status: rule.status, reason: `${release} (${v.stream}) is ${rule.status.replace('_', ' ')}${upstreamFix}: ${rule.note}` };
  }
  if (!c.fixed) return { component: 'kernel', status: 'unknown', reason: 'no fixed kernel release is recorded for this issue' };
  const upstream = compareUpstream(v, c.fixed);
  if (upstream >= 0) {
    const what = v.distro === 'upstream' ? `Linux ${release}` : `${release} (based on Linux ${fmtBase(v)})`;
    return { component: 'kernel', status: 'fixed', reason: `${what} includes the fix merged in Linux ${c.fixed}` };
  }
  if (v.distro === 'upstream') return { component: 'kernel', status: 'affected', reason: `Linux ${release} predates the fix merged in ${c.fixed}` };
  const why = `${release} is based on Linux ${fmtBase(v)}, before the fix in ${c.fixed}`;
  return c.unlisted === 'affected'
    ? { component: 'kernel', status: 'affected', reason: `${why}; no ${v.distro} backport is recorded` }
    : { component: 'kernel', status: 'unknown', reason: `${why}; whether ${v.distro} backported the fix to ${v.stream} is not known`, missing: `whether ${v.stream} carries a backport` };
}

const fmtBase = (v: KernelVersion): string => `${v.base[0]}.${v.base[1]}`;

export interface Verdict {
  verdict: Status;
  reason: string;
  components: ComponentStatus[];
}

/**
 * The entry's verdict for a host: the first `verdict` rule whose `when` holds, or, without rules, the
 * worst component status (affected > no_fix > unknown > fixed > not_affected).
 */
export function decideVerdict(entry: KbEntry, view: HostView): Verdict {
  const components = entry.affects.map((c) => componentStatus(c, view));
  const byName = new Map(components.map((c) => [c.component, c]));
  const reasons = components.map((c) => c.reason).join('; ');
  const fill = (text: string): string =>
    text.replace(/\{kernel\}/g, view.kernelRelease ?? 'unknown kernel').replace(/\{reason\}/g, reasons || 'no version facts apply');
  for (const rule of entry.verdict) {
    if (rule.when) {
      const c = byName.get(rule.when.component);
      if (!c || !rule.when.status.includes(c.status)) continue;
    }
    return { verdict: rule.verdict, reason: fill(rule.reason), components };
  }
  if (!components.length) return { verdict: 'unknown', reason: 'the entry records no affected versions', components };
  const rank: Status[] = ['affected', 'no_fix', 'unknown', 'fixed', 'not_affected'];
  const worst = rank.find((s) => components.some((c) => c.status === s)) ?? 'unknown';
  return { verdict: worst, reason: reasons, components };
}
