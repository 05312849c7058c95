// Worker thread: analyses the inputs it is sent with a fresh Analysis seeded with the host facts known so
// far, and posts back what the inputs contributed. See parallel.ts.
import { parentPort } from 'node:worker_threads';
import { fileInput } from '../ingest/discover.js';
import { analyzeInput } from './input.js';
import { newAnalysis } from './analyze.js';
import { hostState } from './hosts.js';
import type { WorkerJob, WorkerResult } from './parallel.js';
import type { FactName } from '../model/record.js';

parentPort?.on('message', async (job: WorkerJob) => {
  const analysis = newAnalysis(job.options);
  for (const [host, facts] of job.facts) {
    const state = hostState(analysis, host);
    for (const [name, values] of facts) state.facts.set(name as FactName, [...values]);
  }
  const d = job.input;
  await analyzeInput(fileInput(d.filePath, d.name, d.folderHost, d.fallbackHost, d.mtimeMs ?? 0, d.size ?? 0), analysis);
  const result: WorkerResult = {
    index: job.index,
    drafts: analysis.drafts,
    signals: analysis.signals,
    series: analysis.series,
    inputs: analysis.inputs,
    diagnostics: analysis.diagnostics,
    hosts: [...analysis.hosts.values()].map((h) => ({ name: h.name, facts: [...h.facts.entries()], anchors: h.anchors })),
  };
  parentPort?.postMessage(result);
});
