import type { Finding, Report } from '../model/report.js';
import { stripTerminalControls as clean } from './escape.js';
import { plainKind } from './plain-words.js';
import { timeLabel, wallMs } from './time-format.js';
import { detailFacts } from './report-words.js';

/**
 * What the HTML page's script draws, computed here so the page script stays small: one mark per
 * finding with its position on a shared x axis (seconds: epoch seconds when wall clocks are known,
 * else uptime), the series downsampled, and every string cleaned of control characters.
 */
export interface PageMark {
  id: string;
  host: string;
  layer: string;
  kind: string;
  title: string;
  count: number;
  /** Position on the axis in seconds; null when the finding has no time on this axis. */
  x0: number | null;
  x1: number | null;
  when: string;
  facts: Array<[string, string]>;
  evidence: Array<{ file: string; line: number; host: string; text: string }>;
  trace: string[];
}

export interface PageData {
  axis: { mode: 'wall' | 'uptime'; min: number | null; max: number | null; tz: string; tzLabel: string };
  hosts: string[];
  marks: PageMark[];
  correlations: Array<{ from: string; to: string; label: string; reason: string; confidence: string }>;
  firstAnomaly: string | null;
  /** `related`: a finding names this series (a change point), so its chart comes first and open. */
  series: Array<{ host: string; label: string; name: string; file: string; related: boolean; xs: number[]; ys: number[] }>;
}

const MAX_EVIDENCE = 200;
const MAX_TEXT = 2000;
const MAX_POINTS = 1500;

export function buildPageData(report: Report): PageData {
  const mode = report.findings.some((f) => f.first.wall) || (report.series ?? []).some((s) => s.points.length) ? 'wall' : 'uptime';
  const pos = (t: Finding['first']): number | null => {
    if (mode === 'wall') {
      const ms = wallMs(t);
      return ms === null ? null : ms / 1000;
    }
    return t.uptime;
  };
  const hosts = unique([...report.hosts.map((h) => h.name), ...report.findings.map((f) => f.host), ...(report.series ?? []).map((s) => s.host)]);
  const marks = report.findings.map((f): PageMark => {
    const x0 = pos(f.first);
    const x1 = pos(f.last);
    return {
      id: clean(f.id),
      host: clean(f.host),
      layer: f.layer,
      kind: clean(f.kind),
      title: clean(f.title),
      count: f.count,
      x0,
      x1: x0 === null ? null : Math.max(x0, x1 ?? x0),
      when: f.count > 1 || timeLabel(f.first) !== timeLabel(f.last) ? `${timeLabel(f.first)} … ${timeLabel(f.last)}` : timeLabel(f.first),
      facts: facts(f),
      evidence: f.evidence.slice(0, MAX_EVIDENCE).map((e) => ({
        file: clean(e.file),
        line: e.line,
        host: clean(e.host ?? f.host),
        text: clean(e.text).slice(0, MAX_TEXT),
      })),
      trace: f.frames.map((fr) => clean(`${fr.reliable ? '' : '? '}${fr.function}${fr.offset ? `+${fr.offset}${fr.size ? `/${fr.size}` : ''}` : ''}${fr.module ? ` [${fr.module}]` : ''}${fr.stack !== 'task' ? ` (${fr.stack})` : ''}`)),
    };
  });
  const related = new Set(report.findings.map((f) => `${f.host}\n${String(f.details.series ?? '')}`));
  const series = (report.series ?? []).map((s) => {
    const pts = downsample([...s.points].sort((a, b) => a[0] - b[0]), MAX_POINTS);
    return {
      host: clean(s.host),
      label: clean(`${s.host} · ${s.name}${s.device ? ` (${s.device})` : ''}`),
      name: clean(s.name),
      related: related.has(`${s.host}\n${s.name}`),
      file: clean(s.file),
      xs: pts.map((p) => p[0] / 1000),
      ys: pts.map((p) => p[1]),
    };
  });
  series.sort((a, b) => Number(b.related) - Number(a.related));
  const xsAll = [...marks.flatMap((m) => (m.x0 === null ? [] : [m.x0, m.x1!])), ...series.flatMap((s) => [s.xs[0], s.xs[s.xs.length - 1]])].filter(
    (x): x is number => typeof x === 'number' && Number.isFinite(x),
  );
  let min = xsAll.length ? Math.min(...xsAll) : null;
  let max = xsAll.length ? Math.max(...xsAll) : null;
  if (min !== null && max !== null) {
    const pad = Math.max((max - min) * 0.04, 5);
    min -= pad;
    max += pad;
  }
  const tz = zoneOf(report);
  return {
    axis: { mode, min, max, ...tz },
    hosts: hosts.map(clean),
    marks,
    correlations: report.correlations.map((c) => ({
      from: clean(c.from),
      to: clean(c.to),
      label: c.lagSeconds !== null ? `${c.relation.replace('_', ' ')} · ${c.lagSeconds} s` : c.relation.replace('_', ' '),
      reason: clean(c.reason),
      confidence: c.confidence,
    })),
    firstAnomaly: report.firstAnomaly ? clean(report.firstAnomaly.findingId) : null,
    series,
  };
}

function facts(f: Finding): Array<[string, string]> {
  const out: Array<[string, string | null]> = [
    ['Host', f.host],
    ['When', timeLabel(f.first) === timeLabel(f.last) ? timeLabel(f.first) : `${timeLabel(f.first)} … ${timeLabel(f.last)}`],
    ['Count', String(f.count)],
    ['Kind', `${f.kind} (${f.layer})`],
    ['Means', plainKind(f)],
    ['Subsystem', f.subsystem],
    ['Device', f.device],
    ['Task', f.task ? `${f.task.comm} pid ${f.task.pid ?? '?'} state ${f.task.state ?? '?'}` : null],
    ['Workqueue', f.workqueue],
    ['Signature', f.signature],
  ];
  out.push(...detailFacts(f));
  return out.filter((p): p is [string, string] => p[1] !== null && p[1] !== '').map(([k, v]) => [clean(k), clean(v)]);
}

/** Keeps every n-th point plus each bucket's extreme, so a spike survives downsampling. */
function downsample(points: Array<[number, number]>, max: number): Array<[number, number]> {
  if (points.length <= max) return points;
  const bucket = Math.ceil(points.length / (max / 2));
  const out: Array<[number, number]> = [];
  for (let i = 0; i < points.length; i += bucket) {
    const chunk = points.slice(i, i + bucket);
    const lo = chunk.reduce((a, b) => (b[1] < a[1] ? b : a));
    const hi = chunk.reduce((a, b) => (b[1] > a[1] ? b : a));
    out.push(...(lo[0] <= hi[0] ? [lo, hi] : [hi, lo]));
  }
  return out;
}

/** The axis shows the logs' own offset when they agree on a whole-hour one (Etc/GMT signs are inverted). */
function zoneOf(report: Report): { tz: string; tzLabel: string } {
  const offsets = unique(
    report.findings.flatMap((f) => [f.first.wall, f.last.wall]).map((w) => (w ? /([+-]\d\d):?(\d\d)$/.exec(w) : null)).filter((m): m is RegExpExecArray => !!m).map((m) => `${m[1]}:${m[2]}`),
  );
  const only = offsets.length === 1 ? offsets[0]! : '+00:00';
  const [h, m] = [Number(only.slice(0, 3)), only.slice(4)];
  if (h === 0 || m !== '00') return { tz: 'UTC', tzLabel: 'UTC' };
  return { tz: `Etc/GMT${h > 0 ? '-' : '+'}${Math.abs(h)}`, tzLabel: `UTC${only}` };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
