import type { Host } from '../model/report.js';
import type { HostState } from './types.js';

/**
 * The `kernel` block of a published host from its facts (release, version, distro, taint).
 * Placeholder until the host-facts stage lands: distro and taint decoding live there.
 */
export function hostKernelSummary(state: HostState): Host['kernel'] {
  const last = (name: Parameters<HostState['facts']['get']>[0]) => {
    const v = state.facts.get(name);
    return v && v.length ? v[v.length - 1] : null;
  };
  const tainted = last('kernel.tainted');
  return {
    release: last('kernel.release'),
    version: last('kernel.version'),
    distro: last('distro'),
    tainted: tainted === null ? null : !/^(0|not tainted|)$/i.test(tainted.trim()),
    taint: [],
  };
}
