import { describe, expect, it } from 'vitest';
import { civilToEpochMs, createYearTracker, epochMsToIso } from './civil-time.js';

describe('civil time', () => {
  it('converts a Tokyo wall clock to UTC', () => {
    expect(new Date(civilToEpochMs(2018, 3, 14, 10, 2, 41, 0, 'Asia/Tokyo')).toISOString()).toBe('2018-03-14T01:02:41.000Z');
  });
  it('prints ISO with the zone offset', () => {
    expect(epochMsToIso(Date.UTC(2018, 2, 14, 1, 2, 41), 'Asia/Tokyo')).toBe('2018-03-14T10:02:41+09:00');
  });
  it('rolls the year over from December to January', () => {
    const yearOf = createYearTracker(2019);
    expect([12, 12, 1, 1].map(yearOf)).toEqual([2019, 2019, 2020, 2020]);
  });
});
