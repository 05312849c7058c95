import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';
import { parseSince } from '../collect/duration.js';
import { countAnalyses, defaultHistoryPath, listHistory, openHistory } from '../store/index.js';

const HistoryOptionsSchema = z.object({
  db: z.string().optional(),
  signature: z.string().optional(),
  host: z.string().optional(),
  since: z.string().optional(),
  json: z.boolean().optional(),
});

/** `ktriage history [--signature S] [--host H] [--since D] [--json]`: what earlier analyses found. */
export function addHistoryCommand(program: Command): Command {
  return program
    .command('history')
    .description('list the findings recorded by earlier analyses: how often, when and on which hosts')
    .option('--db <path>', `history database (default: ${defaultHistoryPath()})`)
    .option('--signature <text>', 'only signatures containing this text')
    .option('--host <name>', 'only findings of this host')
    .option('--since <duration>', 'only analyses newer than this (7d, 24h, or an ISO date)')
    .option('--json', 'JSON for scripts')
    .action((raw: unknown) => {
      const opts = HistoryOptionsSchema.parse(raw);
      const path = opts.db ?? defaultHistoryPath();
      const sinceMs = opts.since ? parseSince(opts.since, new Date()) : null;
      if (opts.since && sinceMs === null) {
        process.stderr.write(`ktriage history: --since ${opts.since}: expected a duration (24h, 2d) or a date\n`);
        process.exitCode = 2;
        return;
      }
      if (!existsSync(path)) {
        if (opts.json) process.stdout.write(JSON.stringify({ database: path, analyses: 0, signatures: [] }, null, 2) + '\n');
        else process.stdout.write(`no history yet (${path})\n`);
        return;
      }
      const db = openHistory(path);
      try {
        const rows = listHistory(db, { signature: opts.signature, host: opts.host, sinceMs });
        const analyses = countAnalyses(db);
        if (opts.json) {
          process.stdout.write(JSON.stringify({ database: path, analyses, signatures: rows }, null, 2) + '\n');
          return;
        }
        process.stdout.write(`${analyses} analyses recorded in ${path}; ${rows.length} signatures\n`);
        for (const r of rows) {
          process.stdout.write(
            `\n${r.title}\n  signature ${r.signature}\n  seen in ${r.count} analyses (${r.occurrences} reports), first ${r.firstSeen}, last ${r.lastSeen}\n  hosts: ${r.hosts.join(', ')}\n`,
          );
        }
      } finally {
        db.close();
      }
    });
}
