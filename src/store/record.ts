import type Database from 'better-sqlite3';
import type { Finding, KnownIssueMatch } from '../model/report.js';

/** What one analysis leaves in the history. */
export interface AnalysisRecord {
  analyzedAt: string;
  toolVersion: string;
  inputs: string[];
  hosts: Array<{ name: string; kernelRelease: string | null }>;
  findings: ReadonlyArray<Pick<Finding, 'host' | 'signature' | 'kind' | 'title' | 'count' | 'first' | 'last'>>;
  knownIssues: ReadonlyArray<Pick<KnownIssueMatch, 'id' | 'verdict' | 'hosts'>>;
}

/** How often a signature was seen: the syzbot dashboard's columns. */
export interface Seen {
  isNew: boolean;
  /** The earliest analysis that saw it (this one when it is new). */
  firstSeen: string | null;
  /** The latest analysis before this one that saw it; null when it is new. */
  lastSeen: string | null;
  /** Analyses that saw it, this one included. */
  count: number;
  hosts: string[];
}

/**
 * Records one analysis in one IMMEDIATE transaction (the write lock is taken up front, so concurrent
 * analyses queue on busy_timeout rather than fail half-way) and returns, per signature, how it was seen.
 *
 * @example recordAnalysis(db, record).get('hung_task:_xfs_log_force_lsn')?.count // 2 on the second run
 */
export function recordAnalysis(db: Database.Database, rec: AnalysisRecord): { analysisId: number; seen: Map<string, Seen> } {
  const insertAnalysis = db.prepare('INSERT INTO analyses (analyzed_at, tool_version, inputs) VALUES (?, ?, ?)');
  const insertHost = db.prepare('INSERT OR REPLACE INTO analysis_hosts (analysis_id, host, kernel_release) VALUES (?, ?, ?)');
  const insertFinding = db.prepare(
    `INSERT INTO findings (analysis_id, host, signature, kind, title, occurrences, first_wall, last_wall)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (analysis_id, host, signature) DO UPDATE SET occurrences = occurrences + excluded.occurrences`,
  );
  const insertMatch = db.prepare('INSERT OR REPLACE INTO known_issue_matches (analysis_id, kb_id, verdict, hosts) VALUES (?, ?, ?, ?)');
  const stats = db.prepare(
    `SELECT MIN(a.analyzed_at) AS first_seen,
            MAX(CASE WHEN a.id <> @id THEN a.analyzed_at END) AS last_before,
            COUNT(DISTINCT a.id) AS analyses,
            SUM(CASE WHEN a.id <> @id THEN 1 ELSE 0 END) AS earlier_rows
       FROM findings f JOIN analyses a ON a.id = f.analysis_id
      WHERE f.signature = @signature`,
  );
  const hostsOf = db.prepare('SELECT DISTINCT host FROM findings WHERE signature = ? ORDER BY host');

  const run = db.transaction(() => {
    const analysisId = Number(insertAnalysis.run(rec.analyzedAt, rec.toolVersion, JSON.stringify(rec.inputs)).lastInsertRowid);
    for (const h of rec.hosts) insertHost.run(analysisId, h.name, h.kernelRelease);
    for (const f of rec.findings) {
      insertFinding.run(analysisId, f.host, f.signature, f.kind, f.title, f.count, f.first.wall, f.last.wall);
    }
    for (const k of rec.knownIssues) insertMatch.run(analysisId, k.id, k.verdict, JSON.stringify(k.hosts));
    const seen = new Map<string, Seen>();
    for (const signature of new Set(rec.findings.map((f) => f.signature))) {
      const row = stats.get({ id: analysisId, signature }) as { first_seen: string; last_before: string | null; analyses: number; earlier_rows: number };
      const isNew = row.earlier_rows === 0;
      seen.set(signature, {
        isNew,
        firstSeen: row.first_seen,
        lastSeen: isNew ? null : row.last_before,
        count: row.analyses,
        hosts: (hostsOf.all(signature) as Array<{ host: string }>).map((r) => r.host),
      });
    }
    return { analysisId, seen };
  });
  return run.immediate();
}
