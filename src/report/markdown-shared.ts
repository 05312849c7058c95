import type { Finding, Report } from '../model/report.js';
import { escapeMarkdown as md } from './escape.js';
import { byImportance, groupOf } from './plain-words.js';
import { correlationWords } from './report-words.js';
import { compareTime, timeLabel } from './time-format.js';

/** The finding a report is about: the worst kernel report, else the first anomaly, else the top one. */
export function primaryFinding(report: Report): Finding | null {
  const sorted = byImportance(report.findings, report.firstAnomaly?.findingId);
  const kernel = sorted.find((f) => (groupOf(f) === 'kernel_report' || groupOf(f) === 'hang') && f.frames.length);
  const first = report.findings.find((f) => f.id === report.firstAnomaly?.findingId);
  return kernel ?? sorted.find((f) => groupOf(f) === 'kernel_report' || groupOf(f) === 'hang') ?? first ?? sorted[0] ?? null;
}

/** A Markdown table of the findings in time order, with the correlations that explain them. */
export function timelineTable(report: Report, withLinks = true): string[] {
  if (!report.findings.length) return ['No events were found in the supplied inputs.'];
  const rows = [...report.findings].sort((a, b) => compareTime(a.first, b.first));
  const out = ['| First seen | Last seen | Host | Event | Count |', '|---|---|---|---|---|'];
  for (const f of rows) {
    const mark = f.id === report.firstAnomaly?.findingId ? ' **(first anomaly)**' : '';
    out.push(`| ${md(timeLabel(f.first))} | ${md(timeLabel(f.last))} | ${md(f.host)} | ${md(f.title)}${mark} | ${f.count} |`);
  }
  if (!withLinks) return out;
  const links = correlationWords(report);
  if (links.length) out.push('');
  for (const l of links) out.push(`- ${md(l.from)} **${md(l.relation)}** ${md(l.to)}, ${md(l.lag)} (${l.confidence} confidence): ${md(l.reason)}`);
  return out;
}
