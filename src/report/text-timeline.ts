import pc from 'picocolors';
import type { Report } from '../model/report.js';
import type { Time } from '../model/time.js';
import { stripTerminalControls } from './escape.js';

/**
 * The incident as a short timeline with one column per host, rows on the corrected time axis, the way an
 * engineer lines up two logs to see which side failed first. Rows are the findings' starts and ends and
 * the messages findings carry in `details.messages` (both ends of an exchange); the first anomaly is
 * marked with `▶`.
 *
 * @example renderIncidentTimeline(report, { width: 100, color: false }).join('\n')
 */
export interface TimelineOptions {
  width: number;
  color: boolean;
  /** At most this many rows; the rows nearest the first anomaly are kept. */
  maxRows?: number;
}

interface Row {
  ms: number;
  time: string;
  host: string;
  text: string;
  first: boolean;
}

function ms(t: Time | undefined): number | null {
  if (!t?.wall) return null;
  const v = Date.parse(t.wall);
  return Number.isFinite(v) ? v : null;
}

function clock(t: Time): string {
  const m = /T(\d\d:\d\d:\d\d)/.exec(t.wall ?? '');
  return (t.estimated ? '~' : ' ') + (m ? m[1] : '??:??:??');
}

function fit(s: string, w: number): string {
  const clean = stripTerminalControls(s);
  if (w <= 0) return '';
  return clean.length > w ? clean.slice(0, Math.max(0, w - 1)) + '…' : clean.padEnd(w);
}

function rowsOf(report: Report): Row[] {
  const firstId = report.firstAnomaly?.findingId;
  const rows: Row[] = [];
  for (const f of report.findings) {
    if (f.layer === 'metrics') continue;
    const a = ms(f.first);
    if (a === null) continue;
    const isFirst = f.id === firstId;
    rows.push({ ms: a, time: clock(f.first), host: f.host, text: `${isFirst ? '▶ ' : '● '}${f.kind} starts`, first: isFirst });
    const messages = Array.isArray(f.details.messages) ? (f.details.messages as Array<{ host?: unknown; time?: Time; text?: unknown }>) : [];
    for (const m of messages) {
      const t = ms(m.time);
      if (t === null || typeof m.host !== 'string') continue;
      rows.push({ ms: t, time: clock(m.time!), host: m.host, text: String(m.text ?? '').replace(/^[\w.-]+(\[\d+\])?: /, ''), first: false });
    }
    const b = ms(f.last);
    if (b !== null && b !== a) rows.push({ ms: b, time: clock(f.last), host: f.host, text: `■ ${f.kind} ends`, first: false });
  }
  return rows.sort((x, y) => x.ms - y.ms);
}

export function renderIncidentTimeline(report: Report, options: TimelineOptions): string[] {
  let rows = rowsOf(report);
  if (!rows.length) return [];
  const max = options.maxRows ?? 40;
  if (rows.length > max) {
    const i = Math.max(0, rows.findIndex((r) => r.first));
    const start = Math.min(Math.max(0, i - Math.floor(max / 4)), rows.length - max);
    rows = rows.slice(start, start + max);
  }
  const hosts = [...new Set(rows.map((r) => r.host))].sort();
  const timeW = 10;
  const colW = Math.max(12, Math.floor((options.width - timeW) / hosts.length) - 3);
  const paint = (s: string, first: boolean) => (options.color && first ? pc.bold(pc.red(s)) : s);
  const offsets = hosts.map((h) => {
    const state = report.hosts.find((x) => x.name === h);
    return state?.clockOffsetSeconds ? ` (${state.clockOffsetSeconds > 0 ? '+' : ''}${state.clockOffsetSeconds} s)` : '';
  });
  const ref = report.hosts.find((h) => h.clockReference)?.clockReference;
  const lines = [
    `${'time'.padEnd(timeW)}${hosts.map((h, i) => ' │ ' + fit(h + offsets[i], colW)).join('')}`,
    `${'─'.repeat(timeW)}${hosts.map(() => '─┼─' + '─'.repeat(colW)).join('')}`,
  ];
  for (const r of rows) {
    const cells = hosts.map((h) => ' │ ' + paint(fit(h === r.host ? r.text : '', colW), r.first && h === r.host));
    lines.push(paint(r.time.padEnd(timeW), r.first) + cells.join(''));
  }
  if (ref) lines.push(`times on ${stripTerminalControls(ref)}'s clock; ~ marks estimates; ▶ the first anomaly`);
  return lines;
}
