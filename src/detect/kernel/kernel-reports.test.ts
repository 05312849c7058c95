import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../model/record.js';
import type { FindingDraft } from '../../model/observation.js';
import { splitConsolePrefix } from './console-prefix.js';
import { kernelReportsDetector } from './kernel-reports.js';

const ROOK = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'cases', 'rook-krbd-xfs-hang');

function drafts(file: string, host: string): FindingDraft[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: FindingDraft[] = [];
  const d = kernelReportsDetector.create({ file, host, format: 'dmesg', kernelRelease: () => null });
  lines.forEach((raw, i) => {
    const p = splitConsolePrefix(raw);
    const rec: LogRecord = { kind: 'log', file, line: i + 1, program: 'kernel', message: p.text, stamp: p.uptime !== undefined ? { uptime: p.uptime } : {} };
    d.push(rec, (o) => o.type === 'finding' && out.push(o.finding));
  });
  d.end((o) => o.type === 'finding' && out.push(o.finding));
  return out;
}

describe.skipIf(!existsSync(ROOK))('rook-krbd-xfs-hang node-a', () => {
  it('gives two hung_task drafts with one signature and every field of the README', () => {
    const ds = drafts(join(ROOK, 'node-a', 'dmesg.txt'), 'node-a');
    expect(ds).toHaveLength(2);
    expect(ds[0].signature).toBe(ds[1].signature);
    expect(ds.map((d) => d.stamp.uptime)).toEqual([51717.039319, 51837.871002]);
    const d = ds[0];
    expect(d).toMatchObject({
      kind: 'hung_task', title: 'INFO: task hung in _xfs_log_force_lsn', layer: 'kernel', subsystem: 'xfs', device: 'rbd0',
      task: { comm: 'kworker/2:1', pid: 5938, state: 'D' }, workqueue: 'xfs-sync/rbd0', corrupted: false,
    });
    expect(d.frames).toHaveLength(15);
    expect(d.frames[1]).toEqual({ function: 'xlog_sync', offset: '0x2d5', size: '0x3c0', module: 'xfs', reliable: false, stack: 'task' });
    expect(d.details.kernelRelease).toBe('4.15.0-72-generic');
  });
});
