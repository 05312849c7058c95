import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, migrations, type Migration } from './migrations.js';

/**
 * Where the history lives unless `--db` says otherwise: `$XDG_DATA_HOME/ktriage/history.db`, else
 * `~/.local/share/ktriage/history.db` (the XDG base directory default).
 */
export function defaultHistoryPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'ktriage', 'history.db');
}

/**
 * Opens (creating it and its folder when needed) and migrates the history database. WAL lets readers run
 * while one analysis writes; busy_timeout makes concurrent writers wait for each other instead of failing.
 *
 * @example const db = openHistory('/tmp/h.db'); db.close()
 */
export function openHistory(path: string, steps: readonly Migration[] = migrations): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 30_000 });
  try {
    db.pragma('busy_timeout = 30000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const version = migrate(db, steps);
    const newest = migrations[migrations.length - 1].version;
    if (version > newest) throw new Error(`history database schema ${version} is newer than this ktriage (${newest})`);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
