/**
 * `npm run bench -- --size 500MB [--hosts N] [--scaling] [--root DIR] [--no-lnav]`: generates (cached in
 * bench/out/), then measures ktriage analyze, `grep -cE` with the trigger patterns and lnav on the same
 * files, prints MB/s, peak RSS and ratios, and checks ktriage found exactly what was injected.
 * Exit code 1 when a check fails: a fast wrong answer is a failure.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, parseSize, type Manifest } from './generate.js';
import { grepPattern } from './reports.js';
import { checkFindings, type FoundFinding } from './check.js';
import { measure, type Measurement } from './measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, 'out');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

interface RunResult {
  label: string;
  mb: number;
  files: number;
  runs: Measurement[];
  ok: boolean;
  problems: string[];
}

async function benchOne(sizeBytes: number, hosts: number, root: string, withOthers: boolean): Promise<RunResult> {
  const label = `${Math.round(sizeBytes / 2 ** 20)}MB-${hosts}h`;
  const dir = join(OUT, label);
  process.stderr.write(`generating ${label} ...\n`);
  const manifest: Manifest = generate(dir, { sizeBytes, hosts, seed: 42, reportsPerKind: 2 });
  const data = join(dir, 'data');
  const files = listFiles(data);
  const mb = files.reduce((s, f) => s + statSync(f).size, 0) / 2 ** 20;
  const runs: Measurement[] = [];
  const reportPath = join(dir, 'report.json');
  const profDir = flag('cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${join(OUT, 'prof')}`] : [];
  const cli = ['--max-old-space-size=4096', ...profDir, join(root, 'bin', 'ktriage.js'), 'analyze', data, '--json', '--year', String(manifest.year), '--tz', manifest.timeZone, '--no-history'];
  process.stderr.write(`ktriage on ${mb.toFixed(0)} MB ...\n`);
  runs.push(await measure('ktriage', process.execPath, cli, reportPath, root));
  if (withOthers) {
    runs.push(await measure('grep -cE', 'grep', ['-cE', grepPattern, ...files], join(dir, 'grep.txt')));
    if (!flag('no-lnav') && hasCommand('lnav')) {
      runs.push(await measure('lnav', 'lnav', ['-n', '-c', ';SELECT count(*) FROM all_logs', ...files], join(dir, 'lnav.txt')));
    }
  }
  let found: FoundFinding[] = [];
  const problems: string[] = [];
  if (runs[0].exitCode !== 0) problems.push(`ktriage exited ${runs[0].exitCode}: ${runs[0].stderr}`);
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { findings: FoundFinding[] };
    found = report.findings;
  } catch (err) {
    problems.push(`no JSON report: ${String(err)}`);
  }
  const check = checkFindings(manifest.expected, found);
  problems.push(...check.problems);
  return { label, mb, files: files.length, runs, ok: problems.length === 0, problems };
}

const fmt = (n: number | null, d = 1) => (n === null ? 'n/a' : n.toFixed(d));

function table(results: RunResult[]): string {
  const rows = ['| input | files | tool | seconds | MB/s | s/GB | peak RSS MB | correct |', '|---|---|---|---|---|---|---|---|'];
  for (const r of results) {
    for (const m of r.runs) {
      const ok = m.name === 'ktriage' ? (r.ok ? 'yes' : 'NO') : '';
      rows.push(`| ${r.label} | ${r.files} | ${m.name} | ${fmt(m.seconds, 2)} | ${fmt(r.mb / m.seconds)} | ${fmt((m.seconds / r.mb) * 1024)} | ${fmt(m.rssMb)} | ${ok} |`);
    }
  }
  return rows.join('\n');
}

function ratios(r: RunResult): string[] {
  const k = r.runs.find((m) => m.name === 'ktriage')!;
  const lines = [`ktriage ${fmt(r.mb / k.seconds)} MB/s (goal ≥ 200), peak RSS ${fmt(k.rssMb)} MB (goal < 150)`];
  for (const other of r.runs.filter((m) => m !== k)) {
    const goal = other.name === 'lnav' ? '≥ 2' : '≥ 0.4';
    lines.push(`speed ktriage / ${other.name}: ${fmt(other.seconds / k.seconds, 2)}× (goal ${goal})`);
  }
  return lines;
}

async function main(): Promise<void> {
  const root = resolve(arg('root') ?? join(here, '..'));
  const hosts = Number(arg('hosts') ?? 6);
  const results: RunResult[] = [];
  if (flag('scaling')) {
    const sizes = (arg('sizes') ?? '100MB,500MB,2GB').split(',');
    for (const s of sizes) results.push(await benchOne(parseSize(s), hosts, root, false));
    const base = parseSize(arg('size') ?? '100MB');
    for (const h of [1, 10, 200]) results.push(await benchOne(base, h, root, false));
  } else {
    results.push(await benchOne(parseSize(arg('size') ?? '500MB'), hosts, root, true));
  }
  const text = [
    `machine: ${execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"]).toString().trim()}, ${execFileSync('nproc').toString().trim()} cores`,
    `node ${process.version}, ${new Date().toISOString()}`,
    `command: npm run bench -- ${process.argv.slice(2).join(' ')}`,
    '',
    table(results),
    '',
    ...results.filter((r) => r.runs.length > 1).flatMap(ratios),
  ].join('\n');
  console.log(text);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `results-${Date.now()}.md`), text + '\n');
  let failed = false;
  for (const r of results) {
    if (r.ok) continue;
    failed = true;
    console.error(`\n${r.label}: ktriage did not find exactly what was injected:`);
    for (const p of r.problems.slice(0, 40)) console.error(`  ${p}`);
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
