import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../package-root.js';
import type { ClockAnchor, FindingDraft, SeriesDraft } from '../model/observation.js';
import type { Diagnostic } from '../model/record.js';
import type { InputSource } from '../ingest/types.js';
import type { Analysis, AnalyzeOptions, InputSummary, ResolvedSignal } from './types.js';
import { hostState } from './hosts.js';
import { addAnchors } from './anchor-sample.js';
import { runJob } from './job.js';
import { commitFact } from './input.js';

/** Below this many bytes of plain files, starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;

export interface WorkerJob {
  index: number;
  input: { filePath: string; name: string; folderHost: string | null; fallbackHost: string | null; mtimeMs: number | null; size: number | null };
  options: Omit<AnalyzeOptions, 'onProgress'>;
  facts: Array<[string, Array<[string, string[]]>]>;
}

export interface WorkerResult {
  index: number;
  drafts: FindingDraft[];
  signals: ResolvedSignal[];
  series: SeriesDraft[];
  inputs: InputSummary[];
  diagnostics: Diagnostic[];
  /** The facts the job committed, in order. */
  facts: NonNullable<Analysis['factLog']>;
  hosts: Array<{ name: string; anchors: ClockAnchor[] }>;
}

/** How many worker threads to use: KTRIAGE_WORKERS, else one per core up to 4. */
export function workerCount(): number {
  const env = Number(process.env.KTRIAGE_WORKERS);
  if (Number.isInteger(env) && env >= 0) return env;
  return Math.min(4, availableParallelism());
}

export function shouldRunParallel(inputs: readonly InputSource[]): boolean {
  if (workerCount() < 2 || inputs.length < 2) return false;
  const bytes = inputs.reduce((sum, i) => sum + (i.size ?? 0), 0);
  return bytes >= PARALLEL_MIN_BYTES && inputs.every((i) => i.filePath);
}

/**
 * A worker's garbage is mostly short-lived line text: capping its young generation (which V8 sizes from the
 * machine's memory, up to 3 × 16 MB) keeps ~15 MB of RSS off each worker at no measurable CPU cost.
 */
const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 24 } };

async function startWorker(): Promise<Worker> {
  const here = import.meta.url;
  // Compiled (dist/) or bundled (bin/ktriage.js in a clone, scripts/source-bundle.mjs): the worker built
  // with this module sits beside it.
  if (here.endsWith('.js')) return new Worker(new URL('./worker.js', here), WORKER_OPTIONS);
  if (here.endsWith('.mjs')) return new Worker(new URL('./worker.mjs', here), WORKER_OPTIONS);
  // TypeScript sources (tsx, the tests): the cached bundle of the worker starts fastest.
  const root = packageRoot();
  const bundle = await sourceBundle(root);
  if (bundle) return new Worker(pathToFileURL(bundle.worker), WORKER_OPTIONS);
  // Else the worker registers tsx itself before loading worker.ts.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const workerTs = pathToFileURL(join(root, 'src', 'pipeline', 'worker.ts')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(workerTs)}); });`;
  return new Worker(bootstrap, { ...WORKER_OPTIONS, eval: true });
}

interface SourceBundle {
  main: string;
  worker: string;
}

/** scripts/source-bundle.mjs (plain JS, only in a clone): the bundles of the sources, or null. */
async function sourceBundle(root: string): Promise<SourceBundle | null> {
  try {
    const bundler = (await import(pathToFileURL(join(root, 'scripts', 'source-bundle.mjs')).href)) as { sourceBundle(root: string): Promise<SourceBundle | null> };
    return await bundler.sourceBundle(root);
  } catch {
    return null;
  }
}

/**
 * Analyses plain files on worker threads (one input per job, largest first so the last job is short) and
 * merges their contributions into `analysis` in input order, so the report does not depend on timing.
 */
export async function analyzeInParallel(inputs: readonly InputSource[], analysis: Analysis, onDone: () => void): Promise<void> {
  const order = inputs.map((input, index) => ({ input, index })).sort((a, b) => (b.input.size ?? 0) - (a.input.size ?? 0));
  const results: WorkerResult[] = new Array(inputs.length);
  const { onProgress: _ignored, ...options } = analysis.options;
  const facts = [...analysis.hosts.values()].map((h) => [h.name, [...h.facts.entries()]] as [string, Array<[string, string[]]>]);
  // The main thread would only wait: it takes jobs too, so n threads need n - 1 workers (one isolate,
  // its start-up and its memory fewer).
  const workers = await Promise.all(Array.from({ length: Math.min(workerCount() - 1, inputs.length - 1) }, startWorker));
  let next = 0;
  const jobOf = (input: InputSource, index: number): WorkerJob => ({
    index,
    input: { filePath: input.filePath!, name: input.name, folderHost: input.folderHost, fallbackHost: input.fallbackHost, mtimeMs: input.mtimeMs, size: input.size },
    options,
    facts,
  });
  const local = async () => {
    while (next < order.length) {
      const { input, index } = order[next++];
      // cloned like a worker's message, so a result never shares objects with another
      results[index] = structuredClone(await runJob(jobOf(input, index)));
      onDone();
    }
  };
  try {
    await Promise.all([
      local(),
      ...workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const sendNext = () => {
              if (next >= order.length) return resolve();
              const { input, index } = order[next++];
              worker.postMessage(jobOf(input, index));
            };
            worker.on('message', (result: WorkerResult) => {
              results[result.index] = result;
              onDone();
              sendNext();
            });
            worker.on('error', reject);
            sendNext();
          }),
      ),
    ]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  for (const result of results) if (result) mergeResult(analysis, result);
}

function mergeResult(analysis: Analysis, result: WorkerResult): void {
  analysis.drafts.push(...result.drafts);
  analysis.signals.push(...result.signals);
  analysis.series.push(...result.series);
  analysis.inputs.push(...result.inputs);
  analysis.diagnostics.push(...result.diagnostics);
  // Replayed through the same rule as reading on one thread, so the thread count cannot change the facts.
  for (const [host, name, value] of result.facts) commitFact(analysis, host, name, value);
  for (const h of result.hosts) addAnchors(hostState(analysis, h.name).anchors, h.anchors);
}
