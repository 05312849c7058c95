/**
 * Golden test over syzkaller's Linux report corpus (../shared/corpus/syzkaller-linux-report): the title of
 * the first report we find must be the file's TITLE or one of its ALT titles; a file without TITLE must
 * give no report. Prints agreement overall and by TYPE, and the misses by class.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractReports } from '../src/detect/kernel/extract.js';

const DIR = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'syzkaller-linux-report');

interface Case {
  name: string;
  title: string | null;
  alts: string[];
  type: string;
  corrupted: boolean;
  log: string[];
}

function loadCase(name: string): Case {
  const text = readFileSync(join(DIR, name), 'latin1').replace(/\r/g, '');
  const blank = text.indexOf('\n\n');
  const head = blank < 0 ? text : text.slice(0, blank);
  const body = blank < 0 ? '' : text.slice(blank + 2);
  const c: Case = { name, title: null, alts: [], type: 'none', corrupted: false, log: body.split('\n') };
  for (const line of head.split('\n')) {
    const m = /^([A-Z]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'TITLE') c.title = m[2].trim() || null;
    else if (m[1] === 'ALT') c.alts.push(m[2].trim());
    else if (m[1] === 'TYPE') c.type = m[2].trim();
    else if (m[1] === 'CORRUPTED') c.corrupted = m[2].trim() === 'Y';
  }
  // An expected extracted report, when present, is not part of the console log.
  const rep = c.log.findIndex((l, i) => l === 'REPORT:' && (i === 0 || c.log[i - 1] === ''));
  if (rep >= 0) c.log = c.log.slice(0, rep);
  return c;
}

/** Misses grouped by a coarse class: the expected title's prefix up to " in ". */
function missClass(c: Case): string {
  if (!c.title) return 'false positive';
  return c.title.replace(/ in .*$/, '').replace(/:.*$/, ':');
}

const present = existsSync(DIR);
const files = present ? readdirSync(DIR).filter((f) => /^\d+$/.test(f)).sort((a, b) => Number(a) - Number(b)) : [];
const results: Array<{ c: Case; got: string | null; ok: boolean }> = [];

describe.skipIf(!present)('syzkaller corpus', () => {
  for (const name of files) {
    it(`corpus ${name}`, () => {
      const c = loadCase(name);
      const got = extractReports(c.log)[0]?.title ?? null;
      const ok = c.title === null ? got === null : got !== null && (got === c.title || c.alts.includes(got));
      results.push({ c, got, ok });
      // Individual files are evidence, not targets: the floors below are what is asserted.
      expect(typeof ok).toBe('boolean');
    });
  }

  afterAll(() => {
    if (results.length === 0) return;
    const byType = new Map<string, { n: number; ok: number }>();
    const misses = new Map<string, string[]>();
    for (const r of results) {
      const t = byType.get(r.c.type) ?? { n: 0, ok: 0 };
      t.n++;
      if (r.ok) t.ok++;
      byType.set(r.c.type, t);
      if (!r.ok) {
        const k = missClass(r.c);
        const list = misses.get(k) ?? [];
        list.push(`${r.c.name}: want "${r.c.title ?? '(none)'}" got "${r.got ?? '(none)'}"`);
        misses.set(k, list);
      }
    }
    const total = results.filter((r) => r.ok).length;
    const lines = [`corpus agreement: ${total}/${results.length} = ${((100 * total) / results.length).toFixed(1)}%`];
    for (const [type, t] of [...byType].sort((a, b) => b[1].n - a[1].n)) lines.push(`  ${type.padEnd(34)} ${t.ok}/${t.n} = ${((100 * t.ok) / t.n).toFixed(1)}%`);
    lines.push('misses by class:');
    for (const [k, list] of [...misses].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`  ${k} (${list.length})`);
      for (const l of list) lines.push(`    ${l}`);
    }
    console.log(lines.join('\n'));
  });
});

describe.skipIf(!present)('syzkaller corpus agreement floors', () => {
  it('meets the floors overall and on hangs, stalls, lockups and warnings', () => {
    const cases = files.map(loadCase);
    const score = (pred: (c: Case) => boolean) => {
      const sel = cases.filter(pred);
      const ok = sel.filter((c) => {
        const got = extractReports(c.log)[0]?.title ?? null;
        return c.title === null ? got === null : got !== null && (got === c.title || c.alts.includes(got));
      }).length;
      return { ok, n: sel.length, rate: sel.length ? ok / sel.length : 1 };
    };
    const overall = score(() => true);
    const hang = score((c) => c.type === 'HANG');
    const warning = score((c) => c.type === 'WARNING');
    // By expected title: the classes the issue names (all three are TYPE HANG, counted again here).
    const taskHung = score((c) => c.title?.startsWith('INFO: task hung in') ?? false);
    const rcuStall = score((c) => c.title?.startsWith('INFO: rcu detected stall in') ?? false);
    const softLockup = score((c) => c.title?.startsWith('BUG: soft lockup in') ?? false);
    console.log(
      `floors: overall ${overall.ok}/${overall.n}, HANG ${hang.ok}/${hang.n}, WARNING ${warning.ok}/${warning.n}, ` +
        `task hung ${taskHung.ok}/${taskHung.n}, RCU stall ${rcuStall.ok}/${rcuStall.n}, soft lockup ${softLockup.ok}/${softLockup.n}`,
    );
    expect(overall.rate).toBeGreaterThanOrEqual(FLOOR_OVERALL);
    expect(hang.rate).toBeGreaterThanOrEqual(FLOOR_HANG);
    expect(warning.rate).toBeGreaterThanOrEqual(FLOOR_WARNING);
    expect(taskHung.rate).toBeGreaterThanOrEqual(FLOOR_HANG_CLASS);
    expect(rcuStall.rate).toBeGreaterThanOrEqual(FLOOR_HANG_CLASS);
    expect(softLockup.rate).toBeGreaterThanOrEqual(FLOOR_HANG_CLASS);
  });
});

if (!present) {
  describe('syzkaller corpus', () => {
    it.skip(`corpus not found at ${DIR}: skipped (it lives in the shared folder next to the repository)`, () => {});
  });
}

// Floors we reach today (raise them when the engine improves; never lower them to pass).
const FLOOR_OVERALL = 0.94;
const FLOOR_HANG = 0.98;
const FLOOR_WARNING = 0.95;
/** Each of task hung, RCU stall and soft lockup (by expected title). */
const FLOOR_HANG_CLASS = 0.97;
