import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { Analysis, Stage } from '../pipeline/types.js';
import { openHistory } from './open.js';
import { recordAnalysis, type AnalysisRecord } from './record.js';

const toolVersion = (() => {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

/** The history record of an analysis: hosts with their kernel, findings by signature, known-issue matches. */
export function toRecord(analysis: Analysis, analyzedAt: Date): AnalysisRecord {
  return {
    analyzedAt: analyzedAt.toISOString(),
    toolVersion,
    inputs: analysis.inputs.map((i) => i.file),
    hosts: [...analysis.hosts.values()].map((h) => ({ name: h.name, kernelRelease: h.facts.get('kernel.release')?.at(-1) ?? null })),
    findings: analysis.findings,
    knownIssues: analysis.knownIssues,
  };
}

/**
 * Records the analysis in the history database and tells each finding whether its signature was seen
 * before (`finding.seen`), as syzbot's dashboard does for crashes. Runs only when `options.historyDb` is a
 * path; a database that cannot be opened or written is a diagnostic, never a failed analysis.
 */
export const historyStage: Stage = {
  name: 'history',
  run(analysis) {
    const path = analysis.options.historyDb;
    if (typeof path !== 'string' || path === '') return;
    let db;
    try {
      db = openHistory(path);
      const { seen } = recordAnalysis(db, toRecord(analysis, new Date()));
      for (const f of analysis.findings) {
        const s = seen.get(f.signature);
        if (s) f.seen = { ...s, hosts: [...s.hosts] };
      }
    } catch (err) {
      analysis.diagnostics.push({ file: path, severity: 'warning', message: `history not recorded: ${(err as Error).message}` });
    } finally {
      db?.close();
    }
  },
};
