import type { Analysis, Stage } from '../pipeline/types.js';
import { createResolver, resolveSignals } from './clocks.js';
import { exchangeKinds, type ExchangeKind } from './exchanges.js';
import { keyedSignals, pairExchanges, type HostPairExchanges, type LegPair } from './pairing.js';

/**
 * The `skew` stage: clock offsets between hosts from exchanges both ends logged.
 *
 * Sign convention (as `HostState` and the report say): `clockOffsetSeconds` is what to ADD to the host's
 * clock to read the reference host's clock. A host whose clock runs 2 s behind the reference gets +2.
 *
 * For one client/server couple, θ = server reading − client reading of the same instant:
 * - a request sent at client reading a and received at server reading b gives θ ≤ b − a;
 * - a reply sent at server reading c and received at client reading d gives θ ≥ c − d.
 * Readings are truncated to their precision p (1 s for syslog), so the true bounds widen by it:
 * θ < b − a + p(server) and θ > c − d − p(client). The estimate is the middle of the feasible interval.
 * If the bounds cross (a wrong pair, a clock step) the extreme pairs are dropped (10 % quantiles) and the
 * estimate is the middle of what remains, as NTP does with minimum delays.
 */
export interface PairOffset {
  clientHost: string;
  serverHost: string;
  offsetSeconds: number;
  bounds: [number, number];
  method: string;
  pairs: number;
}

export function estimatePairOffset(ex: HostPairExchanges, precision: (host: string) => number): PairOffset | null {
  const requests = ex.pairs.filter((p) => p.leg === 'request');
  const replies = ex.pairs.filter((p) => p.leg === 'reply');
  const pS = precision(ex.serverHost);
  const pC = precision(ex.clientHost);
  const base = { clientHost: ex.clientHost, serverHost: ex.serverHost, pairs: ex.pairs.length };
  const diffs = (list: LegPair[]) => list.map((p) => p.diffSeconds).sort((a, b) => a - b);
  const req = diffs(requests);
  const rep = diffs(replies);
  if (!req.length && !rep.length) return null;
  if (req.length && rep.length) {
    let upper = req[0] + pS;
    let lower = rep[rep.length - 1] - pC;
    let method = `${ex.kind}-exchange-bounds`;
    if (lower > upper) {
      upper = quantile(req, 0.1) + pS;
      lower = quantile(rep, 0.9) - pC;
      method = `${ex.kind}-min-delay-robust`;
      if (lower > upper) [lower, upper] = [upper, lower];
    }
    return { ...base, offsetSeconds: round3((lower + upper) / 2), bounds: [round3(lower), round3(upper)], method };
  }
  // One direction only: one bound is measured, the other is the pairing window.
  if (req.length) {
    const upper = req[0] + pS;
    return { ...base, offsetSeconds: round3(req[0]), bounds: [round3(req[0] - 2 * pS), round3(upper)], method: `${ex.kind}-requests-only` };
  }
  const lower = rep[rep.length - 1] - pC;
  return { ...base, offsetSeconds: round3(rep[rep.length - 1]), bounds: [round3(lower), round3(rep[rep.length - 1] + 2 * pC)], method: `${ex.kind}-replies-only` };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The reference host: the one linked to most others, then the one most often the server (the DHCP server,
 * the NFS server: the clock everyone talked to), then by name.
 */
export function chooseReference(links: readonly PairOffset[]): string | null {
  const peers = new Map<string, Set<string>>();
  const served = new Map<string, number>();
  for (const l of links) {
    for (const [a, b] of [[l.clientHost, l.serverHost], [l.serverHost, l.clientHost]]) {
      const set = peers.get(a) ?? new Set<string>();
      set.add(b);
      peers.set(a, set);
    }
    served.set(l.serverHost, (served.get(l.serverHost) ?? 0) + 1);
  }
  const ranked = [...peers.keys()].sort(
    (a, b) => peers.get(b)!.size - peers.get(a)!.size || (served.get(b) ?? 0) - (served.get(a) ?? 0) || a.localeCompare(b),
  );
  return ranked[0] ?? null;
}

/** Offsets of every host linked to the reference, walking the links breadth-first. */
export function propagateOffsets(reference: string, links: readonly PairOffset[]): Map<string, { offset: number; bounds: [number, number]; method: string }> {
  const out = new Map<string, { offset: number; bounds: [number, number]; method: string }>();
  out.set(reference, { offset: 0, bounds: [0, 0], method: 'reference' });
  const queue = [reference];
  while (queue.length) {
    const host = queue.shift()!;
    const known = out.get(host)!;
    for (const l of links) {
      // client + θ = server; host + offset = reference.
      if (l.serverHost === host && !out.has(l.clientHost)) {
        out.set(l.clientHost, {
          offset: round3(l.offsetSeconds + known.offset),
          bounds: [round3(l.bounds[0] + known.bounds[0]), round3(l.bounds[1] + known.bounds[1])],
          method: l.method,
        });
        queue.push(l.clientHost);
      } else if (l.clientHost === host && !out.has(l.serverHost)) {
        out.set(l.serverHost, {
          offset: round3(known.offset - l.offsetSeconds),
          bounds: [round3(known.bounds[0] - l.bounds[1]), round3(known.bounds[1] - l.bounds[0])],
          method: l.method,
        });
        queue.push(l.serverHost);
      }
    }
  }
  return out;
}

/** Measures every host couple's offset from the exchange table (raw clocks, no correction yet). */
export function measureLinks(analysis: Analysis, kinds: readonly ExchangeKind[] = exchangeKinds): PairOffset[] {
  const raw = createResolver(analysis, { skew: false });
  const links: PairOffset[] = [];
  for (const kind of kinds) {
    const placed = analysis.signals
      .filter((s) => s.topic === kind.topic)
      .map((signal) => ({ signal, ms: raw(signal.host, signal.stamp).at }))
      .filter((x): x is { signal: typeof x.signal; ms: number } => x.ms !== null);
    if (!placed.length) continue;
    const precision = hostPrecision(placed);
    for (const ex of pairExchanges(kind, keyedSignals(kind, placed))) {
      const link = estimatePairOffset(ex, precision);
      if (link) links.push(link);
    }
  }
  return links;
}

/** A host's clock precision: 1 s when every stamp it gave is a whole second (syslog), else 1 ms. */
function hostPrecision(placed: ReadonlyArray<{ signal: { host: string; stamp: { uncertaintySeconds?: number } }; ms: number }>): (host: string) => number {
  const coarse = new Map<string, number>();
  for (const { signal, ms } of placed) {
    const p = Math.max(signal.stamp.uncertaintySeconds ?? 0, ms % 1000 === 0 ? 1 : 0.001);
    coarse.set(signal.host, Math.max(coarse.get(signal.host) ?? 0, p));
  }
  return (host) => coarse.get(host) ?? 1;
}

export const skewStage: Stage = {
  name: 'skew',
  run(analysis) {
    const links = measureLinks(analysis);
    const reference = chooseReference(links);
    if (!reference) return;
    for (const [host, o] of propagateOffsets(reference, links)) {
      const state = analysis.hosts.get(host);
      if (!state) continue;
      state.clockOffsetSeconds = o.offset;
      state.clockOffsetBounds = o.bounds;
      state.clockReference = reference;
      state.clockOffsetMethod = o.method;
    }
    // The resolver reads the offsets at each call: re-place the signals on the corrected axis.
    resolveSignals(analysis);
  },
};
