import type { FactRecord, MetricRecord, ParsedRecord } from '../../model/record.js';
import { civilToEpochMs } from '../../timeline/civil-time.js';
import type { LineParser, ParseContext, Parser } from '../types.js';
import { addDays, type CivilDate, type DateOrder, dateOrderOf, parseLocaleDate, readClock } from './numbers.js';
import { readLayout, readRow, type SarLayout } from './sar-layout.js';
import { sarSamples } from './sar.samples.js';

/**
 * The first line of every sar/sadc report: `Linux 4.4.0-116-generic (db01) \t03/14/2018 \t_x86_64_\t(16 CPU)`.
 * The date's format follows the locale (see parseLocaleDate).
 */
const SAR_HEADER =
  /^(?<os>Linux|SunOS|AIX|HP-UX)\s+(?<release>\S+)\s+\((?<host>[^)\s]+)\)\s+(?<date>\S+)(?:\s+(?<arch>_\S+?_)(?=\s|$))?(?:\s+\((?<cpus>\d+)\s+CPU\))?/;

/**
 * A clock that goes back by more than this, in file order within one report type, crossed midnight.
 * sar prints every report type from the start of the file again (`sar -r -b`), so the check is per type.
 */
const ROLLOVER_SECONDS = 6 * 3600;

interface ReportClock {
  dayOffset: number;
  lastSecondsOfDay: number | null;
  /** Absolute seconds (day offset × 86400 + time) of the previous row per device, for intervals. */
  previous: Map<string, number>;
}

/** Reads sysstat `sar` text output, every report type, as MetricRecords (one per row and device). */
export const sarParser: Parser = {
  name: 'sar',
  sniff(head) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    if (SAR_HEADER.test(lines[0]) && /_\w+_|\(\d+ CPU\)/.test(lines[0])) return 0.95;
    // Output pasted without its header line: time-stamped tables with sar's column names.
    const tables = lines.filter((l) => readClock(l.trim().split(/\s+/)) !== null).length;
    if (tables >= Math.min(3, lines.length) && lines.some((l) => /\b(kbmemfree|bread\/s|rxpck\/s|%user|tps)\b/.test(l))) {
      return 0.6;
    }
    return 0;
  },
  create: createSarParser,
  samples: sarSamples,
};

function createSarParser(ctx: ParseContext): LineParser {
  let host: string | undefined;
  let date: CivilDate | null = null;
  let dateOrder: DateOrder | null = null;
  let layout: SarLayout | null = null;
  let headerSeconds: number | null = null;
  const clocks = new Map<string, ReportClock>();

  const clockOf = (key: string): ReportClock => {
    let clock = clocks.get(key);
    if (!clock) {
      clock = { dayOffset: 0, lastSecondsOfDay: null, previous: new Map() };
      clocks.set(key, clock);
    }
    return clock;
  };

  /** Absolute seconds since the header date's midnight, advancing the day when the clock wraps. */
  const place = (clock: ReportClock, secondsOfDay: number): number => {
    if (clock.lastSecondsOfDay !== null && secondsOfDay < clock.lastSecondsOfDay - ROLLOVER_SECONDS) {
      clock.dayOffset += 1;
    }
    clock.lastSecondsOfDay = secondsOfDay;
    return clock.dayOffset * 86400 + secondsOfDay;
  };

  const baseDate = (): { date: CivilDate; estimated: boolean } | null => {
    if (date) return { date, estimated: ctx.timeZoneGuessed };
    if (ctx.mtimeMs === null) return null;
    const t = new Date(ctx.mtimeMs);
    return { date: { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }, estimated: true };
  };

  const readHeader = (line: string, lineNo: number): ParsedRecord[] | null => {
    const m = SAR_HEADER.exec(line);
    if (!m?.groups) return null;
    // An unambiguous date of this file (a day above 12) settles the order of its ambiguous ones.
    dateOrder = dateOrderOf(m.groups.date) ?? dateOrder;
    const parsedDate = parseLocaleDate(m.groups.date, ctx.mtimeMs, dateOrder);
    if (!parsedDate) return null;
    host = m.groups.host;
    date = parsedDate;
    layout = null;
    clocks.clear();
    const fact = (name: FactRecord['name'], value: string): FactRecord => ({
      kind: 'fact', file: ctx.file, line: lineNo, host, name, value,
    });
    const facts = [fact('hostname', m.groups.host)];
    if (m.groups.os === 'Linux') facts.push(fact('kernel.release', m.groups.release));
    if (m.groups.arch) facts.push(fact('arch', m.groups.arch.replace(/^_|_$/g, '')));
    return facts;
  };

  return {
    parse(line, lineNo) {
      const text = line.trim();
      if (text === '') return [];
      if (SAR_HEADER.test(text)) return readHeader(text, lineNo);
      const cells = text.split(/\s+/);
      const clockReading = readClock(cells);
      if (!clockReading) {
        // `Average:` / `Summary:` (or a localised word) rows repeat what the rows said: understood, skipped.
        if (/^[\p{L}.]+\s*:/u.test(text)) return [];
        return null;
      }
      const rest = cells.slice(clockReading.tokens);
      if (rest[0] === 'LINUX' && rest[1] === 'RESTART') {
        // A reboot: the next row's interval does not start at the previous row.
        for (const clock of clocks.values()) clock.previous.clear();
        headerSeconds = null;
        return [];
      }
      const newLayout = readLayout(rest);
      if (newLayout) {
        layout = newLayout;
        const clock = clockOf(layout.key);
        headerSeconds = place(clock, clockReading.secondsOfDay);
        return [];
      }
      if (!layout) return null;
      const row = readRow(layout, rest);
      const base = baseDate();
      if (!row || !base) return null;
      const clock = clockOf(layout.key);
      const seconds = place(clock, clockReading.secondsOfDay);
      const deviceKey = row.device ?? '';
      const previous = clock.previous.get(deviceKey) ?? headerSeconds;
      clock.previous.set(deviceKey, seconds);
      const day = addDays(base.date, Math.floor(seconds / 86400));
      const sod = seconds % 86400;
      const wallMs = civilToEpochMs(
        day.year, day.month, day.day, Math.floor(sod / 3600), Math.floor(sod / 60) % 60, sod % 60, 0, ctx.timeZone,
      );
      const record: MetricRecord = {
        kind: 'metric',
        file: ctx.file,
        line: lineNo,
        host: host ?? ctx.host ?? undefined,
        stamp: base.estimated ? { wallMs, estimated: true } : { wallMs },
        values: row.values,
        source: 'sar',
      };
      if (previous !== null && previous !== undefined && seconds > previous) record.intervalSeconds = seconds - previous;
      if (row.device !== undefined) record.device = row.device;
      return [record];
    },
  };
}
