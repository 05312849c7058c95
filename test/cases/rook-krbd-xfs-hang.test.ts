import { describe, expect, it } from 'vitest';
import { analyzeJson, CASES, hasShared } from '../helpers/cli.js';
import type { Report } from '../../src/model/report.js';

const CASE = `${CASES}/rook-krbd-xfs-hang`;

describe.skipIf(!hasShared)('rook-krbd-xfs-hang (acceptance case, points 1-2)', () => {
  let nodeA: Report;
  let issue: Report;

  it('analyses node-a and issue.md', async () => {
    nodeA = (await analyzeJson([`${CASE}/node-a`])).report;
    issue = (await analyzeJson([`${CASE}/issue.md`])).report;
  });

  it('1. host node-a, kernel 4.15.0-72-generic, Ubuntu, not tainted', () => {
    expect(nodeA.hosts.map((h) => h.name)).toEqual(['node-a']);
    const host = nodeA.hosts[0];
    expect(host.kernel.release).toBe('4.15.0-72-generic');
    expect(host.kernel.distro).toMatch(/ubuntu/i);
    expect(host.kernel.tainted).toBe(false);
    expect(host.kernel.taint).toEqual([]);
  });

  it('2. exactly one hung_task finding with the two reports merged', () => {
    const hung = nodeA.findings.filter((f) => f.kind === 'hung_task');
    expect(hung).toHaveLength(1);
    const f = hung[0];
    expect(f.title).toBe('INFO: task hung in _xfs_log_force_lsn');
    expect(f.count).toBe(2);
    expect(f.first.uptime).toBeCloseTo(51717.039319, 6);
    expect(f.last.uptime).toBeCloseTo(51837.871002, 6);
    expect(f.layer).toBe('kernel');
    expect(f.subsystem).toBe('xfs');
    expect(f.device).toBe('rbd0');
    expect(f.task).toEqual({ comm: 'kworker/2:1', pid: 5938, state: 'D' });
    expect(f.workqueue).toBe('xfs-sync/rbd0');
    expect(f.host).toBe('node-a');
    expect(f.corrupted).toBe(false);
  });

  it('2. every frame of the trace parsed, unreliable ones marked', () => {
    const f = nodeA.findings.find((x) => x.kind === 'hung_task')!;
    expect(f.frames.map((fr) => fr.function)).toEqual([
      '__schedule', 'xlog_sync', 'schedule', '_xfs_log_force_lsn', 'wake_up_q', '__xfs_trans_commit',
      'xfs_trans_commit', 'xfs_sync_sb', 'xfs_log_worker', 'process_one_work', 'worker_thread', 'kthread',
      'process_one_work', 'kthread_create_worker_on_cpu', 'ret_from_fork',
    ]);
    expect(f.frames[1]).toEqual({ function: 'xlog_sync', offset: '0x2d5', size: '0x3c0', module: 'xfs', reliable: false, stack: 'task' });
    expect(f.frames[3]).toEqual({ function: '_xfs_log_force_lsn', offset: '0x20e', size: '0x350', module: 'xfs', reliable: true, stack: 'task' });
    expect(f.frames[0]).toMatchObject({ function: '__schedule', module: null, reliable: true });
    expect(f.evidence.length).toBeGreaterThan(10);
    expect(f.evidence[0]).toMatchObject({ line: 21, file: expect.stringContaining("dmesg.txt") });
  });

  it('issue.md gives the same title, signature and kernel release', () => {
    const a = nodeA.findings.find((x) => x.kind === 'hung_task')!;
    const b = issue.findings.filter((x) => x.kind === 'hung_task');
    expect(b).toHaveLength(1);
    expect(b[0].title).toBe(a.title);
    expect(b[0].signature).toBe(a.signature);
    expect(b[0].host).toBe('node-a');
    expect(issue.hosts.find((h) => h.name === 'node-a')?.kernel.release).toBe('4.15.0-72-generic');
  });
});
