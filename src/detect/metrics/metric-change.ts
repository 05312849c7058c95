import { createHash } from 'node:crypto';
import { eventDraft, type FindingDraft } from '../../model/observation.js';
import { epochMsToIso } from '../../timeline/civil-time.js';
import type { Detector, DetectContext, Emit } from '../types.js';
import { type ChangePoint, createChangeTracker, type Sample } from './change-point.js';
import { createDownsampler, type Downsampler } from './downsample.js';
import { KEY_SERIES, QUIET_DEVICES, seriesUnit } from './series-info.js';

/** Chart points kept per series (min/max buckets). */
const MAX_POINTS = 500;

interface SeriesState {
  host: string;
  name: string;
  device: string | null;
  source: string;
  tracker: ReturnType<typeof createChangeTracker>;
  chart: Downsampler;
  lastT: number | null;
  changed: boolean;
}

/**
 * Change points in every metric series of one input (`metric_drop`, `metric_surge`), and a downsampled
 * copy of the series for charts. Series are keyed by host, column name and device (`rxpck/s` of eth0).
 */
export const metricChangeDetector: Detector = {
  name: 'metric-change',
  create(ctx: DetectContext) {
    /** Every series in the order it first appeared (the order charts are emitted in). */
    const series: SeriesState[] = [];
    /** Series by host and device, then by column name: one key string per record, not per value. */
    const byRow = new Map<string, Map<string, SeriesState>>();
    const rowOf = (host: string, device: string | null): Map<string, SeriesState> => {
      const key = `${host}\u0000${device ?? ''}`;
      let row = byRow.get(key);
      if (!row) byRow.set(key, (row = new Map()));
      return row;
    };
    const stateOf = (row: Map<string, SeriesState>, host: string, name: string, device: string | null, source: string): SeriesState => {
      let s = row.get(name);
      if (!s) {
        s = { host, name, device, source, tracker: createChangeTracker(), chart: createDownsampler(MAX_POINTS), lastT: null, changed: false };
        row.set(name, s);
        series.push(s);
      }
      return s;
    };
    const report = (s: SeriesState, cps: ChangePoint[], emit: Emit) => {
      for (const cp of cps) {
        s.changed = true;
        emit({ type: 'finding', finding: toDraft(ctx, s, cp) });
      }
    };
    return {
      push(record, emit) {
        if (record.kind !== 'metric' || record.stamp.wallMs === undefined) return;
        const t = record.stamp.wallMs;
        const host = record.host ?? ctx.host;
        const device = record.device ?? null;
        const values = record.values;
        let row: Map<string, SeriesState> | null = null;
        for (const name in values) {
          const v = values[name];
          if (!Number.isFinite(v)) continue;
          row ??= rowOf(host, device);
          const s = stateOf(row, host, name, device, record.source);
          // Samples out of time order (a second report block of the same series) are charted only.
          s.chart.push(t, v);
          if (s.lastT !== null && t <= s.lastT) continue;
          const start = record.intervalSeconds !== undefined ? t - record.intervalSeconds * 1000 : s.lastT;
          s.lastT = t;
          const sample: Sample = { t, v, line: record.line, start };
          report(s, s.tracker.push(sample), emit);
        }
      },
      end(emit) {
        for (const s of series) {
          report(s, s.tracker.end(), emit);
          const charted = s.changed || s.source === 'csv' || (KEY_SERIES.has(s.name) && !QUIET_DEVICES.test(s.device ?? ''));
          if (!charted) continue;
          emit({ type: 'series', series: { host: s.host, name: s.name, device: s.device, file: ctx.file, points: s.chart.points() } });
        }
      },
    };
  },
};

function toDraft(ctx: DetectContext, s: SeriesState, cp: ChangePoint): FindingDraft {
  const kind = cp.direction === 'drop' ? 'metric_drop' : 'metric_surge';
  const what = s.device ? `${s.name} of ${s.device}` : s.name;
  const intervalStart = cp.change.start ?? cp.previous?.t ?? null;
  const unit = seriesUnit(s.name, s.source);
  const relativeChange = cp.before !== 0 ? round((cp.after - cp.before) / Math.abs(cp.before), 4) : null;
  const samples = [cp.previous, cp.change, ...cp.confirmations].filter((x): x is Sample => x !== null);
  return eventDraft({
    kind,
    title: `metric ${cp.direction}: ${what} on ${s.host}`,
    signature: createHash('sha256').update(`${kind}\u0000${s.name}\u0000${s.device ?? ''}`).digest('hex').slice(0, 16),
    host: s.host,
    layer: 'metrics',
    subsystem: null,
    device: s.device,
    stamp: { wallMs: cp.change.t },
    ...(cp.recovery ? { lastStamp: { wallMs: cp.recovery.t } } : {}),
    details: {
      series: s.name,
      device: s.device,
      source: s.source,
      before: round(cp.before, 3),
      after: round(cp.after, 3),
      peak: round(cp.peak, 3),
      relativeChange,
      intervalStart: intervalStart !== null ? epochMsToIso(intervalStart) : null,
      intervalEnd: epochMsToIso(cp.change.t),
      recoverySeconds: cp.recovery ? Math.round((cp.recovery.t - cp.change.t) / 1000) : null,
      ...(unit ? { unit } : {}),
    },
    evidence: samples.map((x) => ({
      file: ctx.file,
      line: x.line,
      text: `${epochMsToIso(x.t)} ${what} = ${x.v}${x === cp.change ? ` (baseline ${round(cp.before, 3)})` : ''}`,
    })),
  });
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
