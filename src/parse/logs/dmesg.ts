import type { ParsedRecord } from '../../model/record.js';
import type { Stamp } from '../../model/time.js';
import type { LineParser, ParseContext, Parser } from '../types.js';
import { baseName, fractionMs, isJunk, logRecord, monthNumber, offsetMinutes, shareOf, wallMs, zoneGuess } from './common.js';
import { createBootCounter, kernelFacts, splitKernelPrefix } from './kernel-line.js';
import { dmesgSamples } from './dmesg.samples.js';

/**
 * `dmesg` as people save it: raw (`[ 51717.039319] msg`, with `<6>` levels from `dmesg -r` and printk
 * caller ids), `dmesg -x` (`kern  :info  : [ 1.2] msg`), `dmesg -T` (`[Thu Nov 21 14:02:11 2019] msg`,
 * weekday in any language: ignored) and `dmesg --time-format iso`. Lines without a prefix continue the
 * previous message (util-linux indents the extra lines of a multi-line message) and carry its stamp.
 */

const RAW_RE = /^(?:<\d{1,3}>)?\[ *\d+\.\d+\]/;
const CALLER_ONLY_RE = /^\[ *[TC]\d+\] /;
// dmesg -T / --time-format ctime: weekday token in the host's language, English month (or German).
const CTIME_RE = /^\[(\S+) +(\S{3,4}?)\.? +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4})\] ?/;
// dmesg --time-format iso: 2019-11-21T14:02:11,123456+0000
const ISO_RE = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:[,.](\d+))?(Z|[+-]\d\d:?\d\d) /;
// dmesg -x: facility and level names before the stamp.
const DECODE_RE = /^(kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7]) *:(emerg|alert|crit|err|warn|notice|info|debug) *: /;
const LEVELS: Record<string, number> = { emerg: 0, alert: 1, crit: 2, err: 3, warn: 4, notice: 5, info: 6, debug: 7 };

function looksLikeDmesg(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c === 91 /* [ */ || c === 60 /* < */) return RAW_RE.test(line) || CTIME_RE.test(line) || CALLER_ONLY_RE.test(line);
  if (c >= 48 && c <= 57) return ISO_RE.test(line);
  return DECODE_RE.test(line);
}

export function createDmesgParser(ctx: ParseContext): LineParser {
  const boots = createBootCounter();
  let prev: Stamp = {};
  let prevCaller: string | undefined;

  function record(lineNo: number, stamp: Stamp, text: string, extra: { callerId?: string; level?: number }): ParsedRecord[] {
    const rec = logRecord(ctx, lineNo, stamp, text, extra);
    rec.program = 'kernel';
    const facts = kernelFacts(text, ctx.file, lineNo);
    return facts ? [rec, ...facts] : [rec];
  }

  return {
    parse(line, lineNo) {
      if (line.length === 0 || line.trim() === '') return [];
      let rest = line;
      let level: number | undefined;
      if (rest.charCodeAt(0) !== 91 && rest.charCodeAt(0) !== 60) {
        const d = DECODE_RE.exec(rest);
        if (d) {
          level = LEVELS[d[2]];
          rest = rest.slice(d[0].length);
        }
      }
      const c = rest.charCodeAt(0);
      if (c === 91 /* [ */ || c === 60 /* < */) {
        const ct = c === 91 ? CTIME_RE.exec(rest) : null;
        if (ct) {
          const month = monthNumber(ct[2]);
          if (month) {
            const text = rest.slice(ct[0].length);
            if (text.startsWith('Linux version ')) boots.mark();
            else boots.touch();
            const ms = wallMs(ctx, Number(ct[7]), month, Number(ct[3]), Number(ct[4]), Number(ct[5]), Number(ct[6]), 0, null);
            // -T adds the uptime to the boot time: whole seconds, and wrong by the time spent suspended.
            prev = { wallMs: ms, boot: boots.current, uncertaintySeconds: 1, ...zoneGuess(ctx, false) };
            const p = splitKernelPrefix(text);
            prevCaller = p.callerId;
            return record(lineNo, prev, p.text, { ...(p.callerId ? { callerId: p.callerId } : {}), ...(level !== undefined ? { level } : {}) });
          }
        }
        const p = splitKernelPrefix(rest);
        if (p.uptime !== undefined || p.callerId !== undefined || p.level !== undefined) {
          if (p.uptime !== undefined) prev = { uptime: p.uptime, boot: boots.observe(p.uptime, p.text) };
          prevCaller = p.callerId;
          const lv = p.level ?? level;
          return record(lineNo, prev, p.text, { callerId: p.callerId, level: lv });
        }
      } else if (c >= 48 && c <= 57) {
        const m = ISO_RE.exec(rest);
        if (m) {
          const text = rest.slice(m[0].length);
          if (text.startsWith('Linux version ')) boots.mark();
          else boots.touch();
          const ms = wallMs(ctx, +m[1], +m[2], +m[3], +m[4], +m[5], +m[6], fractionMs(m[7]), offsetMinutes(m[8]));
          prev = { wallMs: ms, boot: boots.current };
          const p = splitKernelPrefix(text);
          prevCaller = p.callerId;
          return record(lineNo, prev, p.text, { ...(p.callerId ? { callerId: p.callerId } : {}), ...(level !== undefined ? { level } : {}) });
        }
      }
      if (isJunk(line)) return null;
      // A continuation: same stamp and caller as the line before.
      return record(lineNo, prev, line, prevCaller ? { callerId: prevCaller } : {});
    },
  };
}

export const dmesg: Parser = {
  name: 'dmesg',
  sniff(head, fileName) {
    const share = shareOf(head, looksLikeDmesg);
    if (share === 0) return 0;
    const name = baseName(fileName);
    const bonus = /dmesg|kern|console|boot/.test(name) ? 0.05 : 0;
    return Math.min(0.9, share * 0.85 + bonus);
  },
  create: createDmesgParser,
  samples: dmesgSamples,
};
