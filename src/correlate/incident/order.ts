import type { Finding } from '../../model/report.js';
import type { Analysis, Stage } from '../../pipeline/types.js';
import { getAt } from '../../pipeline/findings.js';
import { causeRules } from './causes.js';

/**
 * Placed findings in time order on the corrected axis. Metric change points (layer `metrics`) are context
 * (a series moved; events say why): they count only when there is nothing else, so that the end of a busy
 * workload is not called the first anomaly of an incident that events describe.
 */
export function orderedFindings(analysis: Analysis): Array<{ f: Finding; at: number }> {
  return candidates(analysis)
    .map((f) => ({ f, at: getAt(f)[0] }))
    .filter((x): x is { f: Finding; at: number } => x.at !== null)
    .sort((a, b) => a.at - b.at || a.f.id.localeCompare(b.f.id));
}

function candidates(analysis: Analysis): Finding[] {
  const events = analysis.findings.filter((f) => f.layer !== 'metrics');
  return events.length ? events : analysis.findings;
}

function uncertainty(f: Finding): number {
  return f.first.uncertaintySeconds ?? 0;
}

/**
 * `first-anomaly`: the earliest finding on the corrected axis. Findings whose start is within the two
 * clocks' combined uncertainty of it are `tiedWith`: the order between them cannot be told.
 */
export const firstAnomalyStage: Stage = {
  name: 'first-anomaly',
  run(analysis) {
    const ordered = orderedFindings(analysis);
    if (!ordered.length) return;
    const { f, at } = ordered[0];
    const tied = ordered.slice(1).filter((x) => (x.at - at) / 1000 <= uncertainty(f) + uncertainty(x.f));
    const next = ordered.slice(1).find((x) => !tied.includes(x));
    const unplaced = candidates(analysis).length - ordered.length;
    const context = analysis.findings.length - candidates(analysis).length;
    const parts = [`${f.kind} on ${f.host} is the earliest of ${ordered.length} finding(s) on the skew-corrected timeline`];
    if (next) parts.push(`${Math.round((next.at - at) / 1000)} s before ${next.f.kind} on ${next.f.host}`);
    if (tied.length) parts.push(`tied within the clock uncertainty with ${tied.map((x) => `${x.f.kind} on ${x.f.host}`).join(', ')}`);
    if (context) parts.push(`${context} metric change point(s) are context, not anomalies by themselves`);
    if (unplaced) parts.push(`${unplaced} finding(s) without wall-clock time could not be ordered`);
    analysis.firstAnomaly = {
      findingId: f.id,
      host: f.host,
      time: f.first,
      reason: parts.join('; '),
      tiedWith: tied.map((x) => x.f.id),
      uncertaintySeconds: f.first.uncertaintySeconds ?? null,
    };
  },
};

/** Findings this close in time belong to one incident's chain. */
const INCIDENT_GAP_SECONDS = 3600;

/** `incident-chain`: `explains` for cause→effect pairs of the rule table, `precedes` for the rest of the chain. */
export const incidentChainStage: Stage = {
  name: 'incident-chain',
  run(analysis) {
    const ordered = orderedFindings(analysis);
    const explained = new Set<string>();
    for (let i = 0; i < ordered.length; i++) {
      for (let j = i + 1; j < ordered.length; j++) {
        const a = ordered[i];
        const b = ordered[j];
        const lag = (b.at - a.at) / 1000;
        const rule = causeRules.find((r) => r.cause === a.f.kind && r.effect === b.f.kind && (!r.sameHost || a.f.host === b.f.host) && lag <= r.maxLagSeconds);
        if (!rule) continue;
        explained.add(`${a.f.id}>${b.f.id}`);
        analysis.correlations.push({ from: a.f.id, to: b.f.id, lagSeconds: lag, relation: 'explains', reason: `${a.f.kind} on ${a.f.host} → ${b.f.kind} on ${b.f.host} ${lag} s later: ${rule.reason}`, confidence: lag <= 600 ? 'high' : 'medium' });
      }
    }
    for (let i = 0; i + 1 < ordered.length; i++) {
      const a = ordered[i];
      const b = ordered[i + 1];
      const lag = (b.at - a.at) / 1000;
      if (lag > INCIDENT_GAP_SECONDS || explained.has(`${a.f.id}>${b.f.id}`)) continue;
      analysis.correlations.push({ from: a.f.id, to: b.f.id, lagSeconds: lag, relation: 'precedes', reason: `${a.f.kind} on ${a.f.host} came ${lag} s before ${b.f.kind} on ${b.f.host}`, confidence: 'low' });
    }
  },
};
