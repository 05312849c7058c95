// One input analysed on its own, as a worker does it; shared by worker.ts and the main thread's share of
// the work in parallel.ts so both give the same result for the same job.
import { fileInput } from '../ingest/discover.js';
import { analyzeInput } from './input.js';
import { newAnalysis } from './new-analysis.js';
import { hostState } from './hosts.js';
import type { WorkerJob, WorkerResult } from './parallel.js';
import type { FactName } from '../model/record.js';

export async function runJob(job: WorkerJob): Promise<WorkerResult> {
  const analysis = newAnalysis(job.options);
  for (const [host, facts] of job.facts) {
    const state = hostState(analysis, host);
    for (const [name, values] of facts) state.facts.set(name as FactName, [...values]);
  }
  analysis.factLog = [];
  const d = job.input;
  await analyzeInput(fileInput(d.filePath, d.name, d.folderHost, d.fallbackHost, d.mtimeMs ?? 0, d.size ?? 0), analysis);
  return {
    index: job.index,
    drafts: analysis.drafts,
    signals: analysis.signals,
    series: analysis.series,
    inputs: analysis.inputs,
    diagnostics: analysis.diagnostics,
    facts: analysis.factLog,
    hosts: [...analysis.hosts.values()].map((h) => ({ name: h.name, anchors: h.anchors })),
  };
}
