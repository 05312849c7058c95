import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { countAnalyses, defaultHistoryPath, listHistory, migrations, openHistory, recordAnalysis, type AnalysisRecord } from './index.js';

const time = (wall: string | null) => ({ wall, uptime: null, boot: null });

function record(at: string, host: string, signatures: string[]): AnalysisRecord {
  return {
    analyzedAt: at,
    toolVersion: 'test',
    inputs: [`${host}/dmesg.txt`],
    hosts: [{ name: host, kernelRelease: '4.15.0-72-generic' }],
    findings: signatures.map((s) => ({ host, signature: s, kind: 'hung_task', title: `INFO: task hung in ${s}`, count: 2, first: time(null), last: time(null) })),
    knownIssues: [{ id: 'krbd-xfs-osd-colocation-hang', verdict: 'affected', hosts: [host] }],
  };
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'ktriage-store-')), 'sub', 'history.db');

describe('history store', () => {
  it('marks a signature new, then seen before with counts, first/last seen and hosts', () => {
    const db = openHistory(tempDb());
    const first = recordAnalysis(db, record('2024-01-01T00:00:00.000Z', 'node-a', ['hung:_xfs_log_force_lsn']));
    expect(first.seen.get('hung:_xfs_log_force_lsn')).toEqual({
      isNew: true,
      firstSeen: '2024-01-01T00:00:00.000Z',
      lastSeen: null,
      count: 1,
      hosts: ['node-a'],
    });
    recordAnalysis(db, record('2024-01-02T00:00:00.000Z', 'node-b', ['other']));
    const third = recordAnalysis(db, record('2024-01-03T00:00:00.000Z', 'node-b', ['hung:_xfs_log_force_lsn']));
    expect(third.seen.get('hung:_xfs_log_force_lsn')).toEqual({
      isNew: false,
      firstSeen: '2024-01-01T00:00:00.000Z',
      lastSeen: '2024-01-01T00:00:00.000Z',
      count: 2,
      hosts: ['node-a', 'node-b'],
    });
    expect(countAnalyses(db)).toBe(3);
    const rows = listHistory(db, { signature: 'xfs_log' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 2, occurrences: 4, hosts: ['node-a', 'node-b'], lastSeen: '2024-01-03T00:00:00.000Z' });
    expect(listHistory(db, { host: 'node-a' }).map((r) => r.signature)).toEqual(['hung:_xfs_log_force_lsn']);
    expect(listHistory(db, { sinceMs: Date.parse('2024-01-02T12:00:00Z') })).toHaveLength(1);
    expect(listHistory(db, { signature: '100%_' })).toHaveLength(0);
    db.close();
  });

  it('opens a database written by the first schema version and migrates it, keeping its records', () => {
    const path = tempDb();
    const old = openHistory(path, migrations.slice(0, 1));
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.prepare("INSERT INTO analyses (analyzed_at, tool_version, inputs) VALUES ('2023-05-01T00:00:00.000Z', '0.0.1', '[]')").run();
    old.prepare("INSERT INTO findings VALUES (1, 'node-a', 'sig-old', 'hung_task', 'old title', 1, NULL, NULL)").run();
    old.close();

    const db = openHistory(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1].version);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toContain('known_issue_matches');
    const { seen } = recordAnalysis(db, record('2024-01-01T00:00:00.000Z', 'node-a', ['sig-old']));
    expect(seen.get('sig-old')).toMatchObject({ isNew: false, count: 2, firstSeen: '2023-05-01T00:00:00.000Z' });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a database from a newer ktriage instead of damaging it', () => {
    const path = tempDb();
    openHistory(path).close();
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openHistory(path)).toThrow(/newer/);
  });

  it('defaults to the XDG data folder', () => {
    expect(defaultHistoryPath({ XDG_DATA_HOME: '/x/data', HOME: '/home/u' })).toBe('/x/data/ktriage/history.db');
    expect(defaultHistoryPath({ HOME: '/home/u' })).toBe('/home/u/.local/share/ktriage/history.db');
  });
});
