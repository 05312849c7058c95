import { eventDraft, type FindingDraft } from '../../../model/observation.js';
import type { Evidence } from '../../../model/report.js';
import type { Analysis, ResolvedSignal, Stage } from '../../../pipeline/types.js';
import { addFindings } from '../../../pipeline/findings.js';
import { exchangeKinds } from '../../../timeline/exchanges.js';
import { keyedSignals, type TimedSignal } from '../../../timeline/pairing.js';
import { epochMsToIso } from '../../../timeline/civil-time.js';
import { networkSignature } from '../signature.js';
import { BROADCAST } from './patterns.js';
import { findEpisodes, type Episode } from './episodes.js';
import { keyedServerLines, serverView } from './server-view.js';

const DHCP = exchangeKinds.find((k) => k.name === 'dhcp')!;
/** Slack around an episode when looking at the server's side: pairing distance plus clock uncertainty. */
function slackMs(analysis: Analysis, host: string): number {
  const state = analysis.hosts.get(host);
  const b = state?.clockOffsetBounds;
  const width = b ? (b[1] - b[0]) / 2 : 0;
  return (DHCP.maxPairingSeconds + width + 1) * 1000;
}

function byTime(a: ResolvedSignal, b: ResolvedSignal): number {
  return (a.at ?? 0) - (b.at ?? 0);
}

/** The lease-loss finding of one episode, judged against the servers' view (`servers`: keyedServerLines). */
export function leaseLossDraft(
  analysis: Analysis,
  episode: Episode,
  clientSignals: readonly ResolvedSignal[],
  servers: readonly TimedSignal[],
): FindingDraft | null {
  const first = episode.sends[0];
  const last = episode.end ?? episode.events[episode.events.length - 1];
  if (first.at === null || last.at === null) return null;
  const clientKeys = new Set(keyedSignals(DHCP, clientSignals.map((signal) => ({ signal, ms: signal.at ?? 0 }))).flatMap((k) => k.keys));
  const slack = slackMs(analysis, episode.host);
  const view = serverView(episode.host, clientKeys, servers, first.at - slack, last.at + slack);
  const requests = episode.sends.filter((s) => s.data.type === 'REQUEST');
  const broadcast = requests.filter((s) => s.data.dest === BROADCAST).length;
  const discovers = episode.sends.filter((s) => s.data.type === 'DISCOVER').length;
  const received = episode.recoveredBy ? 1 : 0;
  const iface = String(episode.sends.find((s) => s.data.iface)?.data.iface ?? '') || null;
  const gaveUp = !!episode.end && ['GAVE_UP', 'EXIT'].includes(String(episode.end.data.type));
  const answeredTotal = view.answered.ack + view.answered.offer + view.answered.nak;
  const serverLines = [...view.saw, ...(view.saw.length ? servers.map((k) => k.signal as ResolvedSignal).filter((s) => isAnswerTo(s, view.saw)) : [])].sort(byTime);
  const evidence: Evidence[] = [...episode.events, ...serverLines]
    .sort(byTime)
    .map((s) => ({ file: s.file, line: s.line, text: s.text, host: s.host }));
  const messages = [...episode.events, ...serverLines].sort(byTime).map((s) => ({ host: s.host, time: s.time, side: s.data.role, type: s.data.type, text: s.text }));
  const ownClock = (s: ResolvedSignal) => (s.stamp.wallMs !== undefined ? epochMsToIso(s.stamp.wallMs) : null);
  const lossWords: Record<string, string> = {
    reply_lost_to_client: 'replies lost on the way to the client',
    server_never_saw: 'the server never saw the requests',
    server_refused: 'the server refused',
    server_did_not_answer: 'the server did not answer',
    unknown: 'no server log',
  };
  return eventDraft({
    kind: 'dhcp_lease_lost',
    title: `DHCP lease lost on ${episode.host}${iface ? ` (${iface})` : ''}: ${episode.sends.length} messages unanswered, ${lossWords[view.lossPoint]}`,
    signature: networkSignature('dhcp_lease_lost', view.lossPoint),
    host: episode.host,
    layer: 'network',
    subsystem: 'dhcp',
    device: iface,
    stamp: first.stamp,
    lastStamp: last.stamp,
    details: {
      requests: { unicast: requests.length - broadcast, broadcast },
      discovers,
      sent: episode.sends.length,
      received,
      serverSaw: view.saw.length,
      serverAnswered: view.answered,
      refused: view.refused,
      lost: { toServer: Math.max(0, episode.sends.length - view.saw.length), toClient: Math.max(0, answeredTotal - received) },
      lossPoint: view.lossPoint,
      verdict: view.verdict,
      servers: view.servers,
      serverHealthy: view.covered ? view.otherClientsServed.length > 0 || view.answered.ack + view.answered.offer > 0 : null,
      otherClientsServed: view.otherClientsServed,
      gaveUp,
      recovered: !!episode.recoveredBy,
      ended: episode.end ? String(episode.end.data.type) : null,
      start: first.time,
      end: last.time,
      startHostClock: ownClock(first),
      endHostClock: ownClock(last),
      messages,
    },
    evidence,
  });
}

/** A server ACK/OFFER/NAK that follows one of the requests it saw within a couple of seconds. */
function isAnswerTo(s: ResolvedSignal, saw: readonly ResolvedSignal[]): boolean {
  if (!['ACK', 'OFFER', 'NAK'].includes(String(s.data.type)) || s.at === null) return false;
  return saw.some((r) => r.host === s.host && r.at !== null && s.at! - r.at >= 0 && s.at! - r.at <= 2000 && (r.data.mac === s.data.mac || r.data.ip === s.data.ip));
}

/**
 * `dhcp-lease-loss`: per client host, finds runs of unanswered DHCP messages, pairs them with the
 * servers' view of the same window and adds `dhcp_lease_lost` findings saying where the messages were lost.
 */
export const dhcpLeaseLossStage: Stage = {
  name: 'dhcp-lease-loss',
  run(analysis) {
    const dhcp = analysis.signals.filter((s) => s.topic === 'dhcp');
    const servers = keyedServerLines(dhcp);
    const byHost = new Map<string, ResolvedSignal[]>();
    for (const s of dhcp) {
      if (s.data.role !== 'client') continue;
      const list = byHost.get(s.host) ?? [];
      list.push(s);
      byHost.set(s.host, list);
    }
    const drafts: FindingDraft[] = [];
    for (const [host, list] of byHost) {
      // File order when any is unplaced (the client's own order is what matters); else time order.
      const ordered = list.some((s) => s.at === null) ? list : [...list].sort(byTime);
      for (const episode of findEpisodes(host, ordered)) {
        const draft = leaseLossDraft(analysis, episode, ordered, servers);
        if (draft) drafts.push(draft);
      }
    }
    addFindings(analysis, drafts);
  },
};
