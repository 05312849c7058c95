// Apart from analyze.ts so that a worker thread (job.ts) does not load the stages, the knowledge base,
// the history store and the report schema with it.
import type { Stamp } from '../model/time.js';
import { epochMsToIso } from '../timeline/civil-time.js';
import type { Analysis, AnalyzeOptions } from './types.js';

/** Before the clock stage runs, a stamp is placed only by its own wall clock. */
function resolveOwnClock(_host: string, stamp: Stamp) {
  const at = stamp.wallMs ?? null;
  return {
    at,
    time: {
      wall: at === null ? null : epochMsToIso(at),
      uptime: stamp.uptime ?? null,
      boot: stamp.boot ?? null,
      ...(stamp.estimated ? { estimated: true } : {}),
      ...(stamp.uncertaintySeconds !== undefined ? { uncertaintySeconds: stamp.uncertaintySeconds } : {}),
    },
  };
}

export function newAnalysis(options: AnalyzeOptions): Analysis {
  return {
    options,
    hosts: new Map(),
    drafts: [],
    signals: [],
    series: [],
    inputs: [],
    diagnostics: [],
    findings: [],
    correlations: [],
    firstAnomaly: null,
    conclusion: null,
    knownIssues: [],
    requests: [],
    upstream: [],
    resolve: resolveOwnClock,
  };
}
