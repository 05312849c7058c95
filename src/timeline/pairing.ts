import type { Signal } from '../model/observation.js';
import type { ExchangeKind } from './exchanges.js';

/**
 * Pairs the two ends of an exchange's messages across hosts, on the hosts' own clocks.
 *
 * Periodic messages (a DHCP renewal every ~30 s) make nearest-neighbour pairing ambiguous when the clocks
 * differ by more than half a period, so pairing first finds a coarse offset: every candidate pair with
 * the same key and type votes for "server time − client time"; the true offset is where the votes pile
 * up (every exchange votes for it, wrong pairs spread over multiples of the jittered period). Then each
 * sent message pairs with the unused received one nearest to where the coarse offset puts it.
 */
export interface TimedSignal {
  signal: Signal;
  /** Epoch ms on the host's own clock. */
  ms: number;
  keys: string[];
}

export interface LegPair {
  leg: string;
  type: string;
  client: TimedSignal;
  server: TimedSignal;
  /** Server reading − client reading, seconds. */
  diffSeconds: number;
}

export interface HostPairExchanges {
  kind: string;
  clientHost: string;
  serverHost: string;
  coarseOffsetSeconds: number;
  pairs: LegPair[];
}

/** Key strings of each signal (`ip=10.0.0.5`), after lending keys through the directory field. */
export function keyedSignals(kind: ExchangeKind, signals: ReadonlyArray<{ signal: Signal; ms: number }>): TimedSignal[] {
  const directory = new Map<string, Record<string, unknown>>();
  if (kind.directoryBy) {
    for (const { signal } of signals) {
      const id = signal.data[kind.directoryBy];
      if (typeof id !== 'string' || !id) continue;
      const entry = directory.get(`${signal.host}\u0000${id}`) ?? {};
      for (const k of kind.keys) if (isKey(signal.data[k]) && entry[k] === undefined) entry[k] = signal.data[k];
      directory.set(`${signal.host}\u0000${id}`, entry);
    }
  }
  return signals.map(({ signal, ms }) => {
    const data: Record<string, unknown> = { ...signal.data };
    if (data.role === 'client' && !isKey(data.clientName)) data.clientName = signal.host;
    const id = kind.directoryBy ? data[kind.directoryBy] : undefined;
    const lent = typeof id === 'string' ? directory.get(`${signal.host}\u0000${id}`) : undefined;
    if (lent) for (const [k, v] of Object.entries(lent)) if (!isKey(data[k])) data[k] = v;
    const keys = kind.keys.filter((k) => isKey(data[k])).map((k) => `${k}=${normaliseKey(k, String(data[k]))}`);
    return { signal, ms, keys };
  });
}

function isKey(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0;
}

/** Names compare by their short form (`backup01.novalocal` = `backup01`); MACs case-insensitively. */
function normaliseKey(field: string, value: string): string {
  const lower = value.toLowerCase();
  return field === 'clientName' ? lower.split('.')[0] : lower;
}

/** Pairs the messages of every (client host, server host) couple for one exchange kind. */
export function pairExchanges(kind: ExchangeKind, timed: readonly TimedSignal[]): HostPairExchanges[] {
  const clients = timed.filter((t) => t.signal.data.role === 'client');
  const servers = timed.filter((t) => t.signal.data.role === 'server');
  const typesOf = new Map<string, string>();
  for (const leg of kind.legs) for (const type of leg.types) typesOf.set(type, leg.name);
  const serverIndex = new Map<string, TimedSignal[]>();
  for (const s of servers) {
    for (const key of s.keys) {
      const k = `${s.signal.data.type}\u0000${key}`;
      const list = serverIndex.get(k) ?? [];
      list.push(s);
      serverIndex.set(k, list);
    }
  }
  // Candidate pairs per host couple, each voting for an offset.
  const couples = new Map<string, { clientHost: string; serverHost: string; votes: number[]; cands: Array<[TimedSignal, TimedSignal]> }>();
  for (const c of clients) {
    const type = String(c.signal.data.type);
    if (!typesOf.has(type)) continue;
    const seen = new Set<TimedSignal>();
    for (const key of c.keys) {
      for (const s of serverIndex.get(`${type}\u0000${key}`) ?? []) {
        if (seen.has(s) || s.signal.host === c.signal.host) continue;
        seen.add(s);
        const diff = (s.ms - c.ms) / 1000;
        if (Math.abs(diff) > kind.maxSkewSeconds) continue;
        const id = `${c.signal.host}\u0000${s.signal.host}`;
        const couple = couples.get(id) ?? { clientHost: c.signal.host, serverHost: s.signal.host, votes: [], cands: [] };
        couple.votes.push(diff);
        couple.cands.push([c, s]);
        couples.set(id, couple);
      }
    }
  }
  const result: HostPairExchanges[] = [];
  for (const couple of couples.values()) {
    const coarse = modeOffset(couple.votes, kind.maxPairingSeconds);
    const pairs = pairNearest(couple.cands, coarse, kind.maxPairingSeconds, typesOf);
    if (pairs.length) result.push({ kind: kind.name, clientHost: couple.clientHost, serverHost: couple.serverHost, coarseOffsetSeconds: coarse, pairs });
  }
  return result;
}

/** The offset most votes agree on within ±window seconds (the median of that cluster). */
function modeOffset(votes: number[], window: number): number {
  const sorted = [...votes].sort((a, b) => a - b);
  let best = 0;
  let bestCount = -1;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[j] < sorted[i] - 2 * window) j++;
    // Cluster [j, i] spans at most 2·window; prefer the larger one, then the one nearer zero.
    const count = i - j + 1;
    const mid = sorted[j + Math.floor((i - j) / 2)];
    if (count > bestCount || (count === bestCount && Math.abs(mid) < Math.abs(best))) {
      bestCount = count;
      best = mid;
    }
  }
  return best;
}

/** One-to-one pairs, each client message with the server message nearest to client + coarse offset. */
function pairNearest(cands: Array<[TimedSignal, TimedSignal]>, coarse: number, max: number, typesOf: Map<string, string>): LegPair[] {
  const scored = cands
    .map(([c, s]) => ({ c, s, miss: Math.abs((s.ms - c.ms) / 1000 - coarse) }))
    .filter((x) => x.miss <= max)
    .sort((a, b) => a.miss - b.miss || a.c.ms - b.c.ms);
  const usedC = new Set<TimedSignal>();
  const usedS = new Set<TimedSignal>();
  const pairs: LegPair[] = [];
  for (const { c, s } of scored) {
    if (usedC.has(c) || usedS.has(s)) continue;
    usedC.add(c);
    usedS.add(s);
    const type = String(c.signal.data.type);
    pairs.push({ leg: typesOf.get(type) ?? '', type, client: c, server: s, diffSeconds: (s.ms - c.ms) / 1000 });
  }
  return pairs.sort((a, b) => a.client.ms - b.client.ms);
}
