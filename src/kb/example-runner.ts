import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { analyzePaths } from '../pipeline/analyze.js';
import type { LoadedEntry } from './loader.js';
import { builtinKbDir } from './loader.js';
import type { KbEntry } from './schema.js';

type Example = KbEntry['examples']['positive'][number];

export interface ExampleResult {
  entry: string;
  polarity: 'positive' | 'negative';
  name: string;
  passed: boolean;
  /** What was found: the verdict when matched, or why it failed. */
  message: string;
}

// Lays the example out as a user would give it: one folder per host. Files keep their sub-folder under
// `examples/<id>/<positive|negative>/` as host name; a bare file goes under the example's host.
function layOut(example: Example, loaded: LoadedEntry, root: string): void {
  if (example.log !== undefined) {
    mkdirSync(join(root, example.host), { recursive: true });
    // Name the file the way such a log is usually named, so format sniffing sees what a user would give.
    const looksLikeDmesg = /^\s*\[\s*\d+\.\d+\]/.test(example.log);
    writeFileSync(join(root, example.host, looksLikeDmesg ? 'dmesg.txt' : 'syslog'), example.log);
  }
  for (const file of example.files ?? []) {
    const source = resolve(loaded.dir, file);
    const rel = relative(join(loaded.dir, 'examples', loaded.entry.id), source).split(/[\\/]/).slice(1).join('/');
    const target = rel.includes('/') ? join(root, rel) : join(root, example.host, basename(source));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
}

/**
 * Runs one example through the real analysis and checks that the entry matches (positive) or does not
 * (negative).
 */
export async function runExample(loaded: LoadedEntry, example: Example, polarity: 'positive' | 'negative'): Promise<ExampleResult> {
  const root = mkdtempSync(join(tmpdir(), 'ktriage-kb-'));
  const name = example.name ?? `${polarity} example`;
  try {
    layOut(example, loaded, root);
    const extra = resolve(loaded.dir) === resolve(builtinKbDir()) ? [] : [loaded.dir];
    const report = await analyzePaths([root], { kbDirs: extra, historyDb: null, ...(example.year ? { year: example.year } : {}), ...(example.tz ? { timeZone: example.tz } : {}) });
    const hit = report.knownIssues.find((k) => k.id === loaded.entry.id);
    const passed = polarity === 'positive' ? hit !== undefined : hit === undefined;
    const kinds = [...new Set(report.findings.map((f) => f.kind))].join(', ') || 'none';
    const message = hit ? `matched, verdict ${hit.verdict}` : `not matched (findings: ${kinds})`;
    return { entry: loaded.entry.id, polarity, name, passed, message };
  } catch (e) {
    return { entry: loaded.entry.id, polarity, name, passed: false, message: `analysis failed: ${(e as Error).message}` };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Every positive and negative example of every entry. */
export async function runAllExamples(entries: readonly LoadedEntry[]): Promise<ExampleResult[]> {
  const out: ExampleResult[] = [];
  for (const loaded of entries) {
    for (const ex of loaded.entry.examples.positive) out.push(await runExample(loaded, ex, 'positive'));
    for (const ex of loaded.entry.examples.negative) out.push(await runExample(loaded, ex, 'negative'));
  }
  return out;
}
