import { DateTime, IANAZone } from 'luxon';

/** True when `zone` is an IANA time-zone name luxon knows (`UTC`, `Asia/Tokyo`, ...). */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Epoch milliseconds of a wall-clock reading in a zone. Month is 1-based. A time that does not exist
 * (DST gap) moves forward as luxon does; an ambiguous one takes the earlier instant.
 *
 * @example civilToEpochMs(2018, 3, 14, 10, 2, 41, 0, 'Asia/Tokyo') // 2018-03-14T01:02:41Z
 */
export function civilToEpochMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  timeZone: string,
): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  }
  return DateTime.fromObject({ year, month, day, hour, minute, second, millisecond }, { zone: timeZone }).toMillis();
}

/** ISO 8601 with the zone's offset, as the report prints wall times. */
export function epochMsToIso(ms: number, timeZone = 'UTC'): string {
  const dt = DateTime.fromMillis(ms, { zone: timeZone });
  return dt.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? new Date(ms).toISOString();
}

export const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * Year tracking for year-less timestamps (RFC 3164 syslog, `dmesg -T` without year, sar rows):
 * starts at the given year and adds one each time the month goes back by more than six months in file
 * order (December → January), so a file that spans New Year keeps increasing times.
 */
export function createYearTracker(startYear: number): (month: number) => number {
  let year = startYear;
  let lastMonth: number | null = null;
  return (month: number) => {
    if (lastMonth !== null && month < lastMonth && lastMonth - month > 6) year += 1;
    else if (lastMonth !== null && month > lastMonth && month - lastMonth > 6) year -= 1;
    lastMonth = month;
    return year;
  };
}
