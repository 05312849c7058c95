import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { analyzePaths } from '../pipeline/analyze.js';
import type { AnalyzeOptions } from '../pipeline/types.js';
import type { Report } from '../model/report.js';
import { isValidTimeZone } from '../timeline/civil-time.js';
import { renderOutputs, type OutputRequest } from './outputs.js';
import { startProgress } from './progress.js';

interface AnalyzeFlags {
  json?: boolean;
  format?: string;
  markdown?: string;
  audience?: string;
  html?: string;
  year?: string;
  tz?: string;
  hostTz?: string[];
  kernelTree?: string;
  db?: string;
  history?: boolean;
  color?: boolean;
}

export class UsageError extends Error {}

export function addAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('analyse log files, folders (one sub-folder per host) and bundles (.tar.gz)')
    .argument('<paths...>', 'files, folders or bundles')
    .option('--json', 'print the JSON report (version 1) on stdout')
    .option('--format <format>', 'stdout format: text or json', undefined)
    .option('--markdown <file>', 'write a Markdown report')
    .option('--audience <who>', 'Markdown audience: user or upstream', 'user')
    .option('--html <file>', 'write a self-contained HTML timeline')
    .option('--year <year>', 'year of year-less timestamps (syslog, sar); default: each file\'s modification year')
    .option('--tz <zone>', 'IANA time zone of inputs without an offset (default UTC)')
    .option('--host-tz <host=zone>', 'time zone of one host (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--kernel-tree <dir>', 'a Linux git tree: MAINTAINERS routing')
    .option('--db <path>', 'history database (default: in the user data folder)')
    .option('--no-history', 'do not read or write the history database')
    .option('--no-color', 'no colours in the terminal summary')
    .action(async (paths: string[], flags: AnalyzeFlags, command: Command) => {
      const globals = command.parent?.opts<{ kb?: string[] }>() ?? {};
      let options: AnalyzeOptions;
      let outputs: OutputRequest;
      try {
        options = toOptions(flags, globals.kb ?? []);
        outputs = toOutputs(flags);
      } catch (err) {
        if (err instanceof UsageError) {
          process.stderr.write(`ktriage analyze: ${err.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw err;
      }
      const progress = startProgress(outputs.stdout === 'text');
      options.onProgress = progress.update;
      let report: Report;
      try {
        report = await analyzePaths(paths, options);
      } finally {
        progress.stop();
      }
      for (const d of report.diagnostics) {
        const where = d.line ? `${d.file}:${d.line}` : d.file;
        process.stderr.write(`ktriage: ${d.severity}: ${sanitize(where)}: ${sanitize(d.message)}\n`);
      }
      const readable = report.inputs.filter((i) => !i.skipped);
      if (readable.length === 0) {
        process.stderr.write('ktriage analyze: no readable input\n');
        process.exitCode = 2;
        return;
      }
      await renderOutputs(report, outputs, writeFile);
    });
}

function sanitize(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

function toOptions(flags: AnalyzeFlags, kbDirs: string[]): AnalyzeOptions {
  const options: AnalyzeOptions = { kbDirs };
  if (flags.year !== undefined) {
    const year = Number(flags.year);
    if (!Number.isInteger(year) || year < 1970 || year > 2200) throw new UsageError(`--year must be a year such as 2019, not "${flags.year}"`);
    options.year = year;
  }
  if (flags.tz !== undefined) {
    if (!isValidTimeZone(flags.tz)) throw new UsageError(`--tz must be an IANA time zone such as UTC or Asia/Tokyo, not "${flags.tz}"`);
    options.timeZone = flags.tz;
  }
  for (const pair of flags.hostTz ?? []) {
    const [host, zone] = pair.split('=');
    if (!host || !zone || !isValidTimeZone(zone)) throw new UsageError(`--host-tz takes HOST=ZONE with an IANA zone, not "${pair}"`);
    (options.hostTimeZones ??= {})[host] = zone;
  }
  if (flags.kernelTree) options.kernelTree = flags.kernelTree;
  options.historyDb = flags.history === false ? null : (flags.db ?? defaultHistoryDb());
  return options;
}

function defaultHistoryDb(): string | null {
  // History is opt-out, but never written by tests or CI unless they ask for it with --db.
  if (process.env.KTRIAGE_NO_HISTORY || process.env.CI || process.env.VITEST) return null;
  const base = process.env.XDG_DATA_HOME || (process.env.HOME ? `${process.env.HOME}/.local/share` : null);
  return base ? `${base}/ktriage/history.db` : null;
}

function toOutputs(flags: AnalyzeFlags): OutputRequest {
  const format = flags.json ? 'json' : (flags.format ?? (process.stdout.isTTY ? 'text' : 'text'));
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be text or json, not "${format}"`);
  const audience = flags.audience ?? 'user';
  if (audience !== 'user' && audience !== 'upstream') throw new UsageError(`--audience must be user or upstream, not "${audience}"`);
  const color = flags.color !== false && Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env);
  return { stdout: format, color, ...(flags.markdown ? { markdown: flags.markdown, audience } : {}), ...(flags.html ? { html: flags.html } : {}) };
}
