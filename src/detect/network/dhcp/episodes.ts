import type { ResolvedSignal } from '../../../pipeline/types.js';
import { BROADCAST, CLIENT_ENDS, CLIENT_HEARS, CLIENT_SENDS } from './patterns.js';

/**
 * A run of client messages that went unanswered: from the first send after the last reply heard, to the
 * client giving up (or losing the lease), or to the reply that ended it (recovered).
 */
export interface Episode {
  host: string;
  sends: ResolvedSignal[];
  end: ResolvedSignal | null;
  recoveredBy: ResolvedSignal | null;
  events: ResolvedSignal[];
}

/**
 * Worth a finding: the client gave up or lost the lease after unanswered sends, or kept sending without
 * an answer long enough to fall back to broadcast or to DISCOVER (RFC 2131 §4.4.5: REBINDING, then INIT).
 */
export function isLeaseLoss(e: Episode): boolean {
  if (!e.sends.length) return false;
  if (e.end) return true;
  const fellBack = e.sends.some((s) => s.data.type === 'DISCOVER' || s.data.dest === BROADCAST);
  return e.sends.length >= 3 && fellBack;
}

/** Splits one client host's DHCP signals (in time order) into unanswered episodes. */
export function findEpisodes(host: string, signals: readonly ResolvedSignal[]): Episode[] {
  const out: Episode[] = [];
  let open: Episode | null = null;
  let lastSend: ResolvedSignal | null = null;
  for (const s of signals) {
    const type = String(s.data.type);
    if (CLIENT_SENDS.has(type)) {
      // A send is answered when a reply follows before the next send: only a second send opens a run.
      if (lastSend && !open) open = { host, sends: [lastSend], end: null, recoveredBy: null, events: [lastSend] };
      if (open) {
        open.sends.push(s);
        open.events.push(s);
      }
      lastSend = s;
    } else if (CLIENT_HEARS.has(type)) {
      if (open) {
        open.recoveredBy = s;
        out.push(open);
        open = null;
      }
      lastSend = null;
    } else if (CLIENT_ENDS.has(type)) {
      if (!open && lastSend) open = { host, sends: [lastSend], end: null, recoveredBy: null, events: [lastSend] };
      if (open) {
        open.events.push(s);
        if (type !== 'NO_OFFERS') {
          open.end = s;
          out.push(open);
          open = null;
          lastSend = null;
        }
      }
    }
  }
  if (open) out.push(open);
  return out.filter(isLeaseLoss);
}
