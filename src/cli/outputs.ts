import type { Report } from '../model/report.js';
import { renderText } from '../report/text.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderHtml } from '../report/html.js';
import { renderIncidentTimeline } from '../report/text-timeline.js';
import { fittedSparklines } from '../report/sparkline-fit.js';
import { jsonChunks } from '../report/json-stream.js';

export interface OutputRequest {
  stdout: 'text' | 'json';
  color: boolean;
  markdown?: string;
  audience?: 'user' | 'upstream';
  html?: string;
}

type Write = (path: string, data: string) => Promise<void>;

/** The terminal summary with the incident timeline and the metric sparklines as extra sections. */
export function terminalSummary(report: Report, color: boolean, width = Math.min(process.stdout.columns || 100, 140)): string {
  const extraSections = [
    { title: 'Incident timeline', lines: renderIncidentTimeline(report, { width, color }) },
    { title: 'Metrics', lines: fittedSparklines(report, width) },
  ].filter((s) => s.lines.length > 0);
  return renderText(report, { color, width, extraSections });
}

/** Writes what the user asked for: stdout in one format, and any report files. */
export async function renderOutputs(report: Report, request: OutputRequest, write: Write): Promise<void> {
  if (request.markdown) await write(request.markdown, renderMarkdown(report, request.audience ?? 'user'));
  if (request.html) await write(request.html, renderHtml(report));
  if (request.stdout === 'json') await writeJson(process.stdout, report);
  else process.stdout.write(terminalSummary(report, request.color));
}

/**
 * `JSON.stringify(report, null, 2)` and a newline, written in pieces of about a megabyte (see
 * jsonChunks): the report of hundreds of hosts is tens of MB of text, never held whole.
 */
export async function writeJson(out: NodeJS.WritableStream, report: Report): Promise<void> {
  let pending = '';
  const flush = async () => {
    const ok = out.write(pending);
    pending = '';
    if (!ok) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  for (const chunk of jsonChunks(report)) {
    pending += chunk;
    if (pending.length >= 1 << 20) await flush();
  }
  pending += '\n';
  await flush();
}
