import { eventDraft, type FindingDraft } from '../../../model/observation.js';
import type { Analysis, ResolvedSignal, Stage } from '../../../pipeline/types.js';
import { addFindings } from '../../../pipeline/findings.js';
import { networkSignature } from '../signature.js';

/** Evidence of one host within this distance of each other belongs to one stall. */
const GAP_MS = 10 * 60_000;

/**
 * `net-stall`: folds a host's `netstall` signals into findings. A cluster holding a sar rx (tx) stall is
 * `net_rx_stall` (`net_tx_stall`) and takes the kernel lines of the same direction near it as evidence
 * (an NFS server "not responding" while nothing comes in is the same stall seen by NFS). Kernel lines
 * alone keep their own kind: `net_tx_stall` for a transmit watchdog, `nfs_server_not_responding`, ...
 */
export function stallDrafts(signals: readonly ResolvedSignal[]): FindingDraft[] {
  const byHost = new Map<string, ResolvedSignal[]>();
  for (const s of signals) {
    if (s.topic !== 'netstall' || s.at === null) continue;
    const list = byHost.get(s.host) ?? [];
    list.push(s);
    byHost.set(s.host, list);
  }
  const drafts: FindingDraft[] = [];
  for (const [host, list] of byHost) {
    list.sort((a, b) => a.at! - b.at!);
    const clusters: ResolvedSignal[][] = [];
    for (const s of list) {
      const last = clusters[clusters.length - 1];
      if (last && s.at! - last[last.length - 1].at! <= GAP_MS && sameFamily(last, s)) last.push(s);
      else clusters.push([s]);
    }
    for (const c of clusters) drafts.push(...draftsOf(host, c));
  }
  return drafts;
}

function sameFamily(cluster: ResolvedSignal[], s: ResolvedSignal): boolean {
  return cluster.some((x) => x.data.direction === s.data.direction || x.data.source === 'sar' || s.data.source === 'sar');
}

function draftsOf(host: string, cluster: ResolvedSignal[]): FindingDraft[] {
  const sar = cluster.filter((s) => s.data.source === 'sar');
  const groups = new Map<string, ResolvedSignal[]>();
  if (sar.length) {
    const dir = String(sar[0].data.direction);
    groups.set(`net_${dir}_stall`, cluster.filter((s) => s.data.source === 'sar' || s.data.direction === dir));
    for (const s of cluster) if (s.data.source !== 'sar' && s.data.direction !== dir) push(groups, String(s.data.kind), s);
  } else {
    for (const s of cluster) push(groups, String(s.data.kind), s);
  }
  return [...groups].map(([kind, items]) => draft(host, kind, items));
}

function push(groups: Map<string, ResolvedSignal[]>, key: string, s: ResolvedSignal): void {
  const list = groups.get(key) ?? [];
  list.push(s);
  groups.set(key, list);
}

/**
 * When the stall began: a sar sample only says "within [start, end]"; a kernel line of the same stall in
 * that interval (nfs not responding) says "by then". The onset is the middle of what remains, ± half of it.
 */
function onsetStamp(items: ResolvedSignal[]): ResolvedSignal['stamp'] {
  const sar = items.find((s) => s.data.source === 'sar');
  if (!sar || sar.stamp.wallMs === undefined || typeof sar.data.sampleEndMs !== 'number') return items[0].stamp;
  const lower = sar.stamp.wallMs;
  let upper = sar.data.sampleEndMs;
  for (const s of items) {
    if (s.data.source !== 'sar' && s.stamp.wallMs !== undefined && s.stamp.wallMs >= lower && s.stamp.wallMs < upper) upper = s.stamp.wallMs;
  }
  return { wallMs: (lower + upper) / 2, estimated: true, uncertaintySeconds: (upper - lower) / 2000 };
}

const TITLES: Record<string, string> = {
  net_rx_stall: 'received traffic stopped',
  net_tx_stall: 'transmit stalled',
  nfs_server_not_responding: 'NFS server not responding',
  net_link_down: 'network link down',
  virtio_net_error: 'virtio_net error',
};

function draft(host: string, kind: string, items: ResolvedSignal[]): FindingDraft {
  const sar = items.filter((s) => s.data.source === 'sar');
  const device = String(items.find((s) => s.data.device)?.data.device ?? '') || null;
  const nfsServers = [...new Set(items.map((s) => s.data.server).filter((x): x is string => typeof x === 'string'))];
  const first = items[0];
  const last = items[items.length - 1];
  return eventDraft({
    kind,
    title: `${TITLES[kind] ?? kind} on ${host}${device ? ` (${device})` : ''}`,
    signature: networkSignature(kind, device ?? ''),
    host,
    layer: 'network',
    subsystem: kind.startsWith('nfs') ? 'nfs' : 'net',
    device,
    stamp: onsetStamp(items),
    lastStamp: last.stamp,
    details: {
      sources: [...new Set(items.map((s) => String(s.data.source)))],
      direction: first.data.direction,
      ...(sar.length
        ? {
            sar: {
              samples: sar.length,
              firstSampleStart: sar[0].time,
              rate: sar[0].data.rate,
              baseline: sar[0].data.baseline,
              otherRate: sar[0].data.otherRate,
              otherBaseline: sar[0].data.otherBaseline,
            },
            rule: 'rate < 2 % of its baseline while the other direction kept ≥ 4× its relative level (not a workload that ended)',
          }
        : {}),
      ...(nfsServers.length ? { nfsServers } : {}),
      start: first.time,
      end: last.time,
    },
    evidence: items.slice(0, 50).map((s) => ({ file: s.file, line: s.line, text: s.text, host: s.host })),
  });
}

export const netStallStage: Stage = {
  name: 'net-stall',
  run(analysis: Analysis) {
    addFindings(analysis, stallDrafts(analysis.signals));
  },
};
