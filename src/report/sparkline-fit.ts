/**
 * Lays the sparklines (sparkline.ts) out in the terminal width: the chart takes what the label and
 * the summary leave; when that is too little, the summary moves under the chart. Event-mark lines
 * keep their `^` columns and wrap their names below.
 */
import type { Report } from '../model/report.js';
import { renderSparklines } from './sparkline.js';
import { wrap } from './wrap.js';

const BAR = /[▁▂▃▄▅▆▇█]/;
/** Narrower than this a chart no longer shows the shape of a change. */
const MIN_CHART = 24;

/** @example fittedSparklines(report, 100) — every line at most 100 code points. */
export function fittedSparklines(report: Report, width: number): string[] {
  const probe = renderSparklines(report, { width: MIN_CHART });
  const mains = probe.filter((l) => !l.startsWith(' '));
  if (mains.length === 0) return [];
  // A series that starts later has blanks before its bars; the earliest one shows where charts begin.
  const pad = Math.min(...mains.map((l) => [...l].findIndex((ch) => BAR.test(ch))));
  const summary = Math.max(...mains.map((l) => [...l].length - pad - MIN_CHART));
  const inline = width - pad - summary;
  const chart = Math.max(MIN_CHART, inline >= MIN_CHART ? inline : width - pad);
  const lines = renderSparklines(report, { width: chart });
  const out: string[] = [];
  for (const line of lines) {
    const chars = [...line];
    if (chars.length <= width) {
      out.push(line);
      continue;
    }
    if (!line.startsWith(' ')) {
      // label + chart, then the summary under the chart
      const head = chars.slice(0, pad + chart).join('').trimEnd();
      out.push(head, ...wrap(chars.slice(pad + chart).join('').trim(), width, ' '.repeat(pad)));
    } else {
      // `^` marks, then the event names under them
      const marks = chars.slice(0, pad + chart).join('').trimEnd();
      out.push(marks, ...wrap(chars.slice(pad + chart).join('').trim(), width, ' '.repeat(pad)));
    }
  }
  return out;
}
