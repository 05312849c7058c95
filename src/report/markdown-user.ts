import type { Finding, KnownIssueMatch, Report } from '../model/report.js';
import { asSentence, escapeMarkdown as md, markdownCode, markdownProse as prose, safeHref } from './escape.js';
import { timelineTable } from './markdown-shared.js';
import { LAYER_WORDS, byImportance, detailSummary, plainKind } from './plain-words.js';
import { metricSentence, plainReason } from './report-words.js';
import { friendlySpan, friendlyTime } from './time-format.js';

/** How a verdict reads to a user deciding what to do. */
const VERDICT_WORDS: Record<KnownIssueMatch['verdict'], string> = {
  affected: 'Your system is affected.',
  no_fix: 'Your system is affected, and no released version fixes it yet: use the workaround.',
  fixed: 'Your version already contains the fix, so this is probably not what happened.',
  not_affected: 'Your system does not match this known issue.',
  unknown: 'We cannot tell yet whether your system is affected.',
};

const MAX_EVENTS = 8;

/**
 * The comment a user pastes into a bug report: what happened in plain words, what to do now, whether
 * an upgrade fixes it, what information would confirm it. Known issues carry the user wording
 * (`summary`, `workaround`, `fix`); findings are described by kind, not by kernel function.
 */
export function renderUserMarkdown(report: Report): string {
  const out: string[] = [];
  const relevant = report.knownIssues.filter((k) => k.verdict !== 'not_affected' && k.verdict !== 'fixed');
  const ruledOut = report.knownIssues.filter((k) => k.verdict === 'not_affected' || k.verdict === 'fixed');
  const lead = relevant[0];

  out.push('## What happened', '');
  if (lead) out.push(`**In short:** ${prose(lead.summary)}`, '');
  else if (report.conclusion) out.push(`**In short:** ${prose(report.conclusion.summary)}`, '');
  const findings = byImportance(report.findings, report.firstAnomaly?.findingId);
  if (!findings.length) out.push('The analysis found nothing abnormal in the logs that were supplied.');
  for (const f of findings.slice(0, MAX_EVENTS)) out.push(`- ${eventSentence(report, f)}`);
  if (findings.length > MAX_EVENTS) out.push(`- … and ${findings.length - MAX_EVENTS} smaller events (see the details below).`);
  const fa = report.firstAnomaly;
  const first = fa && report.findings.find((f) => f.id === fa.findingId);
  if (first && report.findings.length > 1) {
    out.push('', `The first sign of trouble was on **${md(first.host)}**: ${md(plainKind(first))} (${md(friendlyTime(first.first))}).`);
  }
  // A matched known issue says more than a low-confidence layer guess; show the guess only without one.
  const leadIsSure = lead && (lead.verdict === 'affected' || lead.verdict === 'no_fix') && lead.confidence !== 'low';
  if (report.conclusion?.layer && !(leadIsSure && report.conclusion.confidence === 'low')) {
    const c = report.conclusion;
    out.push('', `Where the problem most likely is: **${md(LAYER_WORDS[c.layer!])}** (${c.confidence} confidence).`);
  }

  if (relevant.length) out.push('', '## Is this a known problem?', '');
  for (const k of relevant) {
    // The lead issue's summary already opened the report: do not say it twice.
    out.push(`**${md(k.title)}** (${markdownCode(k.id)})`, '');
    if (k !== lead) out.push(prose(k.summary), '');
    // Only the first sentence of the reason: the rest is for engineers and sits in the details below.
    const why = firstSentence(plainReason(k, true));
    out.push(`${VERDICT_WORDS[k.verdict]}${why ? ` ${prose(asSentence(why))}` : ''}`);
    for (const u of k.unknownConditions) out.push(`- Still to check: ${prose(u)}`);
    out.push('');
  }

  out.push('', '## What to do now', '');
  const workarounds = relevant.flatMap((k) => k.workaround);
  if (workarounds.length) for (const w of workarounds) out.push(`- ${prose(w)}`);
  else out.push('- No workaround is known for these findings yet. Collect the information listed below and keep the logs of the affected hosts.');

  out.push('', '## Will an upgrade fix it?', '');
  if (!relevant.length) out.push('No known fix matches these findings yet; the information below helps find out.');
  for (const k of relevant) out.push(`- ${upgradeSentence(k)}`);

  if (report.requests.length) out.push('', '## Information that would help', '');
  for (const r of report.requests) {
    const where = r.host ? ` (${md(r.host)})` : '';
    out.push(`- ${markdownCode(r.command)}${where}: ${prose(asSentence(r.why))}`);
  }

  out.push('', '<details><summary>Technical details</summary>', '');
  out.push(...hostLines(report), '', ...timelineTable(report));
  for (const k of relevant) out.push('', `Why ${md(k.id)} applies: ${prose(asSentence(plainReason(k, false)))}`);
  if (ruledOut.length) out.push('', 'Known issues checked and ruled out:');
  for (const k of ruledOut) out.push(`- ${md(k.title)}: ${k.verdict.replace('_', ' ')} (${prose(k.reason)})`);
  const refs = report.knownIssues.flatMap((k) => k.references);
  if (refs.length) out.push('', 'References:');
  for (const r of refs) {
    const href = safeHref(r.url);
    out.push(href ? `- [${md(r.title)}](${href.replace(/[()]/g, encodeURIComponent)})` : `- ${md(r.title)}${r.url ? ` (${md(r.url)})` : ''}`);
  }
  out.push('', `<sub>Written by ${md(report.generatedBy)} from ${report.inputs.length} input file(s).</sub>`, '', '</details>');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

function eventSentence(report: Report, f: Finding): string {
  const times = f.count > 1 ? `${f.count} times` : 'once';
  const device = f.device ? `, involving the device ${markdownCode(f.device)}` : '';
  const host = report.hosts.find((h) => h.name === f.host);
  const kernel = host?.kernel.release ? ` (kernel ${md(host.kernel.release)})` : '';
  const metric = metricSentence(f);
  const capital = (metric ?? plainKind(f)).replace(/^./, (c) => c.toUpperCase());
  const numbers = metric ? null : detailSummary(f);
  return `${md(capital)}${numbers ? ` (${md(numbers)})` : ''}: on **${md(f.host)}**${kernel}, ${times}${device}, ${md(friendlySpan(f.first, f.last))}.`;
}

function upgradeSentence(k: KnownIssueMatch): string {
  const fixes = k.fix.map((x) => prose(asSentence(x))).join(' ');
  switch (k.verdict) {
    case 'affected':
      // A knowledge-base fix that starts "No released fix" is a plain no.
      if (/^no\b/i.test(k.fix[0] ?? '')) return `No: *${md(k.title)}* has no released fix yet; use the workaround above. (${fixes})`;
      // The knowledge base words the fix itself ("fixed in 4.17", "no released fix"): quote it, do not guess yes/no.
      return fixes ? `*${md(k.title)}*: ${fixes}` : `*${md(k.title)}*: no fixed version is recorded.`;
    case 'no_fix':
      return `No: no version fixes *${md(k.title)}* on its own yet.${fixes ? ` ${fixes}` : ''} Use the workaround above.`;
    case 'unknown':
      return `Possibly, for *${md(k.title)}*${fixes ? `: ${fixes}` : '.'} First we need the information below.`;
    default:
      return `*${md(k.title)}*: ${VERDICT_WORDS[k.verdict]}`;
  }
}

function firstSentence(s: string): string {
  const m = /^.*?[.!?](?=\s+[A-Z]|$)/s.exec(s);
  return (m ? m[0] : s).trim();
}

function hostLines(report: Report): string[] {
  return report.hosts.map((h) => {
    const k = h.kernel;
    const taint = k.tainted === null ? 'taint unknown' : k.tainted ? `tainted (${k.taint.map((t) => t.letter).join('')})` : 'not tainted';
    return `- **${md(h.name)}**: kernel ${md(k.release ?? 'unknown')}, ${md(k.distro ?? 'distribution unknown')}, ${taint}`;
  });
}
