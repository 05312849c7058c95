import { createColors } from 'picocolors';
import type { Finding, KnownIssueMatch, Report } from '../model/report.js';
import { stripTerminalControls as clean, stripTerminalControlsKeepColor } from './escape.js';
import { GROUPS, LAYER_WORDS, byImportance, detailSummary, groupOf, plainKind } from './plain-words.js';
import { spanLabel, timeLabel } from './time-format.js';
import { VERDICT_LABEL, clockSentence, correlationWords, exchangeSummary, leadKnownIssue, likelyLayer, metricSentence, plainReason } from './report-words.js';
import { truncate, wrap } from './wrap.js';

/** A block another renderer contributes (incident timeline, sparklines); lines are already laid out. */
export interface ExtraSection {
  title: string;
  lines: string[];
}

export interface TextOptions {
  /** The CLI decides: a TTY and no NO_COLOR. */
  color: boolean;
  width?: number;
  /** Rendered after the findings, in order (the lead passes the timeline and the sparklines). */
  extraSections?: ExtraSection[];
}

type Colors = ReturnType<typeof createColors>;

const VERDICT_MARK: Record<KnownIssueMatch['verdict'], string> = {
  affected: 'AFFECTED',
  no_fix: 'AFFECTED, NO FIX',
  fixed: 'fixed in this version',
  not_affected: 'not affected',
  unknown: 'UNKNOWN',
};

/**
 * The summary a person reads first: verdict, first anomaly, findings by importance, extra sections,
 * known issues, what to ask for, where to report. Every log-derived string is stripped of terminal
 * controls; colour only when `color` is true.
 * @example renderText(report, { color: false, width: 100 })
 */
export function renderText(report: Report, options: TextOptions): string {
  const c = createColors(options.color);
  const width = Math.max(40, options.width ?? 100);
  const out: string[] = [];
  const section = (title: string) => out.push('', c.bold(c.underline(title)));
  const byId = new Map(report.findings.map((f) => [f.id, f]));

  const hosts = report.hosts.map((h) => clean(h.name));
  out.push(
    c.bold(
      `ktriage: ${plural(report.findings.length, 'finding')} on ${plural(hosts.length, 'host')}` +
        (hosts.length ? ` (${truncate(hosts.join(', '), width - 40)})` : ''),
    ),
  );
  for (const h of report.hosts) {
    const k = h.kernel;
    const taint = k.tainted === null ? 'taint unknown' : k.tainted ? `tainted ${k.taint.map((t) => t.letter).join('')}` : 'not tainted';
    const line = `${clean(h.name)}: kernel ${clean(k.release ?? 'unknown')}, ${clean(k.distro ?? 'distribution unknown')}, ${taint}`;
    out.push(...wrap(line, width, '      ', '  ').map((l) => c.dim(l)));
    const clock = clockSentence(h);
    if (clock) out.push(...wrap(`${clean(clock)}; times below are corrected to ${clean(h.clockReference ?? '')}'s clock`, width, '      ', '    ').map((l) => c.dim(l)));
  }

  section('Verdict');
  const cc = report.conclusion;
  if (cc) {
    const layer = cc.layer ? `At fault: ${LAYER_WORDS[cc.layer]}` : 'The layer at fault is not determined';
    out.push(...wrap(`${layer}, ${cc.confidence} confidence`, width, '  ').map((l) => confidenceColor(c, cc.confidence)(l)));
    out.push(...wrap(clean(cc.summary), width, '  '));
    for (const r of cc.reasons) out.push(...wrap(clean(r), width, '    ', '  - '));
    const known = leadKnownIssue(report);
    if (known && known.id !== cc.knownIssue) out.push(...wrap(`Matches known issue ${clean(known.id)} (${VERDICT_LABEL[known.verdict]}, ${known.confidence} confidence): ${clean(known.title)}`, width, '    ', '  '));
  } else {
    // No correlation rule fired: still name the most likely layer, and say what it rests on.
    const likely = likelyLayer(report);
    const known = leadKnownIssue(report);
    if (!likely) out.push('  Nothing abnormal was found in the inputs.');
    else {
      const basis = known ? `the finding below and the known issue ${known.id} (${VERDICT_LABEL[known.verdict]})` : 'the most important finding below';
      out.push(...wrap(`Most likely at fault: ${clean(likely.words)}, from ${clean(basis)}`, width, '  ').map((l) => c.bold(l)));
      out.push(...wrap(`${clean(likely.finding.title)} on ${clean(likely.finding.host)}${likely.finding.count > 1 ? `, ${likely.finding.count} times` : ''}. No rule across findings confirmed the layer, so take it as the leading hypothesis.`, width, '  '));
    }
  }

  const fa = report.firstAnomaly;
  if (fa) {
    section('First anomaly');
    const f = byId.get(fa.findingId);
    out.push(`  ${c.bold(clean(fa.host))}  ${timeLabel(fa.time)}  ${clean(f?.title ?? fa.findingId)}`);
    out.push(...wrap(clean(fa.reason), width, '    '));
    if (fa.tiedWith.length) {
      const tied = fa.tiedWith.map((id) => clean(byId.get(id)?.title ?? id)).join('; ');
      const within = fa.uncertaintySeconds !== null ? ` within ±${fa.uncertaintySeconds} s` : '';
      out.push(...wrap(`Cannot be told apart${within} from: ${tied}`, width, '    '));
    }
  }

  const links = correlationWords(report);
  if (links.length) section('Correlations');
  const explained = new Set<string>();
  for (const l of links) {
    out.push(...wrap(`${clean(l.from)} ${c.bold(l.relation)} ${clean(l.to)}, ${l.lag} (${l.confidence} confidence)`, width, '      ', '  - '));
    // The mechanism after the last colon repeats across links of one cause: say it once.
    const why = l.reason.split(': ').at(-1) ?? l.reason;
    if (explained.has(why)) continue;
    explained.add(why);
    out.push(...wrap(clean(why), width, '      ').map((x) => c.dim(x)));
  }

  section('Findings');
  if (!report.findings.length) out.push('  none');
  const sorted = byImportance(report.findings, fa?.findingId);
  for (const group of GROUPS) {
    const inGroup = sorted.filter((f) => groupOf(f) === group.id);
    if (!inGroup.length) continue;
    out.push(`  ${c.cyan(group.heading)}`);
    for (const f of inGroup) out.push(...findingLines(f, c, width, f.id === fa?.findingId));
  }

  for (const extra of options.extraSections ?? []) {
    section(clean(extra.title));
    out.push(...extra.lines.map(stripTerminalControlsKeepColor));
  }

  if (report.knownIssues.length) section('Known issues');
  for (const k of report.knownIssues) {
    const mark = verdictColor(c, k.verdict)(VERDICT_MARK[k.verdict]);
    const hideUnknown = k.unknownConditions.length > 0;
    out.push(`  ${mark}  ${c.bold(clean(k.id))}`);
    out.push(c.dim(`    ${k.confidence} confidence`));
    out.push(...wrap(clean(k.title), width, '    '));
    out.push(...wrap(clean(k.summary), width, '    '));
    out.push(...wrap(`Why: ${clean(plainReason(k, hideUnknown))}`, width, '      ', '    '));
    for (const u of k.unknownConditions) out.push(...wrap(`Not known yet: ${clean(u)}`, width, '      ', '    '));
    for (const w of k.workaround) out.push(...wrap(clean(w), width, '      ', `    ${c.green('Workaround:')} `));
    for (const x of k.fix) out.push(...wrap(clean(x), width, '      ', `    ${c.green('Fix:')} `));
    for (const r of k.references.slice(0, 4)) out.push(c.dim(`    see ${clean(r.url ?? r.title)}`));
  }

  if (report.requests.length) section('What to ask for');
  for (const r of report.requests) {
    const host = r.host ? c.dim(` (on ${clean(r.host)})`) : '';
    out.push(...wrap(`${clean(r.command)}${host}`, width, '      ', `  ${c.yellow('$')} `));
    out.push(...wrap(clean(r.why), width, '      '));
  }

  if (report.upstream.length) section('Where to report');
  for (const u of report.upstream) {
    const who = [...u.lists, ...u.maintainers].map(clean).join(', ');
    out.push(...wrap(`${who || 'no contact known'}`, width, '      ', `  ${c.bold(clean(u.subsystem))}: `));
    out.push(...wrap(`${clean(u.why)} (from ${clean(u.source)})`, width, '      '));
  }

  out.push('', ...inputLines(report, c, width));
  return `${out.join('\n')}\n`;
}

function findingLines(f: Finding, c: Colors, width: number, isFirst: boolean): string[] {
  const count = f.count > 1 ? c.bold(` ×${f.count}`) : '';
  const first = isFirst ? c.red(' [first anomaly]') : '';
  // Titles wrap rather than cut: the end of a title ("replies lost on the way to the client") is often the point.
  const title = wrap(clean(f.title), width - 4 - [...clean(f.host)].length - (f.count > 1 ? 6 : 0) - (isFirst ? 16 : 0), '      ', '    ');
  const lines = title.map((l, i) => (i === title.length - 1 ? `${c.bold(l)}${count}  ${c.magenta(clean(f.host))}${first}` : c.bold(l)));
  const facts = [f.kind, f.layer, f.subsystem, f.device ? `device ${f.device}` : null];
  if (f.task) facts.push(`task ${f.task.comm}${f.task.pid !== null ? ` (pid ${f.task.pid}${f.task.state ? `, ${f.task.state}` : ''})` : ''}`);
  if (f.workqueue) facts.push(`workqueue ${f.workqueue}`);
  if (f.corrupted) facts.push('report damaged');
  lines.push(...wrap(facts.filter((x): x is string => !!x).map(clean).join(' · '), width, '        ', '      '));
  const span = spanLabel(f.first, f.last).replace(' … ', ' …\n');
  const spanLines = [...span].length + 6 > width ? span.split('\n') : [span.replace('\n', ' ')];
  lines.push(...spanLines.map((l, i) => c.dim(`${i ? '        ' : '      '}${l}`)));
  // A metric change says what was measured and how it moved; that is also what it means.
  const metric = metricSentence(f);
  const numbers = metric ?? detailSummary(f) ?? exchangeSummary(f);
  if (numbers) lines.push(...wrap(clean(numbers), width, '        ', '      '));
  if (!metric) lines.push(...wrap(`What it means: ${plainKind(f)}.`, width, '        ', '      ').map((l) => c.dim(l)));
  if (f.seen) {
    const s = f.seen;
    lines.push(
      c.dim(
        s.isNew
          ? '      new: never seen in earlier analyses'
          : `      seen before: ${s.count} times since ${clean((s.firstSeen ?? '?').replace(/T(\d\d:\d\d).*$/, ' $1 UTC'))} on ${s.hosts.map(clean).join(', ')}`,
      ),
    );
  }
  return lines;
}

function inputLines(report: Report, c: Colors, width: number): string[] {
  const lines = report.inputs.reduce((n, i) => n + i.lines, 0);
  const unparsed = report.inputs.reduce((n, i) => n + i.unparsed, 0);
  const skipped = report.inputs.filter((i) => i.skipped).length;
  const out = [
    c.dim(`Read ${plural(report.inputs.length, 'input')}, ${lines} lines (${unparsed} not parsed)${skipped ? `, ${skipped} skipped` : ''}.`),
  ];
  for (const d of report.diagnostics.slice(0, 5)) {
    out.push(...wrap(`${d.severity}: ${clean(d.file)}${d.line !== undefined ? `:${d.line}` : ''}: ${clean(d.message)}`, width, '    ', '  ').map((l) => c.yellow(l)));
  }
  if (report.diagnostics.length > 5) out.push(c.dim(`  … ${report.diagnostics.length - 5} more in --json`));
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function confidenceColor(c: Colors, confidence: 'low' | 'medium' | 'high') {
  return confidence === 'high' ? c.red : confidence === 'medium' ? c.yellow : c.dim;
}

function verdictColor(c: Colors, verdict: KnownIssueMatch['verdict']) {
  if (verdict === 'affected' || verdict === 'no_fix') return (s: string) => c.bold(c.red(s));
  if (verdict === 'unknown') return c.yellow;
  return c.green;
}
