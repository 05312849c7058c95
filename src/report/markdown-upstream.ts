import type { Finding, Frame, Host, KnownIssueMatch, Report } from '../model/report.js';
import { asSentence, escapeMarkdown as md, markdownCode, markdownFence, markdownProse as prose, safeHref, stripTerminalControls as clean } from './escape.js';
import { primaryFinding, timelineTable } from './markdown-shared.js';
import { groupOf } from './plain-words.js';
import { spanLabel, timeLabel } from './time-format.js';
import { VERDICT_LABEL, clockSentence, correlationWords, detailFacts, leadKnownIssue, metricSentence, plainReason } from './report-words.js';
import { deviceLabel, vendorOf } from './vendors.js';

/** Kinds whose absence the core detectors establish, so "not seen" is a real negative. */
const CHECKED_ABSENT: ReadonlyArray<{ kinds: string[]; words: string }> = [
  { kinds: ['oops', 'bug', 'gpf', 'panic', 'kasan', 'kfence', 'ubsan'], words: 'No Oops, BUG, general protection fault, KASAN report or panic' },
  { kinds: ['warning'], words: 'No kernel WARNING' },
  { kinds: ['oom_kill'], words: 'No out-of-memory kill' },
  { kinds: ['soft_lockup', 'hard_lockup', 'rcu_stall'], words: 'No soft/hard lockup or RCU stall' },
];

/**
 * A report a kernel maintainer accepts (Documentation/admin-guide/reporting-issues.rst): subject in the
 * list's style, one-sentence summary, environment, the decoded trace, timeline, what was ruled out,
 * reproduction status, what is still unknown, and where to send it.
 */
export function renderUpstreamMarkdown(report: Report): string {
  const f = primaryFinding(report);
  const host = f ? report.hosts.find((h) => h.name === f.host) : report.hosts[0];
  const release = host?.kernel.release ?? null;
  const vendor = vendorOf(host?.kernel.distro);
  const out: string[] = [];
  const contacts = report.upstream.filter((u) => !f || u.findings.includes(f.id) || u.findings.length === 0);
  const routes = contacts.length ? contacts : report.upstream;

  const leadIssue = leadKnownIssue(report, ['affected', 'no_fix']);
  out.push(`Subject: ${headerText(subjectLine(f, release, leadIssue))}`, '');
  if (routes.length) {
    out.push(`To: ${headerText(unique(routes.flatMap((u) => u.maintainers)).join(', ') || '(maintainers unknown)')}`);
    out.push(`Cc: ${headerText(unique(routes.flatMap((u) => u.lists)).join(', '))}`, '');
  }
  out.push(summarySentence(report, f, release), '');
  // A conclusion that rests on a known issue is said by the known-reports paragraph below.
  if (report.conclusion && !report.conclusion.knownIssue) {
    out.push(prose(report.conclusion.summary));
    for (const r of report.conclusion.reasons) out.push(`- ${prose(r)}`);
    out.push('');
  }
  const suspected = report.knownIssues.filter((k) => k.verdict !== 'not_affected' && k.verdict !== 'fixed');
  if (suspected.length) out.push('This matches known reports:', '');
  for (const k of suspected) {
    const refs = k.references.map((r) => (safeHref(r.url) ? `${md(r.title)} <${safeHref(r.url)}>` : md(r.title))).join('; ');
    const unknown = k.unknownConditions.length ? ` Not yet checked: ${k.unknownConditions.map(prose).join('; ')}.` : '';
    out.push(`- ${md(k.title)} (${markdownCode(k.id)}): ${VERDICT_LABEL[k.verdict]}. ${prose(asSentence(plainReason(k, true)))}${unknown}${refs ? ` See ${refs}.` : ''}`);
  }
  if (suspected.length) out.push('');

  out.push('## Environment', '');
  for (const h of report.hosts) {
    const k = h.kernel;
    out.push(`- Host ${md(h.name)}: kernel ${markdownCode(k.release ?? 'unknown')}${k.version ? ` (${markdownCode(k.version)})` : ''}`);
    out.push(`  - Distribution: ${md(k.distro ?? 'unknown')}${vendorOf(k.distro) ? ' (a vendor kernel)' : ''}`);
    if (k.tainted === false) out.push('  - Taint: not tainted');
    else if (k.tainted === null) out.push('  - Taint: unknown (no report header or /proc/sys/kernel/tainted in the input)');
    else out.push(`  - Taint: ${k.taint.map((t) => `${md(t.letter)} (bit ${t.bit}: ${md(t.meaning)})`).join('; ') || 'tainted'}`);
    const hardware = fact(h, 'hardware');
    if (hardware) out.push(`  - Hardware: ${md(hardware)}`);
    const cmdline = fact(h, 'kernel.cmdline');
    if (cmdline) out.push(`  - Command line: ${markdownCode(cmdline)}`);
    const arch = fact(h, 'arch');
    if (arch) out.push(`  - Architecture: ${markdownCode(arch)}`);
    const clock = clockSentence(h);
    if (clock) out.push(`  - Clock: ${md(clock)}; the times below are on ${md(h.clockReference ?? '')}'s clock`);
  }
  if (!report.hosts.some((h) => fact(h, 'arch'))) out.push('- Architecture: not in the supplied logs (`uname -mi`)');
  out.push('');

  if (f) out.push(...findingSection(f), '');
  // Other kernel reports; without a kernel report, the other events of the incident (metrics have their own section).
  const isReport = (x: Finding) => groupOf(x) === 'kernel_report' || groupOf(x) === 'hang';
  const isMetric = (x: Finding) => x.kind === 'metric_drop' || x.kind === 'metric_surge';
  const others = report.findings.filter((x) => x !== f && (f && isReport(f) ? isReport(x) : !isMetric(x)));
  for (const o of others.slice(0, 3)) out.push(...findingSection(o, '###'), '');

  const metrics = report.findings.filter((x) => x.kind === 'metric_drop' || x.kind === 'metric_surge');
  if (metrics.length) out.push('## Measurements', '', 'Sudden changes in the recorded metrics, with the level before and after:', '');
  for (const m of metrics) out.push(`- ${md(timeLabel(m.first))}, ${md(m.host)}: ${md(metricSentence(m) ?? m.title)}`);
  if (metrics.length) out.push('');

  out.push('## Timeline', '', ...timelineTable(report, false), '');
  const links = correlationWords(report);
  if (links.length) out.push('How the events connect (strongest first):', '');
  for (const l of links) out.push(`- ${md(l.from)} **${md(l.relation)}** ${md(l.to)}, ${md(l.lag)} (${l.confidence} confidence): ${prose(l.reason)}`);
  if (links.length) out.push('');

  out.push('## Ruled out', '', ...ruledOut(report, f), '');

  out.push('## Reproduction', '');
  const hosts = unique(report.findings.filter((x) => f && x.signature === f.signature).map((x) => x.host));
  if (f) out.push(`Seen ${f.count} time(s) on ${hosts.length} host(s) (${hosts.map(md).join(', ')}), ${md(spanLabel(f.first, f.last))}. No reproducer is known yet; this report comes from logs of a production incident.`);
  out.push(
    vendor
      ? `This was seen on ${/^[AEIOU]/.test(vendor.name) ? 'an' : 'a'} ${md(vendor.name)} vendor kernel and has **not yet been tried on the latest mainline kernel**. Per reporting-issues.rst, a problem on a vendor kernel belongs to the vendor first (${md(vendor.tracker)}) unless it reproduces on a current mainline build.`
      : 'It is **not known whether this reproduces on the latest mainline kernel**; that has not been tried yet.',
    '',
  );

  out.push('## Still unknown', '');
  for (const r of report.requests) out.push(`- ${md(r.why)}${r.host ? ` (${md(r.host)})` : ''}: ${markdownCode(r.command)}`);
  const asked = report.requests.map((r) => r.command).join('\n');
  if (!/uname\s+-\w*m/.test(asked) && !report.hosts.some((h) => fact(h, 'arch'))) out.push('- The architecture: `uname -mi`');
  if (!/mainline|kernel\.org/i.test(asked)) out.push('- Whether it reproduces on the latest mainline kernel from kernel.org');
  if (!/\.config|config-/.test(asked)) out.push('- The kernel configuration: `cat /boot/config-$(uname -r)`');
  out.push('');

  out.push('## Where to send', '');
  if (vendor) out.push(`- First, the distribution: ${md(vendor.tracker)}`);
  for (const u of routes) {
    const who = [...u.lists, ...u.maintainers].map(markdownCode).join(', ') || 'no contact known';
    out.push(`- ${md(u.subsystem)}: ${who}. ${prose(asSentence(u.why))} (From ${md(u.source)}.)`);
  }
  if (!routes.length) out.push('- No subsystem contact is known; use `scripts/get_maintainer.pl` on the files of the trace in a kernel tree.');
  out.push('', `<sub>Prepared with ${md(report.generatedBy)}.</sub>`);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** `[BUG] xfs: INFO: task hung in _xfs_log_force_lsn on 4.15.0-72-generic (krbd rbd0)` */
export function subjectLine(f: Finding | null, release: string | null, knownIssue?: KnownIssueMatch): string {
  if (!f) return '[BUG] no kernel problem found in the supplied logs';
  const prefix = f.subsystem ? `${f.subsystem}: ` : '';
  const on = release ? ` on ${release}` : '';
  // Without a kernel report the first event (a resize, a counter) is not the bug; the matched issue is.
  const isReport = groupOf(f) === 'kernel_report' || groupOf(f) === 'hang';
  if (!isReport && knownIssue) return `[BUG] ${prefix}${knownIssue.title.replace(/^./, (ch) => ch.toLowerCase())}${on}`;
  const device = f.device && !f.title.includes(f.device) ? deviceLabel(f.device) : null;
  return `[BUG] ${prefix}${f.title}${on}${device ? ` (${device})` : ''}`;
}

function summarySentence(report: Report, f: Finding | null, release: string | null): string {
  if (!f) return 'The supplied logs contain no kernel report; the timeline below lists what was seen.';
  const task = f.task ? `, task ${markdownCode(f.task.comm)}${f.task.pid !== null ? ` (pid ${f.task.pid}${f.task.state ? `, state ${md(f.task.state)}` : ''})` : ''}` : '';
  const wq = f.workqueue ? `, workqueue ${markdownCode(f.workqueue)}` : '';
  const times = f.count > 1 ? `${f.count} times` : 'once';
  const kernel = release ? ` running ${markdownCode(release)}` : '';
  const verb = groupOf(f) === 'kernel_report' || groupOf(f) === 'hang' ? 'the kernel reported' : 'the logs show';
  return `On host ${md(f.host)}${kernel}, ${verb} **${md(f.title)}**${task}${wq}, ${times} (${md(spanLabel(f.first, f.last))}).`;
}

function findingSection(f: Finding, level = '##'): string[] {
  const out = [`${level} ${md(f.title)}`, ''];
  const facts: Array<[string, string | null]> = [
    ['Kind', f.kind],
    ['Signature', f.signature],
    ['Host', f.host],
    ['Seen', `${f.count} time(s), ${spanLabel(f.first, f.last)}`],
    ['Subsystem', f.subsystem],
    ['Device', f.device],
    ['Workqueue', f.workqueue],
    ['Task', f.task ? `${f.task.comm} pid ${f.task.pid ?? '?'} state ${f.task.state ?? '?'}` : null],
    ['Report damaged', f.corrupted ? f.corruptedReason ?? 'yes' : null],
  ];
  for (const [k, v] of facts) if (v) out.push(`- ${k}: ${md(v)}`);
  for (const [k, v] of detailFacts(f)) out.push(`- ${md(k)}: ${md(v)}`);
  if (f.frames.length) {
    out.push('', 'Call trace (frames marked `?` are unreliable: stale addresses found on the stack):', '');
    out.push(markdownFence(traceLines(f.frames)));
  }
  if (f.evidence.length) {
    const files = unique(f.evidence.map((e) => `${e.file}${e.host ? ` (${e.host})` : ''}`));
    out.push('', `Log excerpt (${files.map(md).join(', ')}, first line ${f.evidence[0]!.line}):`, '');
    // A report printed again (hung_task every 120 s) is shown once; the repeats are named by line.
    const repeatAt = f.evidence.findIndex((e, i) => i > 0 && e.text === f.evidence[0]!.text && e.file === f.evidence[0]!.file);
    const shown = repeatAt > 0 ? f.evidence.slice(0, repeatAt) : f.evidence;
    out.push(markdownFence(shown.slice(0, 80).map((e) => e.text)));
    if (shown.length > 80) out.push(`(${shown.length - 80} more lines in the attached log)`);
    if (repeatAt > 0) {
      const starts = f.evidence.filter((e, i) => i >= repeatAt && e.text === f.evidence[0]!.text).map((e) => `line ${e.line}`);
      out.push('', `The same report was printed again, identical apart from its timestamps, at ${starts.join(', ')} (last at ${md(timeLabel(f.last))}).`);
    }
  }
  return out;
}

/** Frames as the kernel prints them, with a header per stack (`<IRQ>`, task). */
function traceLines(frames: readonly Frame[]): string[] {
  const lines: string[] = [];
  let stack = '';
  for (const fr of frames) {
    if (fr.stack !== stack) {
      stack = fr.stack;
      lines.push(stack === 'task' ? 'Call Trace:' : `<${stack.toUpperCase()}>`);
    }
    const where = fr.offset ? `+${fr.offset}${fr.size ? `/${fr.size}` : ''}` : '';
    lines.push(` ${fr.reliable ? '' : '? '}${fr.function}${where}${fr.module ? ` [${fr.module}]` : ''}`);
  }
  return lines;
}

function ruledOut(report: Report, f: Finding | null): string[] {
  const out: string[] = [];
  const host = f?.host;
  const onHost = report.findings.filter((x) => !host || x.host === host);
  const h = report.hosts.find((x) => x.name === host);
  if (h?.kernel.tainted === false) out.push('- The kernel was not tainted: no proprietary, out-of-tree or staging modules, no earlier Oops.');
  for (const c of CHECKED_ABSENT) {
    if (f && c.kinds.includes(f.kind)) continue;
    if (!onHost.some((x) => c.kinds.includes(x.kind))) out.push(`- ${c.words} in the supplied logs${host ? ` of ${md(host)}` : ''}.`);
  }
  for (const k of report.knownIssues.filter((x) => x.verdict === 'not_affected' || x.verdict === 'fixed')) {
    out.push(`- Known issue ${md(k.title)}: ${k.verdict.replace('_', ' ')} (${md(k.reason)}).`);
  }
  return out.length ? out : ['- Nothing could be ruled out from the supplied logs.'];
}

/**
 * Header lines stay copyable into a mail (no backslashes), yet no markup from a title may render:
 * only `<`, `>` and `&` become entities.
 */
function headerText(s: string): string {
  return clean(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/&lt;([\w.+-]+@[\w.-]+)&gt;/g, '<$1>'); // an e-mail autolink, as in MAINTAINERS
}

function fact(h: Host, name: string): string | null {
  const v = h.facts?.[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
