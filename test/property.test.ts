import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzePaths } from '../src/pipeline/analyze.js';
import { ReportSchema } from '../src/model/report.js';
import { CASES, hasShared } from './helpers/cli.js';

const SEEDS = hasShared
  ? [
      'rook-krbd-xfs-hang/node-a/dmesg.txt',
      'rook-krbd-xfs-hang/issue.md',
      'openstack-dhcp-vanish/backup01/syslog',
      'openstack-dhcp-vanish/backup01/sar-n-DEV.txt',
      'resize-pagecache-drop/db01/kern.log',
      'resize-pagecache-drop/db01/sar-r.txt',
      'resize-pagecache-drop/db01/db-latency.csv',
    ].map((p) => readFileSync(`${CASES}/${p}`, 'utf8').split('\n'))
  : [['[    0.000000] Linux version 5.4.0-42-generic']];

/** A mutation of a real log: dropped, repeated, swapped, cut or garbled lines, foreign text. */
const mutatedLog = fc
  .tuple(
    fc.integer({ min: 0, max: SEEDS.length - 1 }),
    fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('dup' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('cut' as const), at: fc.nat(), len: fc.nat(80) }),
        fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 120 }) }),
        fc.record({ op: fc.constant('bytes' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 60 }) }),
      ),
      { maxLength: 25 },
    ),
  )
  .map(([seed, ops]) => {
    const lines = [...SEEDS[seed]];
    for (const op of ops) {
      const i = lines.length ? op.at % lines.length : 0;
      if (op.op === 'drop') lines.splice(i, 1);
      else if (op.op === 'dup') lines.splice(i, 0, lines[i] ?? '');
      else if (op.op === 'cut') lines[i] = (lines[i] ?? '').slice(0, op.len);
      else lines.splice(i, 0, op.text);
    }
    return lines.join('\n');
  });

describe('property: random and mutated logs', () => {
  it('never throw and always give a report valid against the schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ktriage-prop-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutatedLog, { minLength: 1, maxLength: 3 }), async (logs) => {
        const caseDir = join(dir, `c${n++}`);
        logs.forEach((text, i) => {
          mkdirSync(join(caseDir, `host${i}`), { recursive: true });
          writeFileSync(join(caseDir, `host${i}`, `input${i}.log`), text);
        });
        const report = await analyzePaths([caseDir], { year: 2020, timeZone: 'UTC', historyDb: null });
        expect(() => ReportSchema.parse(report)).not.toThrow();
        expect(report.diagnostics.filter((d) => d.file.startsWith('stage:'))).toEqual([]);
        rmSync(caseDir, { recursive: true, force: true });
      }),
      { numRuns: 60 },
    );
  });
});
