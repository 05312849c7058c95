import { civilToEpochMs, MONTHS } from '../../timeline/civil-time.js';
import { readTimeCell } from './time-cell.js';

/** Abbreviations that name UTC itself; other zone abbreviations (JST, CET) are ambiguous and ignored. */
const UTC_NAMES = new Set(['UTC', 'GMT', 'Z']);

/**
 * `date` output in the forms people capture during incidents, with the zone abbreviation or offset:
 * `Wed Mar 14 10:02:01 JST 2018` (C locale), `Wed 14 Mar 2018 10:02:01 AM JST` (en_US),
 * `Wed, 14 Mar 2018 10:02:01 +0900` (`date -R`), `2018-03-14T10:02:01+09:00` (`date -Iseconds`).
 */
const C_LOCALE =
  /^(?:\w{3},?\s+)?(?<mon>[A-Za-z]{3})\s+(?<d>\d{1,2})\s+(?<h>\d{1,2}):(?<mi>\d{2}):(?<s>\d{2})(?:\s+(?<ampm>AM|PM))?\s+(?:(?<zone>[A-Z][A-Za-z0-9+-]{1,5}|[+-]\d{4})\s+)?(?<y>\d{4})$/;
const DAY_FIRST =
  /^(?:\w{3},?\s+)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3})\s+(?<y>\d{4})\s+(?<h>\d{1,2}):(?<mi>\d{2}):(?<s>\d{2})(?:\s+(?<ampm>AM|PM))?(?:\s+(?<zone>[A-Z][A-Za-z0-9+-]{1,5}|[+-]\d{4}))?$/;

/** Epoch ms of a `date` line, or null when the line is not one. */
export function readDateLine(line: string, timeZone: string): number | null {
  const text = line.trim();
  const iso = readTimeCell(text, timeZone);
  if (iso && /^\d{4}-/.test(text)) return iso.wallMs;
  const m = C_LOCALE.exec(text) ?? DAY_FIRST.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  const month = MONTHS[g.mon.toLowerCase()];
  if (!month) return null;
  let hour = Number(g.h);
  if (g.ampm) hour = (hour % 12) + (g.ampm === 'PM' ? 12 : 0);
  const [y, d, mi, s] = [g.y, g.d, g.mi, g.s].map(Number);
  const zone = g.zone ?? '';
  if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offsetMin = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3));
    return Date.UTC(y, month - 1, d, hour, mi, s) - sign * offsetMin * 60000;
  }
  return civilToEpochMs(y, month, d, hour, mi, s, 0, UTC_NAMES.has(zone) ? 'UTC' : timeZone);
}
