import type { Command } from 'commander';
import { builtinKbDir, loadKb } from '../kb/loader.js';
import { runAllExamples } from '../kb/example-runner.js';

/** The folders to read: the built-in one and every global `--kb DIR`. */
function kbDirs(cmd: Command): string[] {
  const global = cmd.optsWithGlobals() as { kb?: string[] };
  return [builtinKbDir(), ...(global.kb ?? [])];
}

/**
 * `ktriage kb list | show ID | lint | test`.
 *
 * @example addKbCommands(program)
 */
export function addKbCommands(program: Command): void {
  const kb = program.command('kb').description('the knowledge base of known issues');
  kb.command('list')
    .description('list the entries')
    .option('--json', 'print JSON')
    .action(function (this: Command, opts: { json?: boolean }) {
      const { entries } = loadKb(kbDirs(this));
      if (opts.json) {
        process.stdout.write(JSON.stringify(entries.map((e) => ({ id: e.entry.id, title: e.entry.title, file: e.file })), null, 2) + '\n');
        return;
      }
      for (const { entry } of entries) process.stdout.write(`${entry.id.padEnd(40)} ${entry.title}\n`);
    });
  kb.command('show <id>')
    .description('show one entry')
    .action(function (this: Command, id: string) {
      const found = loadKb(kbDirs(this)).entries.find((e) => e.entry.id === id);
      if (!found) {
        process.stderr.write(`ktriage: no knowledge-base entry "${id}"\n`);
        process.exitCode = 2;
        return;
      }
      const e = found.entry;
      const lines = [
        `${e.id}: ${e.title}`,
        `file: ${found.file}`,
        '',
        e.summary.trim(),
        '',
        'For developers:',
        e.details.trim(),
        '',
        ...(e.workaround.length ? ['Workaround:', ...e.workaround.map((w) => `  - ${w}`), ''] : []),
        ...(e.fix.length ? ['Fix:', ...e.fix.map((w) => `  - ${w}`), ''] : []),
        ...(e.requests.length ? ['Ask the reporter:', ...e.requests.map((r) => `  $ ${r.command}\n      ${r.why}`), ''] : []),
        'References:',
        ...e.references.map((r) => `  - ${r.title}${r.url ? ` <${r.url}>` : ''}`),
        ...(e.unconfirmed.length ? ['', 'Unconfirmed:', ...e.unconfirmed.map((u) => `  - ${u}`)] : []),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });
  kb.command('lint')
    .description('validate every entry against the schema (file:line: problem)')
    .action(function (this: Command) {
      const { entries, problems } = loadKb(kbDirs(this));
      for (const p of problems) process.stdout.write(`${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.message}\n`);
      process.stdout.write(`${entries.length} entries valid, ${problems.length} problem(s)\n`);
      if (problems.length) process.exitCode = 1;
    });
  kb.command('test')
    .description("run every entry's positive and negative examples through the analysis")
    .option('--id <id>', 'only this entry')
    .action(async function (this: Command, opts: { id?: string }) {
      const { entries, problems } = loadKb(kbDirs(this));
      for (const p of problems) process.stdout.write(`LINT ${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.message}\n`);
      const chosen = opts.id ? entries.filter((e) => e.entry.id === opts.id) : entries;
      const results = await runAllExamples(chosen);
      for (const r of results) process.stdout.write(`${r.passed ? 'ok  ' : 'FAIL'} ${r.entry} ${r.polarity}: ${r.name} (${r.message})\n`);
      const failed = results.filter((r) => !r.passed).length;
      process.stdout.write(`${results.length - failed}/${results.length} examples passed\n`);
      if (failed || problems.length) process.exitCode = 1;
    });
}
