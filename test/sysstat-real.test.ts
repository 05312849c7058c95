import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricRecord, ParsedRecord } from '../src/model/record.js';
import { sadfJsonParser } from '../src/parse/metrics/sadf-json.js';
import { sarParser } from '../src/parse/metrics/sar.js';
import type { Parser } from '../src/parse/types.js';

const SADC = '/usr/lib/sysstat/sadc';
const available = existsSync(SADC) && existsSync('/usr/bin/sar') && existsSync('/usr/bin/sadf');
if (!available) console.warn(`sysstat-real: skipped, ${SADC}/sar/sadf not installed (apt-get install sysstat; .ci/run does it)`);

const REPORTS = ['-r', '-b', '-n', 'DEV', '-u'];
let file = '';
let mtimeMs = 0;

function parseText(parser: Parser, text: string): { records: MetricRecord[]; facts: ParsedRecord[]; unparsed: number } {
  const lp = parser.create({ file: 'x', host: null, year: 2000, yearGuessed: true, mtimeMs, timeZone: 'UTC', timeZoneGuessed: false });
  const out: ParsedRecord[] = [];
  let unparsed = 0;
  text.split('\n').forEach((line, i) => {
    const r = lp.parse(line, i + 1);
    if (r === null) unparsed++;
    else out.push(...r);
  });
  out.push(...(lp.end?.() ?? []));
  return { records: out.filter((r): r is MetricRecord => r.kind === 'metric'), facts: out.filter((r) => r.kind === 'fact'), unparsed };
}

/** `time|device|series` → value, for comparing the two renderings. */
function flatten(records: MetricRecord[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of records) for (const [k, v] of Object.entries(r.values)) m.set(`${r.stamp.wallMs}|${r.device ?? ''}|${k}`, v);
  return m;
}

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(cmd, args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C', ...env } });

describe.skipIf(!available)('real sysstat output', () => {
  beforeAll(() => {
    file = join(mkdtempSync(join(tmpdir(), 'ktriage-sa-')), 'sa');
    // Some activity so that the numbers are not all zero.
    run(SADC, ['1', '3', file]);
    mtimeMs = statSync(file).mtimeMs;
  }, 30_000);

  it('sar text and sadf -j give the same series and numbers', () => {
    const text = parseText(sarParser, run('sar', [...REPORTS, '-f', file]));
    const json = parseText(sadfJsonParser, run('sadf', ['-j', file, '--', ...REPORTS]));
    expect(text.unparsed).toBe(0);
    expect(json.unparsed).toBe(0);
    const a = flatten(text.records);
    const b = flatten(json.records);
    expect(a.size).toBeGreaterThan(20);
    for (const name of ['kbcached', 'kbmemfree', 'bread/s', 'bwrtn/s', 'rxpck/s', '%user', '%idle', 'tps']) {
      expect([...a.keys()].some((k) => k.endsWith(`|${name}`)), name).toBe(true);
    }
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [k, v] of a) expect(b.get(k), k).toBeCloseTo(v, 2);
    const host = text.facts.find((f) => f.kind === 'fact' && f.name === 'hostname');
    expect(json.facts).toContainEqual(expect.objectContaining({ name: 'hostname', value: (host as { value: string }).value }));
    expect(text.records.every((r) => r.intervalSeconds === 1)).toBe(true);
  });

  it('ISO dates (S_TIME_FORMAT=ISO) parse to the same instants', () => {
    const c = flatten(parseText(sarParser, run('sar', ['-r', '-f', file])).records);
    const iso = flatten(parseText(sarParser, run('sar', ['-r', '-f', file], { S_TIME_FORMAT: 'ISO' })).records);
    expect(iso.size).toBeGreaterThan(0);
    expect([...iso.keys()].sort()).toEqual([...c.keys()].sort());
  });

  it('a 12-hour locale, when installed, parses to the same instants', () => {
    const locales = run('locale', ['-a']).split('\n');
    const twelve = locales.find((l) => /^en_US\.utf-?8$/i.test(l));
    if (!twelve) {
      console.warn('sysstat-real: no en_US locale installed, 12-hour clock covered by the parser samples only');
      return;
    }
    const c = flatten(parseText(sarParser, run('sar', ['-u', '-f', file])).records);
    const us = flatten(parseText(sarParser, run('sar', ['-u', '-f', file], { LC_ALL: twelve })).records);
    expect([...us.keys()].sort()).toEqual([...c.keys()].sort());
  });
});
