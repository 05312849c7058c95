import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { collectBundle } from '../collect/index.js';
import { parseDuration, parseSince } from '../collect/duration.js';

const CollectOptionsSchema = z.object({
  out: z.string().optional(),
  since: z.string().optional(),
  redact: z.boolean().optional(),
  timeout: z.number().positive(),
  maxItemSize: z.number().int().positive(),
});

function seconds(value: string): number {
  const d = parseDuration(/^\d+(\.\d+)?$/.test(value) ? `${value}s` : value);
  if (d === null || d <= 0) throw new InvalidArgumentError('expected seconds or a duration such as 10s, 1m');
  return d / 1000;
}

function megabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a size in MiB');
  return Math.round(n * 1024 * 1024);
}

/**
 * `ktriage collect [--out FILE] [--since DURATION] [--redact]`: one `.tar.gz` of what triage needs from
 * this host, with a manifest of what could not be had and why.
 */
export function addCollectCommand(program: Command): Command {
  return program
    .command('collect')
    .description('collect kernel logs, host facts and state from this host into one .tar.gz bundle for `ktriage analyze`')
    .option('-o, --out <file>', 'bundle to write (default: ktriage-<host>-<date>.tar.gz)')
    .option('--since <duration>', 'only logs newer than this (24h, 2d, or an ISO date)')
    .option('--redact', 'replace addresses, host and user names, e-mails and secrets consistently (for public issues)')
    .option('--timeout <seconds>', 'time limit of each command; a command that hangs is killed', seconds, 10)
    .option('--max-item-size <MiB>', 'cap on each item (logs keep their newest part)', megabytes, 64 * 1024 * 1024)
    .action(async (raw: unknown) => {
      const opts = CollectOptionsSchema.parse(raw);
      const now = new Date();
      let sinceMs: number | null = null;
      if (opts.since) {
        sinceMs = parseSince(opts.since, now);
        if (sinceMs === null) {
          process.stderr.write(`ktriage collect: --since ${opts.since}: expected a duration (24h, 2d) or a date\n`);
          process.exitCode = 2;
          return;
        }
      }
      const stamp = now.toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
      const out = resolve(opts.out ?? `ktriage-${opts.redact ? 'redacted' : hostname()}-${stamp}.tar.gz`);
      const result = await collectBundle({
        out,
        sinceMs,
        sinceText: opts.since ?? null,
        redact: opts.redact ?? false,
        timeoutMs: Math.round(opts.timeout * 1000),
        maxBytes: opts.maxItemSize,
        now,
      });
      const items = result.manifest.items;
      const got = items.filter((i) => i.status === 'collected').length;
      process.stderr.write(`wrote ${result.out}: ${got} of ${items.length} items collected\n`);
      for (const i of items.filter((x) => x.status !== 'collected' && x.status !== 'skipped')) {
        process.stderr.write(`  ${i.name}: ${i.status}${i.reason ? ` (${i.reason})` : ''}\n`);
      }
      if (!result.manifest.runAsRoot) process.stderr.write('  (not root: some items need root; run with sudo for the full picture)\n');
    });
}
