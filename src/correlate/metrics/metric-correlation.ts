import type { Correlation, Finding } from '../../model/report.js';
import { getAt } from '../../pipeline/findings.js';
import type { Analysis, Stage } from '../../pipeline/types.js';
import { CHAIN_RULES, EVENT_RULES, SLACK_SECONDS } from './explain-rules.js';
import { seriesRole, type SeriesRole } from './series-roles.js';

/** A metric change point as the rules see it: its sample interval on the common axis. */
interface Change {
  finding: Finding;
  role: SeriesRole | null;
  direction: 'drop' | 'surge';
  /** End of the sample interval (the change's instant) and its start, epoch ms. */
  end: number;
  start: number;
  intervalMs: number;
}

const LOWER: Record<Correlation['confidence'], Correlation['confidence']> = { high: 'medium', medium: 'low', low: 'low' };

/**
 * Links metric change points to what explains them: events inside (or a clock tick before) the sample
 * interval of the change (EVENT_RULES), and earlier changes that cause later ones (CHAIN_RULES: page
 * cache dropped → reads surge → latency rises). A change with nothing near it gets no cause; an event
 * with no change in its interval is not linked.
 */
export const metricCorrelationStage: Stage = {
  name: 'metric-correlation',
  run(analysis) {
    const changes = analysis.findings.map(toChange).filter((c): c is Change => c !== null);
    if (changes.length === 0) return;
    const known = new Set(analysis.correlations.map((c) => `${c.from}>${c.to}`));
    const add = (c: Correlation) => {
      const key = `${c.from}>${c.to}`;
      if (known.has(key)) return;
      known.add(key);
      analysis.correlations.push(c);
    };
    for (const change of changes) explainByEvents(analysis, change).forEach(add);
    for (const cause of changes) {
      for (const effect of changes) {
        const link = chain(cause, effect);
        if (link) add(link);
      }
    }
  },
};

function toChange(f: Finding): Change | null {
  if (f.kind !== 'metric_drop' && f.kind !== 'metric_surge') return null;
  const [end] = getAt(f);
  if (end === null) return null;
  const rawEnd = Date.parse(String(f.details.intervalEnd ?? ''));
  const rawStart = Date.parse(String(f.details.intervalStart ?? ''));
  const intervalMs = Number.isFinite(rawEnd) && Number.isFinite(rawStart) && rawEnd > rawStart ? rawEnd - rawStart : 0;
  return {
    finding: f,
    role: seriesRole(String(f.details.series ?? '')),
    direction: f.kind === 'metric_drop' ? 'drop' : 'surge',
    end,
    start: end - intervalMs,
    intervalMs,
  };
}

function explainByEvents(analysis: Analysis, change: Change): Correlation[] {
  const candidates: Array<{ event: Finding; at: number; confidence: Correlation['confidence']; why: string }> = [];
  for (const rule of EVENT_RULES) {
    if (rule.role !== change.role || rule.direction !== change.direction) continue;
    for (const event of analysis.findings) {
      if (event.host !== change.finding.host || !rule.eventKinds.includes(event.kind)) continue;
      const [at] = getAt(event);
      if (at === null || at > change.end || at < change.start - SLACK_SECONDS * 1000) continue;
      candidates.push({ event, at, confidence: rule.confidence, why: rule.why });
    }
  }
  // The event closest to the change is the likeliest cause; others in the same interval rank lower.
  candidates.sort((a, b) => b.at - a.at);
  return candidates.map((c, i) => ({
    from: c.event.id,
    to: change.finding.id,
    lagSeconds: Math.round((change.end - c.at) / 1000),
    relation: 'explains' as const,
    reason: `${c.event.title} at ${c.event.first.wall ?? '?'} falls in the sample ending ${change.finding.first.wall ?? '?'} where ${describe(change)}: ${c.why}`,
    confidence: i === 0 ? c.confidence : LOWER[c.confidence],
  }));
}

function chain(cause: Change, effect: Change): Correlation | null {
  if (cause === effect || cause.finding.host !== effect.finding.host) return null;
  const lagMs = effect.end - cause.end;
  if (lagMs < 0) return null;
  for (const rule of CHAIN_RULES) {
    if (rule.from.role !== cause.role || rule.from.direction !== cause.direction) continue;
    if (rule.to.role !== effect.role || rule.to.direction !== effect.direction) continue;
    const interval = cause.intervalMs || effect.intervalMs || 60_000;
    if (lagMs > rule.maxIntervals * interval) continue;
    return {
      from: cause.finding.id,
      to: effect.finding.id,
      lagSeconds: Math.round(lagMs / 1000),
      relation: 'explains',
      reason: `${describe(cause)} at ${cause.finding.first.wall ?? '?'}, then ${describe(effect)} at ${effect.finding.first.wall ?? '?'}: ${rule.why}`,
      confidence: rule.confidence,
    };
  }
  return null;
}

function describe(change: Change): string {
  const d = change.finding.details;
  const rel = typeof d.relativeChange === 'number' ? ` (${d.relativeChange > 0 ? '+' : ''}${Math.round(d.relativeChange * 100)}%)` : '';
  const device = d.device ? ` of ${String(d.device)}` : '';
  return `${String(d.series)}${device} ${change.direction === 'drop' ? 'dropped' : 'surged'} from ${String(d.before)} to ${String(d.after)}${rel}`;
}
