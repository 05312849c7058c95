/**
 * Production-format golden cases for kernel reports (test/golden/*.txt). Each file: header lines
 * (`KEY: value`, `#` comments), a blank line, the raw log. The first report must match TITLE, KIND,
 * SIGNATURE, CORRUPTED, TASK (`comm pid state`, `-` for none), SUBSYSTEM, DEVICE, RELEASE, TAINT (letters,
 * `-` for none); REPORTS counts the reports in the file; files with one SIGNATURE-GROUP share a signature
 * and different groups differ. `UPDATE_GOLDEN=1` rewrites the computed headers only (never in CI).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameSchema } from '../src/model/report.js';
import type { LogRecord } from '../src/model/record.js';
import type { Observation } from '../src/model/observation.js';
import { extractReports, type KernelReport } from '../src/detect/kernel/extract.js';
import { splitConsolePrefix } from '../src/detect/kernel/console-prefix.js';
import { kernelReportsDetector } from '../src/detect/kernel/kernel-reports.js';

const DIR = join(import.meta.dirname, 'golden');
const COMPUTED = ['TITLE', 'KIND', 'SIGNATURE', 'CORRUPTED', 'TASK', 'SUBSYSTEM', 'DEVICE', 'RELEASE', 'TAINT', 'REPORTS'] as const;

interface Golden {
  file: string;
  headerLines: string[];
  fields: Map<string, string>;
  log: string[];
}

function load(file: string): Golden {
  const text = readFileSync(join(DIR, file), 'utf8');
  const blank = text.indexOf('\n\n');
  const headerLines = text.slice(0, blank).split('\n');
  const fields = new Map<string, string>();
  for (const l of headerLines) {
    const m = /^([A-Z-]+):\s?(.*)$/.exec(l);
    if (m) fields.set(m[1], m[2].trim());
  }
  return { file, headerLines, fields, log: text.slice(blank + 2).replace(/\n$/, '').split('\n') };
}

function computed(reports: KernelReport[]): Record<(typeof COMPUTED)[number], string> | { REPORTS: string } {
  const r = reports[0];
  if (!r) return { REPORTS: '0' };
  const t = r.task;
  return {
    TITLE: r.title,
    KIND: r.kind,
    SIGNATURE: r.signature,
    CORRUPTED: r.corrupted ? 'Y' : 'N',
    TASK: t ? `${t.comm} ${t.pid ?? '-'} ${t.state ?? '-'}` : '-',
    SUBSYSTEM: r.subsystem ?? '-',
    DEVICE: r.device ?? '-',
    RELEASE: r.kernel?.release ?? '-',
    TAINT: r.kernel && r.kernel.taint.length ? r.kernel.taint.join('') : '-',
    REPORTS: String(reports.length),
  };
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const update = process.env.UPDATE_GOLDEN === '1' && !process.env.CI;

describe('golden kernel reports', () => {
  for (const file of files) {
    it(file, () => {
      const g = load(file);
      const reports = extractReports(g.log);
      const got = computed(reports) as Record<string, string>;
      if (update) {
        const kept = g.headerLines.filter((l) => !COMPUTED.some((k) => l.startsWith(`${k}:`)));
        const comments = kept.filter((l) => l.startsWith('#'));
        const others = kept.filter((l) => !l.startsWith('#'));
        const head = [...comments, ...COMPUTED.filter((k) => got[k] !== undefined).map((k) => `${k}: ${got[k]}`), ...others];
        writeFileSync(join(DIR, file), `${head.join('\n')}\n\n${g.log.join('\n')}\n`);
        return;
      }
      const want: Record<string, string> = {};
      for (const k of COMPUTED) if (g.fields.has(k)) want[k] = g.fields.get(k)!;
      const gotSubset: Record<string, string> = {};
      for (const k of Object.keys(want)) gotSubset[k] = got[k] ?? '(absent)';
      expect(gotSubset).toEqual(want);
      // Repeats of one report in a file share its signature.
      if (g.fields.get('SIGNATURE-GROUP')) {
        expect(new Set(reports.map((r) => r.signature)).size).toBe(1);
      }
    });
  }

  it('signature groups: same group same signature, different groups different signatures', () => {
    const byGroup = new Map<string, Set<string>>();
    for (const file of files) {
      const g = load(file);
      const group = g.fields.get('SIGNATURE-GROUP');
      if (!group) continue;
      const sig = extractReports(g.log)[0]?.signature ?? 'none';
      byGroup.set(group, (byGroup.get(group) ?? new Set()).add(sig));
    }
    expect(byGroup.size).toBeGreaterThan(5);
    const all = new Map<string, string>();
    for (const [group, sigs] of byGroup) {
      expect([group, sigs.size]).toEqual([group, 1]);
      const sig = [...sigs][0];
      expect(all.get(sig), `signature of ${group} collides`).toBeUndefined();
      all.set(sig, group);
    }
  });
});

/** LogRecords as a dmesg parser would give them, for the detector. */
function records(lines: readonly string[], file = 'golden.txt'): LogRecord[] {
  return lines.map((raw, i) => {
    const p = splitConsolePrefix(raw);
    return {
      kind: 'log' as const, file, line: i + 1, program: 'kernel', message: p.text,
      ...(p.callerId ? { callerId: p.callerId } : {}),
      stamp: p.uptime !== undefined ? { uptime: p.uptime } : {},
    };
  });
}

function runDetector(recs: readonly LogRecord[], host = 'h1'): Observation[] {
  const out: Observation[] = [];
  const d = kernelReportsDetector.create({ file: 'golden.txt', host, format: 'dmesg', kernelRelease: () => null });
  for (const r of recs) d.push(r, (o) => out.push(o));
  d.end((o) => out.push(o));
  return out;
}

describe('kernel-reports detector', () => {
  it('emits one draft per report with evidence, and kernel facts', () => {
    const g = load('hung-task-jbd2-5.15-state.txt');
    const obs = runDetector(records(g.log));
    const drafts = obs.flatMap((o) => (o.type === 'finding' ? [o.finding] : []));
    expect(drafts).toHaveLength(1);
    const d = drafts[0];
    expect(d.title).toBe('INFO: task hung in jbd2_journal_commit_transaction');
    expect(d.stamp.uptime).toBe(1452.123456);
    expect(d.evidence[0]).toMatchObject({ file: 'golden.txt', line: 1 });
    expect(d.frames.find((f) => f.function === 'bit_wait_io' && !f.reliable)).toBeTruthy();
    for (const f of d.frames) FrameSchema.parse(f);
    const facts = obs.flatMap((o) => (o.type === 'fact' ? [[o.name, o.value]] : []));
    // O (bit 12) and E (bit 13): 4096 + 8192.
    expect(facts).toEqual([['kernel.release', '5.15.0-76-generic'], ['kernel.tainted', '12288']]);
  });

  it('ignores records of other programs and reads Linux version boot lines', () => {
    const recs = records(['[    0.000000] Linux version 6.8.0-31-generic (buildd@lcy02-amd64-080) (gcc 13.2.0) #31-Ubuntu SMP']);
    const foreign: LogRecord = { kind: 'log', file: 'x', line: 2, program: 'sshd', message: 'INFO: task sshd:1 blocked for more than 120 seconds.', stamp: {} };
    const obs = runDetector([...recs, foreign]);
    expect(obs.filter((o) => o.type === 'finding')).toHaveLength(0);
    expect(obs).toContainEqual(expect.objectContaining({ type: 'fact', name: 'kernel.release', value: '6.8.0-31-generic' }));
  });

  it('keeps the reports of two hosts of one syslog apart', () => {
    const g = load('hung-task-jbd2-4.15.txt');
    const a = records(g.log).map((r) => ({ ...r, host: 'a' }));
    const b = records(g.log).map((r) => ({ ...r, host: 'b' }));
    const mixed = a.flatMap((r, i) => [r, b[i]]);
    const drafts = runDetector(mixed).flatMap((o) => (o.type === 'finding' ? [o.finding] : []));
    expect(drafts.map((d) => d.host).sort()).toEqual(['a', 'b']);
    expect(drafts[0].signature).toBe(drafts[1].signature);
    expect(drafts[0].title).toBe('INFO: task hung in jbd2_journal_commit_transaction');
  });
});

describe('robustness (fast-check)', () => {
  const goldenLines = files.flatMap((f) => load(f).log);
  const noise = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom(...goldenLines),
    fc.constantFrom(...goldenLines).map((l) => l.slice(0, Math.floor(l.length / 2))),
    fc.tuple(fc.constantFrom(...goldenLines), fc.string({ maxLength: 20 })).map(([l, s]) => l + s),
    fc.constantFrom('Call Trace:', ' <IRQ>', ' </IRQ>', 'RIP: 0010:', 'Kernel panic - not syncing: ', 'WARNING: ', 'BUG: ', 'INFO: task x:1 blocked for more than 1 seconds.', ' ? f+0x1/0x2', '[  1.0][ T1] ', '\u0000\uFFFD', 'x'.repeat(5000)),
  );

  it('random and mutated logs never throw and every report is well formed', () => {
    fc.assert(
      fc.property(fc.array(noise, { maxLength: 120 }), (lines) => {
        for (const r of extractReports(lines)) {
          expect(r.kind.length).toBeGreaterThan(0);
          expect(r.title.length).toBeGreaterThan(0);
          expect(r.signature).toMatch(/^[0-9a-f]{16}$/);
          for (const f of r.frames) FrameSchema.parse(f);
        }
        for (const o of runDetector(records(lines))) {
          if (o.type !== 'finding') continue;
          expect(o.finding.kind && o.finding.title && o.finding.signature).toBeTruthy();
          expect(o.finding.evidence.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
