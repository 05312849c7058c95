/**
 * Number parsing shared by the metric parsers. sysstat prints decimals with the locale's separator
 * (`0,50` under de_DE), so a single comma between digits is read as a decimal point.
 *
 * @example parseMetricNumber('1,25') // 1.25
 */
export function parseMetricNumber(token: string): number | null {
  if (token === '') return null;
  let t = token;
  if (/^[-+]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A clock reading as sar prints it: `09:41:01`, `03:21:01 AM`. Seconds since midnight. */
export interface ClockReading {
  secondsOfDay: number;
  /** How many whitespace-separated tokens the reading took (2 with an AM/PM marker). */
  tokens: number;
}

const CLOCK = /^(?<h>\d{1,2}):(?<m>\d{2}):(?<s>\d{2})$/;

/** Reads `HH:MM:SS` and an optional AM/PM token following it; null when `tokens[0]` is no clock. */
export function readClock(tokens: readonly string[]): ClockReading | null {
  const m = CLOCK.exec(tokens[0] ?? '');
  if (!m?.groups) return null;
  let hour = Number(m.groups.h);
  const minute = Number(m.groups.m);
  const second = Number(m.groups.s);
  if (hour > 23 || minute > 59 || second > 60) return null;
  const marker = (tokens[1] ?? '').toUpperCase();
  if (marker === 'AM' || marker === 'PM') {
    if (hour < 1 || hour > 12) return null;
    // 12:xx AM is just after midnight, 12:xx PM just after noon.
    hour = (hour % 12) + (marker === 'PM' ? 12 : 0);
    return { secondsOfDay: hour * 3600 + minute * 60 + second, tokens: 2 };
  }
  return { secondsOfDay: hour * 3600 + minute * 60 + second, tokens: 1 };
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Which order the ambiguous `a/b/y` dates of a file follow, when one of its dates showed it. */
export type DateOrder = 'month-first' | 'day-first';

/** The file's mtime counts as evidence only within this window after a reading (a day of data, copies). */
const MTIME_NEAR_BEFORE_MS = 86_400_000;
const MTIME_NEAR_AFTER_MS = 3 * 86_400_000;

/**
 * A date as sysstat's header prints it, which depends on the locale (`%x`) or S_TIME_FORMAT=ISO:
 * `03/14/2018` (C, en_US), `2018-03-14` (ISO), `14/03/18` (en_GB), `14.03.2018` (de_DE).
 * sysstat's default is month first, so an ambiguous date (both parts ≤ 12) is read month first unless
 * there is positive evidence of day first: `order` (another date of the same file had a day above 12
 * in first place), or a file mtime within a few days after the day-first reading and not near the
 * month-first one. Closeness alone is no evidence: a file written months later (a copy, an archive)
 * would otherwise turn 03/10/2024 into 3 October.
 *
 * @example parseLocaleDate('03/10/2024', null) // { year: 2024, month: 3, day: 10 }
 */
export function parseLocaleDate(text: string, mtimeMs: number | null, order: DateOrder | null = null): CivilDate | null {
  const iso = /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$/.exec(text);
  if (iso?.groups) return valid({ year: +iso.groups.y, month: +iso.groups.m, day: +iso.groups.d });
  const parts = splitDate(text);
  if (!parts) return null;
  const { a, b, year, sep } = parts;
  const monthFirst = valid({ year, month: a, day: b });
  const dayFirst = valid({ year, month: b, day: a });
  // A dot separator is the German-style day-first order.
  if (sep === '.') return dayFirst ?? monthFirst;
  if (!monthFirst || !dayFirst) return monthFirst ?? dayFirst;
  if (a === b) return monthFirst;
  if (order === 'day-first') return dayFirst;
  if (order === 'month-first' || mtimeMs === null) return monthFirst;
  const near = (d: CivilDate) => {
    const t = Date.UTC(d.year, d.month - 1, d.day);
    return mtimeMs >= t - MTIME_NEAR_BEFORE_MS && mtimeMs <= t + MTIME_NEAR_AFTER_MS;
  };
  return near(dayFirst) && !near(monthFirst) ? dayFirst : monthFirst;
}

/** The order an unambiguous `a/b/y` date proves (a part above 12 is the day), or null. */
export function dateOrderOf(text: string): DateOrder | null {
  const parts = splitDate(text);
  if (!parts || parts.sep === '.') return null;
  if (parts.a > 12 && parts.b <= 12) return 'day-first';
  if (parts.b > 12 && parts.a <= 12) return 'month-first';
  return null;
}

function splitDate(text: string): { a: number; b: number; year: number; sep: string } | null {
  const parts = /^(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<y>\d{2}|\d{4})$/.exec(text);
  if (!parts?.groups) return null;
  let year = +parts.groups.y;
  if (parts.groups.y.length === 2) year += year < 70 ? 2000 : 1900;
  return { a: +parts.groups.a, b: +parts.groups.b, year, sep: parts.groups.sep };
}

function valid(d: CivilDate): CivilDate | null {
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return null;
  return d;
}

/** Adds days to a civil date (calendar arithmetic in UTC, independent of any zone). */
export function addDays(d: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
