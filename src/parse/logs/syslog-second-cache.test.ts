import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSyslogEngine } from './syslog-line.js';
import type { ParseContext } from '../types.js';

const ctx = (timeZone: string): ParseContext => ({ file: 'f', host: undefined, year: 2021, yearGuessed: false, mtimeMs: null, timeZone, timeZoneGuessed: false });

// The engine reuses the epoch of the last second it converted; a fresh engine per line converts every
// stamp from scratch. Both must agree on every line, whatever the fractions, zones and odd suffixes.
describe('syslog same-second cache', () => {
  it('gives the same records as converting every line', () => {
    const stamp = fc.record({
      month: fc.constantFrom('Mar', 'Oct', 'Dec', 'Jan'),
      day: fc.integer({ min: 1, max: 31 }),
      sec: fc.integer({ min: 0, max: 2 }),
      frac: fc.option(fc.stringMatching(/^[0-9]{1,11}$/), { nil: undefined }),
      tail: fc.constantFrom(' host prog[1]: hi', ' kernel: [ 12.5] x', 'x host p: y', ' host: msg', ''),
    });
    fc.assert(
      fc.property(fc.array(stamp, { minLength: 1, maxLength: 30 }), fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'), (rows, zone) => {
        const lines = rows.map((r) => `${rows[0].month} ${String(r.day).padStart(2, ' ')} 02:30:0${r.sec}${r.frac !== undefined ? '.' + r.frac : ''}${r.tail}`);
        const cached = createSyslogEngine(ctx(zone));
        const got = lines.map((l, i) => cached.parse(l, i + 1));
        // one month per run, so a fresh engine per line (no reuse possible) tracks the same year
        const want = lines.map((l, i) => createSyslogEngine(ctx(zone)).parse(l, i + 1));
        expect(got.map((r) => r?.map((x) => (x.kind === 'log' ? [x.stamp.wallMs, x.message, x.host] : x)))).toEqual(
          want.map((r) => r?.map((x) => (x.kind === 'log' ? [x.stamp.wallMs, x.message, x.host] : x))),
        );
      }),
      { numRuns: 200 },
    );
  });
});
