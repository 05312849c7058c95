import type { Report } from '../model/report.js';
import { discoverInputs } from '../ingest/discover.js';
import { readBundle } from '../ingest/bundle.js';
import { describeError, isFactFile } from '../ingest/discover.js';
import { analyzeInParallel, shouldRunParallel } from './parallel.js';
import { analyzeInput } from './input.js';
import { stages } from './stages.js';
import { buildReport } from './report.js';
import type { Analysis, AnalyzeOptions } from './types.js';
import { newAnalysis } from './new-analysis.js';

/**
 * Analyses files, folders and bundles and returns the report (the JSON contract). Unreadable inputs are
 * reported in `inputs` and `diagnostics`; the rest of the analysis goes on.
 *
 * @example const report = await analyzePaths(['case/node-a'], { timeZone: 'UTC' });
 */
export async function analyzePaths(paths: readonly string[], options: AnalyzeOptions = {}): Promise<Report> {
  const analysis = newAnalysis(options);
  await readAll(paths, analysis);
  await runStages(analysis);
  return buildReport(analysis);
}

export async function readAll(paths: readonly string[], analysis: Analysis): Promise<void> {
  const { files, bundles, diagnostics } = await discoverInputs(paths);
  analysis.diagnostics.push(...diagnostics);
  for (const d of diagnostics) analysis.inputs.push({ file: d.file, format: 'unreadable', host: null, lines: 0, unparsed: 0, skipped: true, error: d.message });
  const total = files.length + bundles.length;
  let done = 0;
  const tick = () => analysis.options.onProgress?.(++done, total);
  // Fact files (uname, ...) first and in this thread, so every detector can use what they say.
  const factFiles = files.filter((f) => isFactFile(f.baseName));
  const logFiles = files.filter((f) => !isFactFile(f.baseName));
  for (const input of factFiles) {
    await analyzeInput(input, analysis);
    tick();
  }
  if (shouldRunParallel(logFiles)) {
    await analyzeInParallel(logFiles, analysis, tick);
  } else {
    for (const input of logFiles) {
      await analyzeInput(input, analysis);
      tick();
    }
  }
  for (const bundle of bundles) {
    try {
      await readBundle(bundle, (input) => analyzeInput(input, analysis));
    } catch (err) {
      analysis.diagnostics.push({ file: bundle, severity: 'error', message: `bundle could not be read to its end: ${describeError(err)}` });
      analysis.inputs.push({ file: bundle, format: 'bundle', host: null, lines: 0, unparsed: 0, skipped: true, error: describeError(err) });
    }
    analysis.options.onProgress?.(++done, total);
  }
}

export async function runStages(analysis: Analysis): Promise<void> {
  for (const stage of stages) {
    try {
      await stage.run(analysis);
    } catch (err) {
      // One broken stage must not lose the rest of the analysis; the user sees which one failed.
      analysis.diagnostics.push({
        file: `stage:${stage.name}`,
        severity: 'error',
        message: `internal error in ${stage.name}: ${err instanceof Error ? (process.env.KTRIAGE_DEBUG ? err.stack : err.message) : String(err)}`,
      });
    }
  }
}
