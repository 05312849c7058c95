import { civilToEpochMs } from '../../timeline/civil-time.js';

/** A time read from a table cell or a `date` line: epoch ms and whether it carried its own offset. */
export interface CellTime {
  wallMs: number;
  hasOffset: boolean;
}

const ISO =
  /^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?\s*(?<z>Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Reads a time cell: ISO 8601 with or without offset (`2018-03-14T09:40:01+09:00`, `2018-03-14 09:40:01`),
 * or epoch seconds (10 digits, optional fraction) / milliseconds (13 digits). A time without offset is
 * read in `timeZone`.
 *
 * @example readTimeCell('1520988001', 'UTC') // { wallMs: 1520988001000, hasOffset: true }
 */
export function readTimeCell(text: string, timeZone: string): CellTime | null {
  const t = text.trim().replace(/^"|"$/g, '');
  if (/^\d{13}(?:\.\d+)?$/.test(t)) return { wallMs: Math.round(Number(t)), hasOffset: true };
  if (/^\d{9,10}(?:\.\d+)?$/.test(t)) return { wallMs: Math.round(Number(t) * 1000), hasOffset: true };
  const m = ISO.exec(t);
  if (!m?.groups) return null;
  const g = m.groups;
  const ms = g.f ? Math.round(Number('0.' + g.f) * 1000) : 0;
  const [y, mo, d, h, mi, s] = [g.y, g.mo, g.d, g.h, g.mi, g.s ?? '0'].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  if (!g.z) return { wallMs: civilToEpochMs(y, mo, d, h, mi, s, ms, timeZone), hasOffset: false };
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (g.z === 'Z') return { wallMs: utc, hasOffset: true };
  const sign = g.z.startsWith('-') ? -1 : 1;
  const digits = g.z.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return { wallMs: utc - sign * offsetMin * 60000, hasOffset: true };
}
