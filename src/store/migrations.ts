import type Database from 'better-sqlite3';

/**
 * The schema as an ordered list of steps; a database records how many it has run in `PRAGMA
 * user_version`. A database written by an older ktriage opens in a newer one by running the missing steps;
 * a step is never edited once released, only new ones appended.
 */
export interface Migration {
  version: number;
  why: string;
  up(db: Database.Database): void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    why: 'analyses, the hosts they covered and their findings by signature',
    up(db) {
      db.exec(`
        CREATE TABLE analyses (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          analyzed_at TEXT NOT NULL,
          tool_version TEXT NOT NULL,
          inputs TEXT NOT NULL
        );
        CREATE TABLE analysis_hosts (
          analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
          host TEXT NOT NULL,
          kernel_release TEXT,
          PRIMARY KEY (analysis_id, host)
        );
        CREATE TABLE findings (
          analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
          host TEXT NOT NULL,
          signature TEXT NOT NULL,
          kind TEXT NOT NULL,
          title TEXT NOT NULL,
          occurrences INTEGER NOT NULL,
          first_wall TEXT,
          last_wall TEXT,
          PRIMARY KEY (analysis_id, host, signature)
        );
      `);
    },
  },
  {
    version: 2,
    why: 'known-issue matches per analysis, and indexes for `history --signature/--host`',
    up(db) {
      db.exec(`
        CREATE TABLE known_issue_matches (
          analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
          kb_id TEXT NOT NULL,
          verdict TEXT NOT NULL,
          hosts TEXT NOT NULL,
          PRIMARY KEY (analysis_id, kb_id)
        );
        CREATE INDEX findings_by_signature ON findings(signature);
        CREATE INDEX findings_by_host ON findings(host);
        CREATE INDEX analyses_by_time ON analyses(analyzed_at);
      `);
    },
  },
];

/**
 * Runs the steps the database has not run yet, each in an IMMEDIATE transaction that re-reads the version
 * inside it, so two processes opening a fresh database at once do not both run a step.
 *
 * @example migrate(db) // user_version becomes migrations.at(-1).version
 */
export function migrate(db: Database.Database, steps: readonly Migration[] = migrations): number {
  for (const step of steps) {
    db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= step.version) return;
      if (current !== step.version - 1) throw new Error(`history database at schema ${current} cannot take step ${step.version}`);
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
