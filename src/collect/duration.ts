/** Units accepted in `--since` durations, in milliseconds. */
const UNITS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/**
 * Parses a duration such as `24h`, `2d`, `90m`, `1h30m`; null when it is not one.
 *
 * @example parseDuration('2d') // 172800000
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (!trimmed) return null;
  let total = 0;
  let rest = trimmed;
  const part = /^(?<n>\d+(?:\.\d+)?)\s*(?<unit>min|[smhdw])/;
  while (rest.length > 0) {
    const m = part.exec(rest);
    if (!m?.groups) return null;
    total += Number(m.groups.n) * UNITS[m.groups.unit];
    rest = rest.slice(m[0].length).trim();
  }
  return total;
}

/**
 * `--since` as an instant: a duration back from `now`, or an ISO date/time. Null when unreadable.
 *
 * @example parseSince('24h', new Date('2024-01-02T00:00:00Z')) // Date.parse('2024-01-01T00:00:00Z')
 */
export function parseSince(text: string, now: Date): number | null {
  const d = parseDuration(text);
  if (d !== null) return now.getTime() - d;
  const abs = Date.parse(text);
  return Number.isNaN(abs) ? null : abs;
}
