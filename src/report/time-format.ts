import type { Time } from '../model/time.js';

/** Epoch milliseconds of a wall time, or null when only boot-relative time is known. */
export function wallMs(t: Time): number | null {
  if (!t.wall) return null;
  const ms = Date.parse(t.wall);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * A compact, unambiguous label: the wall clock as written with its offset (`2012-08-15 03:41:34.120
 * +00:00`), or the uptime when no wall clock is known; `~` and `±` mark estimates.
 * @example timeLabel({ wall: null, uptime: 51717.039319, boot: 0 }) === 'uptime 51717.039 s'
 */
export function timeLabel(t: Time): string {
  const approx = t.estimated ? '~' : '';
  const spread = t.uncertaintySeconds ? ` ±${formatSeconds(t.uncertaintySeconds)}` : '';
  const boot = t.boot ? ` (boot ${t.boot})` : '';
  if (t.wall) {
    const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d(?:\.\d{1,3})?)\d*(Z|[+-]\d\d:?\d\d)?$/.exec(t.wall);
    const text = m ? `${m[1]} ${m[2]!.replace(/\.0+$/, '')}${m[3] ? ` ${m[3] === 'Z' ? '+00:00' : m[3]}` : ''}` : t.wall;
    return `${approx}${text}${spread}`;
  }
  if (t.uptime !== null) return `${approx}uptime ${t.uptime.toFixed(3)} s${boot}${spread}`;
  return 'time unknown';
}

/** `1.5 s`, `2 min 5 s`, `3 h 10 min`: durations as people say them. */
export function formatSeconds(s: number): string {
  const abs = Math.abs(s);
  const sign = s < 0 ? '-' : '';
  if (abs < 60) return `${sign}${Number(abs.toFixed(abs < 10 ? 3 : 1))} s`;
  if (abs < 3600) return `${sign}${Math.floor(abs / 60)} min ${Math.round(abs % 60)} s`;
  if (abs < 86400 * 2) return `${sign}${Math.floor(abs / 3600)} h ${Math.round((abs % 3600) / 60)} min`;
  return `${sign}${(abs / 86400).toFixed(1)} days`;
}

/** `first … last` or a single label when both are the same. */
export function spanLabel(first: Time, last: Time): string {
  const a = timeLabel(first);
  const b = timeLabel(last);
  return a === b ? a : `${a} … ${b}`;
}

/**
 * Orders times on one axis: wall-clock times by instant; boot-relative ones by boot, then uptime,
 * after the wall-clock ones (they cannot be placed among them).
 */
export function compareTime(a: Time, b: Time): number {
  const am = wallMs(a);
  const bm = wallMs(b);
  if (am !== null && bm !== null) return am - bm;
  if (am !== null) return -1;
  if (bm !== null) return 1;
  return (a.boot ?? 0) - (b.boot ?? 0) || (a.uptime ?? 0) - (b.uptime ?? 0);
}

/** For readers who do not know what uptime is: `14 h 22 min after boot`, or the wall clock. */
export function friendlyTime(t: Time): string {
  if (t.wall || t.uptime === null) return timeLabel(t);
  return `${t.estimated ? 'about ' : ''}${formatSeconds(t.uptime)} after boot${t.boot ? ` (boot ${t.boot})` : ''}`;
}

export function friendlySpan(first: Time, last: Time): string {
  const a = friendlyTime(first);
  const b = friendlyTime(last);
  return a === b ? a : `from ${a} to ${b}`;
}
