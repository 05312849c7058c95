import type { ParsedRecord } from '../../model/record.js';
import type { Stamp } from '../../model/time.js';
import type { LineParser, ParseContext } from '../types.js';
import {
  createYearOf, fractionMs, isJunk, logRecord, monthNumber, offsetMinutes, readTag, wallMs, zoneGuess,
} from './common.js';
import { createBootCounter, kernelFacts, splitKernelPrefix, type BootCounter } from './kernel-line.js';

/**
 * One engine for every "timestamp host tag: message" shape, shared by the `syslog` and `journal`
 * parsers (journalctl's short formats are syslog's on purpose):
 * - RFC 3164 / `journalctl -o short`: `Aug 29 03:41:07 backup01 dhclient: msg` (year-less; optional `<PRI>`),
 *   `-o short-precise` with `.123456`;
 * - rsyslog high precision / `-o short-iso`: `2019-11-21T14:02:11.123456+00:00 host prog[pid]: msg`;
 * - RFC 5424: `<34>1 2003-10-11T22:14:15.003Z host app procid msgid [sd] msg`;
 * - `-o short-full`: `Thu 2019-11-21 14:02:11 UTC host prog: msg`; `-o short-unix`: `1574345531.123456 host ...`;
 * - `-o short-monotonic`: `[ 51717.039319] host prog[pid]: msg` (uptime only);
 * - journalctl markers `-- Boot 2a3b.. --`, `-- Reboot --` (next boot), `-- Logs begin at ... --`, `-- No entries --`.
 * Kernel lines (`kernel: [190126.000000] msg`) carry both clocks: uptime and wall time go on one stamp
 * and the pipeline turns that into a clock anchor. Boots are counted per host from those uptimes.
 */

const RFC3164_RE = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))? /;
const ISO_RE = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(Z|[+-]\d\d:?\d\d)? /;
const ISO_FULL_RE = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;
const FULL_RE = /^[A-Z][a-z]{2} (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))? (\S+) /;
const UNIX_RE = /^(\d{9,11})\.(\d{1,9}) /;
const MONO_RE = /^\[ *(\d+\.\d+)\] /;
const PRI_RE = /^<(\d{1,3})>/;

/** What a syslog-like line says, before the record is built. */
interface Head {
  stamp: Stamp;
  /** Index where "host tag: msg" starts. */
  pos: number;
  /** RFC 3164 may omit the host; the other shapes always have one. */
  hostOptional: boolean;
}

export interface SyslogEngine extends LineParser {
  parse(line: string, lineNo: number): ParsedRecord[] | null;
}

export function createSyslogEngine(ctx: ParseContext): SyslogEngine {
  const yearOf = createYearOf(ctx);
  const guessed3164 = zoneGuess(ctx, true).estimated === true;
  const boots = new Map<string, BootCounter>();
  // `-- Boot` markers seen after the first record: a host first seen later starts at that boot.
  let markers = 0;
  let anyRecord = false;
  const bootsOf = (host: string) => {
    let b = boots.get(host);
    if (!b) {
      b = createBootCounter(markers);
      boots.set(host, b);
    }
    return b;
  };

  // RFC 3164 stamps repeat for many lines: the epoch of the last `Mmm dd hh:mm:ss` is kept and reused
  // while lines start with the same text (zone conversion per line is the costly part). The fraction
  // is added after: zone offsets change on whole seconds, so this equals converting the full stamp.
  let lastSecond = '';
  let lastSecondMs = 0;

  /** Same as RFC3164_RE + conversion, for a line starting with lastSecond; undefined when it does not apply. */
  function sameSecond(line: string): Head | undefined {
    let i = lastSecond.length;
    let frac = 0;
    if (line.charCodeAt(i) === 46 /* . */) {
      let j = i + 1;
      while (j - i <= 10 && j < line.length && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
      if (j - i - 1 < 1 || j - i - 1 > 9) return undefined;
      frac = fractionMs(line.slice(i + 1, j));
      i = j;
    }
    if (line.charCodeAt(i) !== 32) return undefined;
    const stamp: Stamp = { wallMs: lastSecondMs + frac };
    if (guessed3164) stamp.estimated = true;
    return { stamp, pos: i + 1, hostOptional: true };
  }

  function headOf(line: string): Head | null {
    const c = line.charCodeAt(0);
    if (c >= 65 && c <= 90 /* A-Z */) {
      if (lastSecond !== '' && line.startsWith(lastSecond)) {
        const same = sameSecond(line);
        if (same) return same;
      }
      const m = RFC3164_RE.exec(line);
      if (m) {
        const month = monthNumber(m[1]);
        if (!month) return null;
        const base = wallMs(ctx, yearOf(month), month, +m[2], +m[3], +m[4], +m[5], 0, null);
        lastSecond = line.slice(0, m[0].length - 1 - (m[6] === undefined ? 0 : m[6].length + 1));
        lastSecondMs = base;
        const ms = base + fractionMs(m[6]);
        const stamp: Stamp = { wallMs: ms };
        if (guessed3164) stamp.estimated = true;
        return { stamp, pos: m[0].length, hostOptional: true };
      }
      const f = FULL_RE.exec(line);
      if (f) {
        const zone = f[8];
        const offset = zone === 'UTC' || zone === 'GMT' ? 0 : offsetMinutes(zone);
        const ms = wallMs(ctx, +f[1], +f[2], +f[3], +f[4], +f[5], +f[6], fractionMs(f[7]), offset);
        return { stamp: { wallMs: ms, ...(offset === null ? zoneGuess(ctx, false) : {}) }, pos: f[0].length, hostOptional: false };
      }
      return null;
    }
    if (c >= 48 && c <= 57 /* 0-9 */) {
      const m = ISO_RE.exec(line);
      if (m) {
        const offset = offsetMinutes(m[8]);
        const ms = wallMs(ctx, +m[1], +m[2], +m[3], +m[4], +m[5], +m[6], fractionMs(m[7]), offset);
        return { stamp: { wallMs: ms, ...(offset === null ? zoneGuess(ctx, false) : {}) }, pos: m[0].length, hostOptional: false };
      }
      const u = UNIX_RE.exec(line);
      if (u) return { stamp: { wallMs: Number(u[1]) * 1000 + fractionMs(u[2]) }, pos: u[0].length, hostOptional: false };
      return null;
    }
    if (c === 91 /* [ */) {
      const m = MONO_RE.exec(line);
      if (m) return { stamp: { uptime: Number(m[1]) }, pos: m[0].length, hostOptional: false };
    }
    return null;
  }

  function build(line: string, lineNo: number, head: Head, level: number | undefined): ParsedRecord[] | null {
    const { pos } = head;
    const space = line.indexOf(' ', pos);
    if (space === pos) return null;
    let host: string | undefined;
    let tagAt = pos;
    const first = line.slice(pos, space === -1 ? line.length : space);
    if (!(head.hostOptional && first.endsWith(':'))) {
      if (space === -1) return null;
      host = first;
      tagAt = space + 1;
    }
    const tag = readTag(line, tagAt);
    let message = line.slice(tag.messageStart);
    const stamp: Stamp = head.stamp;
    let callerId: string | undefined;
    const key = host ?? '';
    if (tag.program === 'kernel') {
      const p = splitKernelPrefix(message);
      if (p.uptime !== undefined) stamp.uptime = p.uptime;
      if (p.callerId) callerId = p.callerId;
      if (p.level !== undefined && level === undefined) level = p.level;
      message = p.text;
    }
    if (stamp.uptime !== undefined) stamp.boot = bootsOf(key).observe(stamp.uptime, message);
    else if (tag.program === 'kernel' && message.startsWith('Linux version ')) stamp.boot = bootsOf(key).mark();
    const rec = logRecord(ctx, lineNo, stamp, message, { host, program: tag.program, pid: tag.pid, callerId, level });
    const facts = tag.program === 'kernel' ? kernelFacts(message, ctx.file, lineNo, host) : null;
    return facts ? [rec, ...facts] : [rec];
  }

  function parse5424(line: string, lineNo: number, start: number, level: number): ParsedRecord[] | null {
    let pos = start;
    const fields: string[] = [];
    for (let i = 0; i < 5; i++) {
      const sp = line.indexOf(' ', pos);
      if (sp === -1) return null;
      fields.push(line.slice(pos, sp));
      pos = sp + 1;
    }
    const [ts, host, app, procid] = fields;
    // STRUCTURED-DATA: `-` or `[id k="v" ...]...`, values may hold escaped `"` and `]`.
    if (line.charCodeAt(pos) === 45 /* - */) pos += 1;
    else if (line.charCodeAt(pos) === 91 /* [ */) {
      let quoted = false;
      let depth = 0;
      for (; pos < line.length; pos++) {
        const ch = line.charCodeAt(pos);
        if (ch === 92 /* \ */ && quoted) pos++;
        else if (ch === 34 /* " */) quoted = !quoted;
        else if (!quoted && ch === 91) depth++;
        else if (!quoted && ch === 93 /* ] */) {
          depth--;
          if (depth === 0 && line.charCodeAt(pos + 1) !== 91) {
            pos++;
            break;
          }
        }
      }
    } else return null;
    if (line.charCodeAt(pos) === 32) pos++;
    let message = line.slice(pos);
    if (message.charCodeAt(0) === 0xfeff) message = message.slice(1);
    const stamp: Stamp = {};
    if (ts !== '-') {
      const m = ISO_FULL_RE.exec(ts);
      if (!m) return null;
      stamp.wallMs = wallMs(ctx, +m[1], +m[2], +m[3], +m[4], +m[5], +m[6], fractionMs(m[7]), offsetMinutes(m[8]));
    }
    anyRecord = true;
    const pid = procid !== '-' && /^\d+$/.test(procid) ? Number(procid) : undefined;
    const program = app !== '-' ? app : undefined;
    let callerId: string | undefined;
    if (program === 'kernel') {
      const p = splitKernelPrefix(message);
      if (p.uptime !== undefined) {
        stamp.uptime = p.uptime;
        stamp.boot = bootsOf(host).observe(p.uptime, p.text);
      }
      if (p.callerId) callerId = p.callerId;
      message = p.text;
    }
    return [
      logRecord(ctx, lineNo, stamp, message, {
        ...(host !== '-' ? { host } : {}),
        ...(program ? { program } : {}),
        ...(pid !== undefined ? { pid } : {}),
        ...(callerId ? { callerId } : {}),
        level,
      }),
    ];
  }

  return {
    parse(line, lineNo) {
      if (line.length === 0) return [];
      const c = line.charCodeAt(0);
      if (c === 45 /* - */ && line.startsWith('-- ')) {
        // journalctl's boundaries; `-- Boot <id> --` (systemd ≥ 250) and `-- Reboot --` start a boot
        if (anyRecord && /^-- (Boot [0-9a-f]{32}|Reboot) --$/.test(line)) {
          markers++;
          for (const b of boots.values()) b.mark();
        }
        return [];
      }
      let level: number | undefined;
      let rest = line;
      if (c === 60 /* < */) {
        const p = PRI_RE.exec(line);
        if (!p) return null;
        level = Number(p[1]) & 7;
        if (line.startsWith('1 ', p[0].length)) return parse5424(line, lineNo, p[0].length + 2, level);
        rest = line.slice(p[0].length);
      }
      const head = headOf(rest);
      if (!head) return line.trim() === '' ? [] : null;
      if (isJunk(rest)) return null;
      anyRecord = true;
      return build(rest, lineNo, head, level);
    },
  };
}
