import type { ResolvedSignal } from '../../../pipeline/types.js';
import { exchangeKinds } from '../../../timeline/exchanges.js';
import { keyedSignals, type TimedSignal } from '../../../timeline/pairing.js';

export type LossPoint = 'server_never_saw' | 'server_refused' | 'server_did_not_answer' | 'reply_lost_to_client' | 'unknown';

/** What the server side logged about one client during a window (corrected axis). */
export interface ServerView {
  covered: boolean;
  servers: string[];
  saw: ResolvedSignal[];
  answered: { ack: number; offer: number; nak: number };
  refused: number;
  otherClientsServed: string[];
  lossPoint: LossPoint;
  verdict: string;
}

const DHCP = exchangeKinds.find((k) => k.name === 'dhcp')!;
/** A server log "covers" a window when it has any line this close to it. */
const COVERAGE_MS = 5 * 60_000;

export const VERDICTS: Record<LossPoint, string> = {
  server_never_saw: 'the server never saw the requests: the path from the client is broken, or the server is down',
  server_refused: 'the server saw the requests and refused them (NAK or no address available)',
  server_did_not_answer: 'the server saw the requests and did not answer them',
  reply_lost_to_client: 'the server answered; the replies were lost on the way back to the client',
  unknown: 'no DHCP server log covers the window: where the messages were lost cannot be told',
};

/** The DHCP server lines (placed in time) with their pairing keys: computed once per stage run. */
export function keyedServerLines(dhcp: readonly ResolvedSignal[]): TimedSignal[] {
  const servers = dhcp.filter((s) => s.data.role === 'server' && s.at !== null);
  return keyedSignals(DHCP, servers.map((signal) => ({ signal, ms: signal.at! })));
}

/**
 * Looks at every server's DHCP lines in [fromMs, toMs]: which concern this client (same IP, name or MAC),
 * how they were answered, and which other clients were served meanwhile.
 */
export function serverView(client: string, clientKeys: Set<string>, keyed: readonly TimedSignal[], fromMs: number, toMs: number): ServerView {
  const inWindow = keyed.filter((k) => k.ms >= fromMs && k.ms <= toMs);
  const mine = inWindow.filter((k) => k.keys.some((key) => clientKeys.has(key)));
  const saw = mine.filter((k) => ['REQUEST', 'DISCOVER', 'INFORM'].includes(String(k.signal.data.type))).map((k) => k.signal as ResolvedSignal);
  const count = (t: string) => mine.filter((k) => k.signal.data.type === t).length;
  const answered = { ack: count('ACK'), offer: count('OFFER'), nak: count('NAK') };
  const refused = answered.nak + saw.filter((s) => typeof s.data.refused === 'string').length;
  const others = new Set<string>();
  for (const k of inWindow) {
    if (mine.includes(k) || !['ACK', 'OFFER'].includes(String(k.signal.data.type))) continue;
    const d = k.signal.data;
    others.add(String(d.clientName ?? d.ip ?? d.mac));
  }
  const covered = keyed.some((k) => k.ms >= fromMs - COVERAGE_MS && k.ms <= toMs + COVERAGE_MS);
  let lossPoint: LossPoint;
  if (!covered) lossPoint = 'unknown';
  else if (!saw.length) lossPoint = 'server_never_saw';
  else if (refused > 0 && refused >= answered.ack + answered.offer) lossPoint = 'server_refused';
  else if (answered.ack + answered.offer > 0) lossPoint = 'reply_lost_to_client';
  else lossPoint = 'server_did_not_answer';
  void client;
  return {
    covered,
    servers: [...new Set(keyed.map((k) => k.signal.host))].sort(),
    saw,
    answered,
    refused,
    otherClientsServed: [...others].sort(),
    lossPoint,
    verdict: VERDICTS[lossPoint],
  };
}
