import type { Parser } from '../types.js';
import { shareOf } from './common.js';
import { createSyslogEngine } from './syslog-line.js';
import { syslogShare } from './syslog.js';
import { journalSamples } from './journal.samples.js';

/**
 * `journalctl` text output: `-o short`, `short-iso`, `short-precise`, `short-full`, `short-unix` and
 * `short-monotonic`. The lines are syslog's (same engine); what tells a journal apart is its markers
 * (`-- Logs begin at ... --`, `-- Boot <id> --`) and the monotonic form, which a plain syslog never has.
 */
const MARKER_RE = /^-- (Logs begin at|Journal begins at|Boot [0-9a-f]{32}|Reboot|No entries) /;
const MONO_HOST_RE = /^\[ *\d+\.\d+\] ([A-Za-z0-9][\w.-]*) [^\s:[]+(\[\d+\])?: /;
const FULL_RE = /^[A-Z][a-z]{2} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/;

/** short-monotonic: the same host word after the uptime on most lines (dmesg lines vary there). */
function monotonicShare(head: readonly string[]): number {
  const hosts = new Map<string, number>();
  let total = 0;
  for (const line of head) {
    if (line.trim() === '' || MARKER_RE.test(line)) continue;
    total++;
    const m = MONO_HOST_RE.exec(line);
    if (m) hosts.set(m[1], (hosts.get(m[1]) ?? 0) + 1);
  }
  const best = Math.max(0, ...hosts.values());
  return total === 0 || best < 2 ? 0 : best / total;
}

export const journal: Parser = {
  name: 'journal',
  sniff(head) {
    const markers = shareOf(head, (l) => MARKER_RE.test(l));
    const mono = monotonicShare(head);
    if (mono >= 0.6) return Math.min(0.97, 0.3 + mono * 0.67);
    const full = shareOf(head, (l) => FULL_RE.test(l));
    if (full >= 0.5) return 0.95;
    if (markers > 0) return Math.min(0.97, 0.5 + syslogShare(head) * 0.47);
    return 0;
  },
  create: createSyslogEngine,
  samples: journalSamples,
};
