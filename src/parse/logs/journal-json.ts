import type { ParsedRecord } from '../../model/record.js';
import type { Stamp } from '../../model/time.js';
import type { LineParser, ParseContext, Parser } from '../types.js';
import { logRecord, shareOf } from './common.js';
import { kernelFacts, splitKernelPrefix } from './kernel-line.js';
import { journalJsonSamples } from './journal-json.samples.js';

/**
 * `journalctl -o json` (one object per line; also `json-seq` without its RS byte). Fields: MESSAGE (a
 * string, a byte array for non-UTF-8 text, or null when too long), __REALTIME_TIMESTAMP and
 * __MONOTONIC_TIMESTAMP (µs, as strings), _BOOT_ID, _HOSTNAME, SYSLOG_IDENTIFIER / _COMM, _PID, PRIORITY,
 * _TRANSPORT (`kernel` → program `kernel`). Both clocks on one record make it a clock anchor.
 *
 * For kernel messages the printk time is _SOURCE_MONOTONIC_TIMESTAMP (what dmesg shows), and journald
 * may read them late (early boot: seconds later); the wall time of the printk is then the receipt's
 * realtime minus the receipt's delay on the monotonic clock.
 */
type Field = string | number[] | null | undefined;

function text(v: Field | unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((b) => typeof b === 'number')) return Buffer.from(v as number[]).toString('utf8');
  if (typeof v === 'number') return String(v);
  return undefined;
}

function micros(v: unknown): number | undefined {
  const s = text(v);
  if (s === undefined || !/^\d+$/.test(s)) return undefined;
  return Number(s);
}

export function createJournalJsonParser(ctx: ParseContext): LineParser {
  const bootIds = new Map<string, number>();
  return {
    parse(line, lineNo): ParsedRecord[] | null {
      let start = 0;
      if (line.charCodeAt(0) === 0x1e) start = 1; // json-seq record separator
      while (line.charCodeAt(start) === 32) start++;
      if (start >= line.length) return [];
      if (line.charCodeAt(start) !== 123 /* { */) return null;
      let o: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(start ? line.slice(start) : line);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
        o = parsed as Record<string, unknown>;
      } catch {
        return null;
      }
      const stamp: Stamp = {};
      const real = micros(o.__REALTIME_TIMESTAMP);
      const mono = micros(o.__MONOTONIC_TIMESTAMP);
      const kernel = text(o._TRANSPORT) === 'kernel';
      const source = kernel ? micros(o._SOURCE_MONOTONIC_TIMESTAMP) : undefined;
      const uptimeUs = source ?? mono;
      if (uptimeUs !== undefined) stamp.uptime = uptimeUs / 1e6;
      if (real !== undefined) {
        const delay = source !== undefined && mono !== undefined && mono >= source ? mono - source : 0;
        stamp.wallMs = (real - delay) / 1000;
      }
      const bootId = text(o._BOOT_ID);
      if (bootId !== undefined) {
        let b = bootIds.get(bootId);
        if (b === undefined) {
          b = bootIds.size;
          bootIds.set(bootId, b);
        }
        stamp.boot = b;
      }
      let message = text(o.MESSAGE) ?? '';
      let callerId: string | undefined;
      if (kernel && message.charCodeAt(0) === 91) {
        const p = splitKernelPrefix(message);
        if (p.callerId) callerId = p.callerId;
        message = p.text;
      }
      const host = text(o._HOSTNAME);
      const program = kernel ? 'kernel' : (text(o.SYSLOG_IDENTIFIER) ?? text(o._COMM));
      const pidText = text(o._PID) ?? text(o.SYSLOG_PID);
      const pid = pidText && /^\d+$/.test(pidText) ? Number(pidText) : undefined;
      const prio = text(o.PRIORITY);
      const level = prio && /^[0-7]$/.test(prio) ? Number(prio) : undefined;
      const rec = logRecord(ctx, lineNo, stamp, message, {
        ...(host ? { host } : {}),
        ...(program ? { program } : {}),
        ...(pid !== undefined ? { pid } : {}),
        ...(callerId ? { callerId } : {}),
        ...(level !== undefined ? { level } : {}),
      });
      const facts = kernel ? kernelFacts(message, ctx.file, lineNo, host) : null;
      return facts ? [rec, ...facts] : [rec];
    },
  };
}

const JSON_LINE_RE = /^\x1e?\{.*"(__REALTIME_TIMESTAMP|__CURSOR|MESSAGE)"/;

export const journalJson: Parser = {
  name: 'journal-json',
  sniff(head) {
    const share = shareOf(head, (l) => JSON_LINE_RE.test(l));
    return share === 0 ? 0 : Math.min(0.98, 0.5 + share * 0.48);
  },
  create: createJournalJsonParser,
  samples: journalJsonSamples,
};
