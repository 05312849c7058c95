import type { Analysis, HostState } from './types.js';

/** Clock anchors kept per host and boot: enough for a robust median, bounded for month-long logs. */
export const MAX_ANCHORS_PER_BOOT = 256;

/** The state of a host, created on first mention. */
export function hostState(analysis: Analysis, name: string): HostState {
  let state = analysis.hosts.get(name);
  if (!state) {
    state = {
      name,
      facts: new Map(),
      anchors: [],
      clockOffsetSeconds: null,
      clockOffsetBounds: null,
      clockReference: null,
      clockOffsetMethod: null,
    };
    analysis.hosts.set(name, state);
  }
  return state;
}

/** The last value of a single-valued fact, or null. */
export function fact(state: HostState | undefined, name: Parameters<HostState['facts']['get']>[0]): string | null {
  const values = state?.facts.get(name);
  return values && values.length ? values[values.length - 1] : null;
}
