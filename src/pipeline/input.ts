import type { Observation } from '../model/observation.js';
import type { FactName, ParsedRecord } from '../model/record.js';
import type { InputSource } from '../ingest/types.js';
import { looksBinary, readLineBatches, type LineBatch } from '../ingest/lines.js';
import { describeError } from '../ingest/discover.js';
import { sniffFormat } from '../parse/index.js';
import type { ParseContext } from '../parse/types.js';
import { detectors } from '../detect/index.js';
import type { RecordDetector } from '../detect/types.js';
import type { Analysis, InputSummary } from './types.js';
import { hostState } from './hosts.js';
import { addAnchors, createAnchorSampler } from './anchor-sample.js';
import type { ClockAnchor } from '../model/observation.js';

/** Lines read before the format is decided. */
const SNIFF_LINES = 60;

/**
 * Reads one input to its end: sniff, parse line by line, run every detector, and commit what they
 * observed to the analysis under the input's host. Never throws: a failure becomes a diagnostic and the
 * input is reported as skipped.
 */
export async function analyzeInput(input: InputSource, analysis: Analysis): Promise<void> {
  const summary: InputSummary = { file: input.name, format: 'unknown', host: input.folderHost, lines: 0, unparsed: 0 };
  analysis.inputs.push(summary);
  try {
    await readInput(input, analysis, summary);
  } catch (err) {
    summary.skipped = true;
    summary.error = describeError(err);
    analysis.diagnostics.push({
      file: input.name,
      ...(summary.lines ? { line: summary.lines } : {}),
      severity: 'error',
      message: `${summary.lines ? 'stopped reading' : 'skipped'}: ${summary.error}`,
    });
  }
}

async function readInput(input: InputSource, analysis: Analysis, summary: InputSummary): Promise<void> {
  const stream = input.open();
  // One iterator for the head and the rest: leaving a for-await loop early would close the generator.
  const batches = readLineBatches(stream)[Symbol.asyncIterator]();
  const head: LineBatch[] = [];
  const headTexts: string[] = [];
  while (headTexts.length < SNIFF_LINES) {
    const next = await batches.next();
    if (next.done) break;
    head.push(next.value);
    for (const text of next.value.texts) if (headTexts.length < SNIFF_LINES) headTexts.push(text);
  }
  if (headTexts.length === 0) {
    summary.format = 'empty';
    summary.skipped = true;
    analysis.diagnostics.push({ file: input.name, severity: 'warning', message: 'empty file, skipped' });
    return;
  }
  if (looksBinary(Buffer.from(headTexts.join('\n') + '\n', 'latin1'))) {
    stream.destroy();
    summary.format = 'binary';
    summary.skipped = true;
    analysis.diagnostics.push({ file: input.name, severity: 'warning', message: 'binary file (not a text log), skipped' });
    return;
  }
  const sniffed = sniffFormat(headTexts, input.baseName);
  if (!sniffed) {
    stream.destroy();
    summary.format = 'unrecognised';
    summary.skipped = true;
    analysis.diagnostics.push({
      file: input.name,
      line: 1,
      severity: 'warning',
      message: 'format not recognised (not a kernel log, syslog, journal, sar, CSV or uname output), skipped',
    });
    return;
  }
  summary.format = sniffed.parser.name;
  const ctx = parseContext(input, analysis);
  const parser = sniffed.parser.create(ctx);
  const collected: Observation[] = [];
  const emit = (o: Observation) => collected.push(o);
  // Anchors are sampled, not collected: a kernel line with both clocks would be an anchor on every line.
  const anchors = createAnchorSampler();
  const recordHosts = new Set<string>();
  let lastRecordHost: string | undefined;
  let lastFactHost: string | null = null;
  const detectContextHost = input.folderHost ?? input.fallbackHost ?? 'unknown';
  const running: RecordDetector[] = detectors.map((d) =>
    d.create({
      file: input.name,
      host: detectContextHost,
      format: sniffed.parser.name,
      kernelRelease: () => latestFact(analysis, currentHost(), 'kernel.release'),
    }),
  );
  const currentHost = () => input.folderHost ?? lastFactHost ?? input.fallbackHost ?? 'unknown';
  let truncatedLines = 0;

  const handle = (records: ParsedRecord[]) => {
    for (const record of records) {
      if (record.kind === 'fact') {
        if (record.name === 'hostname' && !record.host) lastFactHost = record.value;
        emit({ type: 'fact', host: record.host ?? '', name: record.name, value: record.value, file: record.file, line: record.line });
        // facts are committed at once so detectors of this input can use them (kernel release)
        commitFact(analysis, record.host ?? currentHost(), record.name, record.value);
      } else {
        // most records repeat the previous host: skip the Set (and hashing a fresh string) then
        if (record.host !== undefined && record.host !== lastRecordHost) {
          recordHosts.add(record.host);
          lastRecordHost = record.host;
        }
        if (record.kind === 'log') anchors.offer(record);
      }
      for (let i = 0; i < running.length; i++) running[i].push(record, emit);
    }
  };

  // Synchronous over a whole batch: one await per chunk read, not per line.
  const feed = (batch: LineBatch) => {
    const texts = batch.texts;
    truncatedLines += batch.truncated.length;
    let lineNo = batch.firstLineNo;
    for (let i = 0; i < texts.length; i++, lineNo++) {
      let records: ParsedRecord[] | null;
      try {
        records = parser.parse(texts[i], lineNo);
      } catch (err) {
        records = null;
        if (summary.unparsed < 3) {
          analysis.diagnostics.push({ file: input.name, line: lineNo, severity: 'warning', message: `parser error: ${describeError(err)}` });
        }
      }
      if (records === null) summary.unparsed++;
      else if (records.length) handle(records);
    }
    summary.lines = lineNo - 1;
  };

  for (const batch of head) feed(batch);
  head.length = 0;
  for (let next = await batches.next(); !next.done; next = await batches.next()) feed(next.value);
  if (parser.end) handle(parser.end());
  for (const d of running) d.end(emit);

  if (truncatedLines) {
    analysis.diagnostics.push({
      file: input.name,
      severity: 'warning',
      message: `${truncatedLines} line(s) longer than 64 KiB were cut to their first 64 KiB`,
    });
  }
  if (summary.unparsed) {
    analysis.diagnostics.push({
      file: input.name,
      severity: 'warning',
      message: `${summary.unparsed} of ${summary.lines} line(s) could not be parsed as ${summary.format}`,
    });
  }
  const host = currentHost();
  summary.host = recordHosts.size === 1 ? [...recordHosts][0] : recordHosts.size > 1 ? [...recordHosts].join(',') : host;
  commitAnchors(analysis, anchors.finish(), host, detectContextHost);
  commitObservations(analysis, collected, host, detectContextHost);
}

function parseContext(input: InputSource, analysis: Analysis): ParseContext {
  const host = input.folderHost;
  const zone = (host && analysis.options.hostTimeZones?.[host]) || analysis.options.timeZone;
  const mtimeYear = input.mtimeMs ? new Date(input.mtimeMs).getUTCFullYear() : new Date().getUTCFullYear();
  return {
    file: input.name,
    host,
    year: analysis.options.year ?? mtimeYear,
    yearGuessed: analysis.options.year === undefined,
    mtimeMs: input.mtimeMs,
    timeZone: zone ?? 'UTC',
    timeZoneGuessed: !zone,
  };
}

function latestFact(analysis: Analysis, host: string, name: FactName): string | null {
  const values = analysis.hosts.get(host)?.facts.get(name);
  return values && values.length ? values[values.length - 1] : null;
}

/** The latest value of a fact goes last (a repeated value moves there): `kernel.release` is the running one. */
export function commitFact(analysis: Analysis, host: string, name: FactName, value: string): void {
  analysis.factLog?.push([host, name, value]);
  const facts = hostState(analysis, host).facts;
  const values = facts.get(name) ?? [];
  if (!values.includes(value)) values.push(value);
  else if (values[values.length - 1] !== value) {
    values.splice(values.indexOf(value), 1);
    values.push(value);
  }
  facts.set(name, values);
}

/** Observations without a host of their own take the input's host, decided once the input is read. */
function commitObservations(analysis: Analysis, observations: Observation[], inputHost: string, placeholder: string): void {
  // Detectors were told a provisional host before the input's own host (a uname line) was known.
  const own = (h: string | undefined) => !h || h === 'unknown' || h === placeholder;
  for (const o of observations) {
    switch (o.type) {
      case 'finding':
        if (own(o.finding.host)) o.finding.host = inputHost;
        analysis.drafts.push(o.finding);
        break;
      case 'anchor':
        // a detector's own anchor (none today): same path as the sampled ones
        commitAnchors(analysis, [o.anchor], inputHost, placeholder);
        break;
      case 'fact':
        if (!o.host) commitFact(analysis, inputHost, o.name, o.value);
        break;
      case 'signal':
        if (own(o.signal.host)) o.signal.host = inputHost;
        analysis.signals.push({ ...o.signal, at: o.signal.stamp.wallMs ?? null, time: { wall: null, uptime: o.signal.stamp.uptime ?? null, boot: o.signal.stamp.boot ?? null } });
        break;
      case 'series':
        if (own(o.series.host)) o.series.host = inputHost;
        analysis.series.push(o.series);
        break;
    }
  }
  hostState(analysis, inputHost);
}

/** Anchors without a host of their own take the input's host; bounded per boot (see anchor-sample.ts). */
function commitAnchors(analysis: Analysis, anchors: ClockAnchor[], inputHost: string, placeholder: string): void {
  const byHost = new Map<string, ClockAnchor[]>();
  for (const anchor of anchors) {
    const host = !anchor.host || anchor.host === 'unknown' || anchor.host === placeholder ? inputHost : anchor.host;
    anchor.host = host;
    const list = byHost.get(host) ?? [];
    list.push(anchor);
    byHost.set(host, list);
  }
  for (const [host, list] of byHost) addAnchors(hostState(analysis, host).anchors, list);
}
