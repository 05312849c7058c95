import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ReportSchema, type Finding, type Report } from '../model/report.js';
import { analyzePaths } from '../pipeline/analyze.js';
import { searchFixes } from '../kb/fix-search.js';

function findingsOf(report: Report, target: string | null): Finding[] {
  if (!target) return report.findings.filter((f) => f.frames.length > 0 || f.layer === 'kernel');
  return report.findings.filter((f) => f.id === target || f.signature.startsWith(target) || f.title === target);
}

/**
 * `ktriage search --kernel-tree DIR [--report FILE] FINDING|REPORT`: commits in the tree's history that
 * may fix a finding, `Fixes:` first.
 *
 * @example addSearchCommand(program)
 */
export function addSearchCommand(program: Command): void {
  program
    .command('search <target>')
    .description('search a kernel tree\'s git history for commits touching a finding\'s functions or quoting its title')
    .requiredOption('--kernel-tree <dir>', 'a kernel git tree')
    .option('--report <file>', 'a JSON report from `ktriage analyze --json`; <target> is a finding id or signature')
    .option('-n, --limit <n>', 'commits to show per finding', '10')
    .option('--json', 'print JSON')
    .action(async (target: string, opts: { kernelTree: string; report?: string; limit: string; json?: boolean }) => {
      let report: Report;
      let wanted: string | null = target;
      if (opts.report) {
        const parsed = ReportSchema.safeParse((() => { try { return JSON.parse(readFileSync(opts.report!, 'utf8')); } catch { return null; } })());
        if (!parsed.success) {
          process.stderr.write(`ktriage: ${opts.report} is not a ktriage JSON report\n`);
          process.exitCode = 2;
          return;
        }
        report = parsed.data;
      } else {
        report = await analyzePaths([target], { historyDb: null });
        wanted = null;
      }
      const findings = findingsOf(report, wanted);
      if (!findings.length) {
        process.stderr.write(`ktriage: no finding ${wanted ? `"${wanted}"` : 'with a trace'} to search for\n`);
        process.exitCode = 2;
        return;
      }
      const limit = Math.max(1, Number(opts.limit) || 10);
      const results = findings.map((f) => ({ finding: f.id, title: f.title, commits: searchFixes(opts.kernelTree, f).slice(0, limit) }));
      if (opts.json) {
        process.stdout.write(JSON.stringify(results, null, 2) + '\n');
        return;
      }
      for (const r of results) {
        process.stdout.write(`${r.title} (${r.finding})\n`);
        if (!r.commits.length) process.stdout.write('  no related commits found\n');
        for (const c of r.commits) process.stdout.write(`  ${c.commit.slice(0, 12)} ${c.date} ${c.subject}\n      ${c.reasons.join('; ')}\n`);
      }
    });
}
