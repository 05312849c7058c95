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

/**
 * A date as sysstat's header prints it, which depends on the locale (`%x`) or S_TIME_FORMAT=ISO:
 * `03/14/2018` (en_US), `2018-03-14` (ISO), `14/03/18` (en_GB), `03/14/18` (C), `14.03.2018` (de_DE).
 * Day/month order is decided by a component above 12, else by closeness to the file's mtime, else
 * month first (the C and en_US order).
 */
export function parseLocaleDate(text: string, mtimeMs: number | null): CivilDate | null {
  const iso = /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$/.exec(text);
  if (iso?.groups) return valid({ year: +iso.groups.y, month: +iso.groups.m, day: +iso.groups.d });
  const parts = /^(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<y>\d{2}|\d{4})$/.exec(text);
  if (!parts?.groups) return null;
  const a = +parts.groups.a;
  const b = +parts.groups.b;
  let year = +parts.groups.y;
  if (parts.groups.y.length === 2) year += year < 70 ? 2000 : 1900;
  const monthFirst = valid({ year, month: a, day: b });
  const dayFirst = valid({ year, month: b, day: a });
  // A dot separator is the German-style day-first order.
  if (parts.groups.sep === '.') return dayFirst ?? monthFirst;
  if (!monthFirst || !dayFirst) return monthFirst ?? dayFirst;
  if (a === b || mtimeMs === null) return monthFirst;
  const distance = (d: CivilDate) => Math.abs(Date.UTC(d.year, d.month - 1, d.day) - mtimeMs);
  return distance(dayFirst) < distance(monthFirst) ? dayFirst : monthFirst;
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
