import type { FactName, FactRecord, LogRecord } from '../../model/record.js';
import type { Stamp } from '../../model/time.js';
import type { ParseContext } from '../types.js';
import { civilToEpochMs, createYearTracker, MONTHS } from '../../timeline/civil-time.js';

/**
 * Bits every log parser shares: month names, ISO stamps, syslog tags, junk detection, the choice of
 * `estimated` for stamps read in a guessed zone or year.
 *
 * Decision on guessed clocks: a wall time read without an offset in a zone the user did not give, or
 * without a year the user did not give, is marked `estimated: true`. Its `uncertaintySeconds` stays the
 * precision of the reading (whole seconds → left unset, the pipeline assumes 1 s): a wrong zone shifts
 * every line of the host by the same amount, so it is a bias to report once, not a per-line error bar
 * (±14 h on every anchor would drown the real precision of uptime → wall conversion).
 */

/** Month number 1..12 of an English (and the common German) three-letter month name, or 0. */
export function monthNumber(name: string): number {
  const m = MONTHS[name.toLowerCase()];
  if (m) return m;
  return EXTRA_MONTHS[name.toLowerCase()] ?? 0;
}

// German `LC_TIME` abbreviations that differ from English (dmesg -T and `date` output on German hosts).
const EXTRA_MONTHS: Record<string, number> = { mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12 };

/** Fractional-second digits (`123456`) → milliseconds. */
export function fractionMs(digits: string | undefined): number {
  if (!digits) return 0;
  return Math.floor(Number((digits + '000').slice(0, 3)));
}

/** `Z`, `+00:00`, `+0000`, `-05` → minutes east of UTC; null when absent or unreadable. */
export function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return null;
  if (zone === 'Z' || zone === 'z') return 0;
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** Epoch ms of a civil time, UTC when an offset is known, else in the context's zone. */
export function wallMs(
  ctx: ParseContext,
  y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number,
  offset: number | null,
): number {
  if (offset !== null) return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000;
  return civilToEpochMs(y, mo, d, h, mi, s, ms, ctx.timeZone);
}

/** Stamp fields for a wall time read without an offset (see the decision above). */
export function zoneGuess(ctx: ParseContext, yearLess: boolean): Pick<Stamp, 'estimated'> {
  return ctx.timeZoneGuessed || (yearLess && ctx.yearGuessed) ? { estimated: true } : {};
}

/**
 * Year of year-less lines (RFC 3164 syslog) in file order. With the year taken from the file's mtime,
 * a file whose first line is in a later month than the mtime started the year before (a December line
 * in a file last written in January); a year the user gave is the year of the first line.
 */
export function createYearOf(ctx: ParseContext): (month: number) => number {
  let tracker: ((month: number) => number) | null = null;
  return (month) => {
    if (!tracker) {
      let start = ctx.year;
      if (ctx.yearGuessed && ctx.mtimeMs !== null) {
        const mtimeMonth = new Date(ctx.mtimeMs).getUTCMonth() + 1;
        if (month > mtimeMonth) start -= 1;
      }
      tracker = createYearTracker(start);
    }
    return tracker(month);
  };
}

export interface Tag {
  program?: string;
  pid?: number;
  /** Index in the text where the message starts. */
  messageStart: number;
}

/**
 * Reads a syslog tag at `start`: `dnsmasq-dhcp[1567]: `, `dhclient: `, `CRON[20411]: `. A word that does
 * not end with `:` is not a tag (`-- MARK --`, `last message repeated 2 times`): the message starts there.
 */
export function readTag(text: string, start: number): Tag {
  const space = text.indexOf(' ', start);
  const end = space === -1 ? text.length : space;
  if (end - start < 2 || text.charCodeAt(end - 1) !== 58 /* : */) return { messageStart: start };
  let tagEnd = end - 1;
  let pid: number | undefined;
  if (text.charCodeAt(tagEnd - 1) === 93 /* ] */) {
    const open = text.lastIndexOf('[', tagEnd - 1);
    if (open > start) {
      const n = Number(text.slice(open + 1, tagEnd - 1));
      if (Number.isInteger(n) && n >= 0) pid = n;
      tagEnd = open;
    }
  }
  const program = text.slice(start, tagEnd);
  if (!program) return { messageStart: start };
  const tag: Tag = { program, messageStart: space === -1 ? text.length : space + 1 };
  if (pid !== undefined) tag.pid = pid;
  return tag;
}

/**
 * True for a line that is not text: NUL bytes (the reader turns them into U+FFFD), replacement
 * characters from invalid UTF-8 or control characters other than tab and ESC.
 */
export function isJunk(line: string): boolean {
  if (line.indexOf('\uFFFD') !== -1) {
    let bad = 0;
    for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 0xfffd) bad++;
    return bad * 8 > line.length || bad > 16;
  }
  return CONTROL_RE.test(line);
}

/** Control characters other than tab and ESC (one native scan instead of a loop per character). */
const CONTROL_RE = /[\x00-\x08\x0a-\x1a\x1c-\x1f]/;

/** A log record; fields of `extra` that are undefined are left out (no spreads: this is the hot path). */
export function logRecord(
  ctx: ParseContext,
  lineNo: number,
  stamp: Stamp,
  message: string,
  extra: Partial<Pick<LogRecord, 'host' | 'program' | 'pid' | 'callerId' | 'level'>>,
): LogRecord {
  const r: LogRecord = { kind: 'log', file: ctx.file, line: lineNo, stamp, message };
  if (extra.host !== undefined) r.host = extra.host;
  if (extra.program !== undefined) r.program = extra.program;
  if (extra.pid !== undefined) r.pid = extra.pid;
  if (extra.callerId !== undefined) r.callerId = extra.callerId;
  if (extra.level !== undefined) r.level = extra.level;
  return r;
}

export function factRecord(file: string, line: number, name: FactName, value: string, host?: string): FactRecord {
  return host ? { kind: 'fact', file, line, host, name, value } : { kind: 'fact', file, line, name, value };
}

/** Share of the non-blank head lines that `test` accepts; `minimum` lines must match at all. */
export function shareOf(head: readonly string[], test: (line: string) => boolean, minimum = 1): number {
  let total = 0;
  let hits = 0;
  for (const line of head) {
    if (line.trim() === '') continue;
    total++;
    if (test(line)) hits++;
  }
  return total === 0 || hits < minimum ? 0 : hits / total;
}

/** Base name of a path, lower-cased, for name-based sniffing. */
export function baseName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return fileName.slice(slash + 1).toLowerCase().replace(/\.(gz|xz|bz2|zst)$/, '');
}

/** A context for sniffing: parsers run on the head lines to see how many they understand. */
export const PROBE_CONTEXT: ParseContext = {
  file: '(sniff)',
  host: null,
  year: 2000,
  yearGuessed: false,
  mtimeMs: null,
  timeZone: 'UTC',
  timeZoneGuessed: false,
};
