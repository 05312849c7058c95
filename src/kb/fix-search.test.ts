import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../model/report.js';
import { searchFixes, searchFunctions } from './fix-search.js';

let tree = '';
const git = (...args: string[]) => execFileSync('git', ['-C', tree, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
function commit(file: string, text: string, message: string): void {
  mkdirSync(join(tree, file, '..'), { recursive: true });
  writeFileSync(join(tree, file), text);
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'ktriage-tree-'));
  git('init', '-q');
  commit('fs/xfs/xfs_log.c', 'int _xfs_log_force_lsn(void) { return 0; }\n', 'xfs: add log force');
  commit('README', 'hello\n', 'docs: unrelated change');
  commit('fs/xfs/xfs_log.c', 'int _xfs_log_force_lsn(void) { return wait(); }\n', 'xfs: rework waiting\n\nNo tag here.');
  commit('fs/xfs/xfs_log.c', 'int _xfs_log_force_lsn(void) { return wait_fixed(); }\n', 'xfs: fix hang in _xfs_log_force_lsn\n\nFixes: 0123456789ab ("xfs: add log force")');
});
afterAll(() => rmSync(tree, { recursive: true, force: true }));

const frame = (fn: string, reliable = true) => ({ function: fn, offset: null, size: null, module: null, reliable, stack: 'task' });
const finding = { id: 'f-1', kind: 'hung_task', title: 'INFO: task hung in _xfs_log_force_lsn', frames: [frame('__schedule'), frame('xlog_sync', false), frame('schedule'), frame('_xfs_log_force_lsn'), frame('xfs_log_worker.isra.0'), frame('kthread')] } as unknown as Finding;

describe('searchFixes', () => {
  it('searches reliable, non-generic frames without compiler suffixes', () => {
    expect(searchFunctions(finding)).toEqual(['_xfs_log_force_lsn', 'xfs_log_worker']);
  });
  it('ranks the commit with a Fixes: tag first and leaves unrelated commits out', () => {
    const results = searchFixes(tree, finding);
    expect(results[0]!.subject).toBe('xfs: fix hang in _xfs_log_force_lsn');
    expect(results[0]!.hasFixesTag).toBe(true);
    expect(results.map((r) => r.subject)).toContain('xfs: rework waiting');
    expect(results.map((r) => r.subject)).not.toContain('docs: unrelated change');
  });
  it('gives nothing for a folder that is not a git tree', () => {
    expect(searchFixes(tmpdir() + '/does-not-exist', finding)).toEqual([]);
  });
});
