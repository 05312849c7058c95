import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { Report } from '../model/report.js';
import { escapeHtml as h, safeHref, safeJsonForScript } from './escape.js';
import { PAGE_SCRIPT } from './html-client.js';
import { buildPageData } from './html-data.js';
import { PAGE_CSS } from './html-style.js';
import { LAYER_WORDS, byImportance } from './plain-words.js';
import { timeLabel } from './time-format.js';
import { VERDICT_LABEL, clockSentence, leadKnownIssue, likelyLayer, plainReason } from './report-words.js';

/**
 * No network, no plugins, no framing: only the inline script and styles of this file and data: images.
 * connect-src falls back to 'none', so even a script that got in could not send anything.
 */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

let uplotAssets: { js: string; css: string } | null = null;

/** uPlot is read from node_modules at render time and inlined; a copy is kept for later reports. */
function uplot(): { js: string; css: string } {
  if (!uplotAssets) {
    const req = createRequire(join(packageRoot(), 'package.json'));
    uplotAssets = {
      js: readFileSync(req.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
      css: readFileSync(req.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
    };
  }
  return uplotAssets;
}

/** Text that must not end an inline script or style element early, whatever a library contains. */
function inlineSafe(code: string): string {
  return code.replace(/<\/(script|style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * One self-contained HTML file: swim lanes per host with zoom and pan, metric charts on the same time
 * axis, correlations as arrows, an evidence panel, the findings table, known issues and requests.
 * Report text reaches the page only escaped (static parts) or through textContent (the script).
 * @example writeFileSync('report.html', renderHtml(report))
 */
export function renderHtml(report: Report): string {
  const assets = uplot();
  const data = buildPageData(report);
  const hosts = report.hosts.map((x) => x.name).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ktriage: ${h(hosts || 'incident')}</title>
<style>${inlineSafe(assets.css)}</style>
<style>${inlineSafe(PAGE_CSS)}</style>
</head>
<body>
${header(report)}
<main>
<section id="timeline-section">
<h2>Timeline</h2>
<div class="toolbar" role="toolbar" aria-label="Timeline zoom and pan">
<button type="button" data-action="zoom-in" title="Zoom in">+</button>
<button type="button" data-action="zoom-out" title="Zoom out">−</button>
<button type="button" data-action="pan-left" title="Pan left">◀</button>
<button type="button" data-action="pan-right" title="Pan right">▶</button>
<button type="button" data-action="reset" title="Show everything">Reset</button>
<span>Drag to zoom · wheel zooms · Shift+wheel or Shift+drag pans · double-click resets · times in ${h(data.axis.mode === 'wall' ? data.axis.tzLabel : 'seconds since boot')}</span>
</div>
${legend()}
<div id="lanes"></div>
<div id="unplaced"></div>
<div id="charts"></div>
</section>
<aside id="evidence" aria-live="polite">
<h2>Evidence</h2>
<div id="evidence-body"><p class="hint">Click a mark or a row of the findings table to see its log lines.</p></div>
</aside>
${findingsTable(report)}
${knownIssues(report)}
${requests(report)}
${upstream(report)}
${inputs(report)}
</main>
<script type="application/json" id="report-data">${safeJsonForScript(data)}</script>
<script>${inlineSafe(assets.js)}</script>
<script>${inlineSafe(PAGE_SCRIPT)}</script>
</body>
</html>
`;
}

/** No rule fired: name the most likely layer and what it rests on, as the text summary does. */
function noConclusion(report: Report): string {
  const likely = likelyLayer(report);
  if (!likely) return '<p class="verdict"><strong>Verdict:</strong> nothing abnormal was found in these inputs.</p>';
  const known = leadKnownIssue(report);
  const basis = known ? ` and the known issue ${h(known.id)} (${h(VERDICT_LABEL[known.verdict])})` : '';
  return `<p class="verdict"><strong>Most likely at fault:</strong> ${h(likely.words)}, from ${h(likely.finding.title)}${basis}; no rule across findings confirmed it.</p>`;
}

function header(report: Report): string {
  const c = report.conclusion;
  const verdict = c
    ? `<p class="verdict"><strong>Verdict:</strong> ${h(c.layer ? LAYER_WORDS[c.layer] : 'layer not determined')} <span class="badge ${c.confidence}">${c.confidence} confidence</span> — ${h(c.summary)}</p>`
    : noConclusion(report);
  const known = leadKnownIssue(report);
  const knownLine = c && known && known.id !== c.knownIssue
    ? `<p><strong>Known issue:</strong> ${h(known.title)} <span class="badge ${known.verdict}">${h(VERDICT_LABEL[known.verdict])}</span> ${h(known.confidence)} confidence</p>`
    : '';
  const fa = report.firstAnomaly;
  const first = fa ? report.findings.find((f) => f.id === fa.findingId) : undefined;
  const firstLine = fa
    ? `<p><strong>First anomaly:</strong> ${h(first?.title ?? fa.findingId)} on ${h(fa.host)} at ${h(timeLabel(fa.time))} — ${h(fa.reason)}</p>`
    : '';
  const hosts = report.hosts
    .map((x) => `${h(x.name)} (${h(x.kernel.release ?? 'kernel unknown')}${x.kernel.distro ? `, ${h(x.kernel.distro)}` : ''}${clockSentence(x) ? `; ${h(clockSentence(x)!)}` : ''})`)
    .join(' · ');
  return `<header><h1>Incident report: ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} on ${report.hosts.length} host${report.hosts.length === 1 ? '' : 's'}</h1>
${verdict}
${knownLine}
${firstLine}
<p>${hosts}</p></header>`;
}

function legend(): string {
  const items = Object.keys(LAYER_WORDS).map((l) => `<span><i style="background:var(--${l})"></i>${l}</span>`);
  return `<div class="legend">${items.join('')}<span>— arrow: correlation · red dashed line: first anomaly</span></div>`;
}

function findingsTable(report: Report): string {
  const rows = byImportance(report.findings, report.firstAnomaly?.findingId).map(
    (f) => `<tr><td><button type="button" class="show-evidence" data-finding-id="${h(f.id)}">evidence</button></td>
<td><span class="layer" style="background:var(--${f.layer})"></span>${h(f.title)}${f.id === report.firstAnomaly?.findingId ? ' <span class="badge high">first anomaly</span>' : ''}</td>
<td>${h(f.kind)}</td><td>${h(f.host)}</td><td>${h(f.device ?? '')}</td><td>${f.count}</td><td>${h(timeLabel(f.first))}</td><td>${h(timeLabel(f.last))}</td></tr>`,
  );
  return `<section class="wide"><h2>Findings</h2>
<table id="findings-table"><thead><tr><th></th><th>Title</th><th>Kind</th><th>Host</th><th>Device</th><th>Count</th><th>First</th><th>Last</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="8">No findings.</td></tr>'}</tbody></table></section>`;
}

function knownIssues(report: Report): string {
  const items = report.knownIssues.map((k) => {
    const list = (title: string, xs: string[]) => (xs.length ? `<p><strong>${title}:</strong></p><ul>${xs.map((x) => `<li>${h(x)}</li>`).join('')}</ul>` : '');
    const refs = k.references.map((r) => {
      const href = safeHref(r.url);
      return href
        ? `<li><a href="${h(href)}" rel="noopener noreferrer" target="_blank">${h(r.title)}</a></li>`
        : `<li>${h(r.title)}${r.url ? ` <code>${h(r.url)}</code>` : ''}</li>`;
    });
    return `<div class="issue ${k.verdict}"><h3>${h(k.title)} <span class="badge ${k.verdict}">${h(VERDICT_LABEL[k.verdict])}</span> <span class="muted">${h(k.id)} · ${k.confidence} confidence</span></h3>
<p>${h(k.summary)}</p><p class="muted">${h(plainReason(k, true))}</p>
${list('Not known yet', k.unknownConditions)}${list('Workaround', k.workaround)}${list('Fix', k.fix)}
${refs.length ? `<p><strong>References:</strong></p><ul>${refs.join('')}</ul>` : ''}</div>`;
  });
  return `<section id="known-issues" class="wide"><h2>Known issues</h2>${items.join('\n') || '<p class="muted">No known issue matched.</p>'}</section>`;
}

function requests(report: Report): string {
  const rows = report.requests.map((r) => `<tr><td><code>${h(r.command)}</code></td><td>${h(r.why)}</td><td>${h(r.host ?? 'any')}</td></tr>`);
  return `<section id="requests" class="wide"><h2>What to ask for</h2>${
    rows.length ? `<table><thead><tr><th>Command</th><th>Why</th><th>Host</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>` : '<p class="muted">Nothing more is needed.</p>'
  }</section>`;
}

function upstream(report: Report): string {
  if (!report.upstream.length) return '';
  const items = report.upstream.map((u) => `<li><strong>${h(u.subsystem)}</strong>: ${h([...u.lists, ...u.maintainers].join(', '))} — ${h(u.why)}</li>`);
  return `<section id="upstream" class="wide"><h2>Where to report</h2><ul>${items.join('')}</ul></section>`;
}

function inputs(report: Report): string {
  const rows = report.inputs.map(
    (i) => `<tr><td>${h(i.file)}</td><td>${h(i.format)}</td><td>${h(i.host ?? '')}</td><td>${i.lines}</td><td>${i.unparsed}</td><td>${h(i.error ?? (i.skipped ? 'skipped' : ''))}</td></tr>`,
  );
  return `<section id="inputs" class="wide"><h2>Inputs</h2><table><thead><tr><th>File</th><th>Format</th><th>Host</th><th>Lines</th><th>Not parsed</th><th></th></tr></thead><tbody>${rows.join('\n')}</tbody></table>
<p class="muted">${h(report.generatedBy)} · report format version ${report.version}</p></section>`;
}
