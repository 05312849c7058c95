import type { Finding, Report, Series } from '../model/report.js';

const BARS = '▁▂▃▄▅▆▇█';

export interface SparklineOptions {
  /** Characters of the sparkline itself (the label and summary come around it). */
  width: number;
}

/**
 * One small text chart per significant series (a series with a metric_drop/metric_surge finding), on a
 * common time axis, with `^` under the positions of the events linked to its change by correlations.
 * Returns plain lines (no colour) for the terminal summary.
 *
 * @example renderSparklines(report, { width: 40 })
 * // ['kbcached on db01  ████████▁▁▂▃▅▆▇███  20111739 → 412904 (-98%) at 10:03:01',
 * //  '                           ^ capacity change of md0 10:02:41']
 */
export function renderSparklines(report: Report, options: SparklineOptions): string[] {
  const width = Math.max(8, Math.floor(options.width));
  const changes = report.findings.filter((f) => f.kind === 'metric_drop' || f.kind === 'metric_surge');
  const charted: Array<{ change: Finding; series: Series }> = [];
  for (const change of changes) {
    const series = (report.series ?? []).find(
      (s) => s.host === change.host && s.name === change.details.series && (s.device ?? null) === (change.details.device ?? null),
    );
    if (series && series.points.length > 1 && !charted.some((c) => c.series === series)) charted.push({ change, series });
  }
  if (charted.length === 0) return [];
  const times = charted.flatMap((c) => c.series.points.map((p) => p[0]));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const column = (t: number) => (t1 === t0 ? 0 : Math.min(width - 1, Math.max(0, Math.floor(((t - t0) / (t1 - t0)) * (width - 1) + 0.5))));
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  const labels = charted.map((c) => label(c.change));
  const pad = Math.max(...labels.map((l) => l.length)) + 2;
  const lines: string[] = [];
  charted.forEach(({ change, series }, i) => {
    lines.push(`${labels[i].padEnd(pad)}${bars(series, width, column)}  ${summary(change)}`);
    const events = report.correlations
      .filter((c) => c.to === change.id)
      .map((c) => byId.get(c.from))
      .filter((f): f is Finding => f !== undefined && f.kind !== 'metric_drop' && f.kind !== 'metric_surge');
    const marks = events
      .map((e) => ({ e, t: Date.parse(e.first.wall ?? '') }))
      .filter((m) => Number.isFinite(m.t) && m.t >= t0 && m.t <= t1);
    if (marks.length === 0) return;
    const row = Array.from({ length: width }, () => ' ');
    for (const m of marks) row[column(m.t)] = '^';
    const names = marks.map((m) => `${m.e.title} ${clock(m.e.first.wall)}`).join('; ');
    lines.push(`${' '.repeat(pad)}${row.join('').trimEnd()} ${names}`.trimEnd());
  });
  return lines;
}

function bars(series: Series, width: number, column: (t: number) => number): string {
  const sums = new Array<number>(width).fill(0);
  const counts = new Array<number>(width).fill(0);
  for (const [t, v] of series.points) {
    const c = column(t);
    sums[c] += v;
    counts[c] += 1;
  }
  const values = sums.map((s, i) => (counts[i] ? s / counts[i] : null));
  const present = values.filter((v): v is number => v !== null);
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  const first = series.points[0][0];
  const last = series.points[series.points.length - 1][0];
  let carry: number | null = null;
  return values
    .map((v, i) => {
      if (v !== null) carry = v;
      // Outside the series' own time range the column stays blank; gaps inside repeat the last level.
      if (i < column(first) || i > column(last) || carry === null) return ' ';
      const level = hi === lo ? 0 : Math.round(((carry - lo) / (hi - lo)) * (BARS.length - 1));
      return BARS[level];
    })
    .join('');
}

function label(change: Finding): string {
  const d = change.details;
  return `${String(d.series)}${d.device ? ` of ${String(d.device)}` : ''} on ${change.host}`;
}

function summary(change: Finding): string {
  const d = change.details;
  const rel = typeof d.relativeChange === 'number' ? ` (${d.relativeChange > 0 ? '+' : ''}${Math.round(d.relativeChange * 100)}%)` : '';
  const unit = typeof d.unit === 'string' && d.unit !== '/s' ? ` ${d.unit}` : typeof d.unit === 'string' ? d.unit : '';
  const recovery = typeof d.recoverySeconds === 'number' ? `, recovered after ${Math.round(d.recoverySeconds / 60)} min` : '';
  return `${compact(d.before)} → ${compact(d.after)}${unit}${rel} at ${clock(change.first.wall)}${recovery}`;
}

function compact(v: unknown): string {
  if (typeof v !== 'number') return '?';
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(2)}G`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(1)}k`;
  return String(Math.round(v * 100) / 100);
}

/** `HH:MM:SS` of an ISO wall time as written (the host's offset), or `?`. */
function clock(wall: string | null): string {
  const m = /T(\d{2}:\d{2}:\d{2})/.exec(wall ?? '');
  return m ? m[1] : '?';
}
