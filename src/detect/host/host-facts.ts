import type { Host } from '../../model/report.js';
import type { Analysis, HostState, Stage } from '../../pipeline/types.js';
import { distroFromRelease } from './distro.js';
import { decodeTaintLetters, decodeTaintMask, taintMask } from './taint.js';

/**
 * Derives host facts every later stage reads, and writes them back on `HostState.facts`:
 * - `distro`: when no input stated one (hostnamectl, os-release), the name derived from the last
 *   `kernel.release` (and `kernel.version`) by distroFromRelease (`Ubuntu`, `Debian`, `RHEL family`, ...);
 * - `kernel.tainted`: replaced by ONE value, the decimal taint mask OR-ed over every value seen
 *   (`Not tainted` → 0, letters of report headers, integers of /proc/sys/kernel/tainted): a taint stays
 *   set until reboot, so the union is what the kernel had at the end of the logs.
 * `kernelSummary(host)` turns that into the report's `hosts[].kernel` block.
 */
export const hostFacts: Stage = {
  name: 'host-facts',
  run(analysis: Analysis) {
    for (const host of analysis.hosts.values()) deriveHostFacts(host);
  },
};

const last = (host: HostState, name: Parameters<HostState['facts']['get']>[0]): string | null => {
  const v = host.facts.get(name);
  return v && v.length ? v[v.length - 1] : null;
};

/** Mask of every taint value recorded for a host, or null when none was. */
export function taintMaskOf(values: readonly string[] | undefined): number | null {
  if (!values || values.length === 0) return null;
  let mask = 0;
  for (const v of values) {
    const flags = /^\s*\d+\s*$/.test(v) ? decodeTaintMask(Number(v)) : decodeTaintLetters(v);
    mask |= taintMask(flags);
  }
  return mask;
}

export function deriveHostFacts(host: HostState): void {
  if (!last(host, 'distro')) {
    const distro = distroFromRelease(last(host, 'kernel.release'), last(host, 'kernel.version'));
    if (distro) host.facts.set('distro', [distro]);
  }
  const mask = taintMaskOf(host.facts.get('kernel.tainted'));
  if (mask !== null) host.facts.set('kernel.tainted', [String(mask)]);
}

/**
 * The report's `kernel` block of a host: release, version, distro, whether tainted (null: unknown) and
 * the decoded flags. Works before or after the stage (it decodes whatever values are there).
 */
export function kernelSummary(host: HostState): Host['kernel'] {
  const release = last(host, 'kernel.release');
  const version = last(host, 'kernel.version');
  const mask = taintMaskOf(host.facts.get('kernel.tainted'));
  return {
    release,
    version,
    distro: last(host, 'distro') ?? distroFromRelease(release, version),
    tainted: mask === null ? null : mask !== 0,
    taint: mask === null ? [] : decodeTaintMask(mask).map((f) => ({ letter: f.letter, bit: f.bit, meaning: f.meaning })),
  };
}
