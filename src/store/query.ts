import type Database from 'better-sqlite3';

export interface HistoryFilter {
  signature?: string;
  host?: string;
  /** Only analyses at or after this instant (epoch ms). */
  sinceMs?: number | null;
}

/** One line of `ktriage history`: a signature with how often, when and where it was seen. */
export interface HistoryRow {
  signature: string;
  kind: string;
  title: string;
  count: number;
  occurrences: number;
  firstSeen: string;
  lastSeen: string;
  hosts: string[];
}

/**
 * The signatures recorded, most recently seen first. `signature` matches as a substring (signatures are
 * long), `host` exactly.
 *
 * @example listHistory(db, { host: 'node-a' })
 */
export function listHistory(db: Database.Database, filter: HistoryFilter = {}): HistoryRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.signature) {
    where.push("f.signature LIKE @signature ESCAPE '\\'");
    params.signature = `%${filter.signature.replace(/[\\%_]/g, '\\$&')}%`;
  }
  if (filter.host) {
    where.push('f.host = @host');
    params.host = filter.host;
  }
  if (filter.sinceMs !== undefined && filter.sinceMs !== null) {
    where.push('a.analyzed_at >= @since');
    params.since = new Date(filter.sinceMs).toISOString();
  }
  const rows = db
    .prepare(
      `SELECT f.signature AS signature, MAX(f.kind) AS kind, MAX(f.title) AS title,
              COUNT(DISTINCT a.id) AS count, SUM(f.occurrences) AS occurrences,
              MIN(a.analyzed_at) AS firstSeen, MAX(a.analyzed_at) AS lastSeen,
              GROUP_CONCAT(DISTINCT f.host) AS hosts
         FROM findings f JOIN analyses a ON a.id = f.analysis_id
        ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        GROUP BY f.signature
        ORDER BY lastSeen DESC, signature`,
    )
    .all(params) as Array<Omit<HistoryRow, 'hosts'> & { hosts: string | null }>;
  return rows.map((r) => ({ ...r, hosts: (r.hosts ?? '').split(',').filter(Boolean).sort() }));
}

/** How many analyses the database holds (for the history header and the concurrency test). */
export function countAnalyses(db: Database.Database): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM analyses').get() as { n: number }).n;
}
