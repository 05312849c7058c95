import type { LogRecord } from '../../model/record.js';
import type { Parser } from '../types.js';
import { baseName, PROBE_CONTEXT } from './common.js';
import { createSyslogEngine } from './syslog-line.js';
import { syslogSamples } from './syslog.samples.js';

/**
 * Syslog files as rsyslog / syslog-ng / sysklogd write them (`syslog`, `messages`, `kern.log`,
 * `daemon.log`, ...) and `journalctl -o short` output without its markers: RFC 3164, RFC 5424 and the
 * high-precision ISO form. The line grammar lives in syslog-line.ts, shared with `journal`.
 */
const FILE_NAMES = /^(syslog|messages|kern\.log|daemon\.log|auth\.log|user\.log|debug|cron\.log|local\d\.log)(\.\d+)?$/;

/** Share of head lines that parse to a record with a program (a syslog tag), 0..1. */
export function syslogShare(head: readonly string[]): number {
  const engine = createSyslogEngine(PROBE_CONTEXT);
  let total = 0;
  let hits = 0;
  for (let i = 0; i < head.length; i++) {
    const line = head[i];
    if (line.trim() === '') continue;
    total++;
    const recs = engine.parse(line, i + 1);
    const rec = recs?.find((r): r is LogRecord => r.kind === 'log');
    if (rec && rec.program && rec.host !== undefined && !rec.host.endsWith(':')) hits++;
  }
  return total === 0 ? 0 : hits / total;
}

export const syslog: Parser = {
  name: 'syslog',
  sniff(head, fileName) {
    const share = syslogShare(head);
    if (share === 0) return 0;
    return Math.min(0.96, share * 0.93 + (FILE_NAMES.test(baseName(fileName)) ? 0.05 : 0));
  },
  create: createSyslogEngine,
  samples: syslogSamples,
};
