import type { Analysis } from '../../src/pipeline/types.js';
import type { Parser, ParseContext } from '../../src/parse/types.js';
import type { Detector } from '../../src/detect/types.js';
import type { Observation } from '../../src/model/observation.js';
import type { ParsedRecord } from '../../src/model/record.js';
import { newAnalysis } from '../../src/pipeline/new-analysis.js';
import { hostState } from '../../src/pipeline/hosts.js';

/** An empty analysis to run stages on directly. */
export function makeAnalysis(options: Analysis['options'] = { timeZone: 'UTC' }): Analysis {
  return newAnalysis(options);
}

/** Stores observations the way the pipeline does (drafts, anchors, facts, signals). */
export function store(analysis: Analysis, host: string, observations: Observation[]): void {
  for (const o of observations) {
    if (o.type === 'finding') analysis.drafts.push(o.finding);
    else if (o.type === 'anchor') hostState(analysis, o.anchor.host || host).anchors.push({ ...o.anchor, host: o.anchor.host || host });
    else if (o.type === 'fact') {
      const st = hostState(analysis, o.host || host);
      st.facts.set(o.name, [...(st.facts.get(o.name) ?? []), o.value]);
    } else if (o.type === 'signal') {
      hostState(analysis, o.signal.host);
      analysis.signals.push({ ...o.signal, at: null, time: { wall: null, uptime: null, boot: null } });
    }
  }
}

/** Parses text with a real parser, makes anchors of lines with both clocks and runs the detectors. */
export function feed(analysis: Analysis, parser: Parser, text: string, host: string, detectors: Detector[] = [], ctx: Partial<ParseContext> = {}): ParsedRecord[] {
  const p = parser.create({ file: `${host}/${parser.name}`, host, year: 2012, yearGuessed: false, mtimeMs: null, timeZone: 'UTC', timeZoneGuessed: false, ...ctx });
  const records: ParsedRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (line) records.push(...(p.parse(line, i + 1) ?? []));
  });
  records.push(...(p.end?.() ?? []));
  const obs: Observation[] = [];
  const emit = (o: Observation) => obs.push(o);
  const running = detectors.map((d) => d.create({ file: `${host}/${parser.name}`, host, format: parser.name, kernelRelease: () => null }));
  hostState(analysis, host);
  for (const r of records) {
    if (r.kind === 'log' && r.stamp.uptime !== undefined && r.stamp.wallMs !== undefined) {
      emit({ type: 'anchor', anchor: { host: r.host ?? host, ...(r.stamp.boot !== undefined ? { boot: r.stamp.boot } : {}), uptime: r.stamp.uptime, wallMs: r.stamp.wallMs, file: r.file, line: r.line, precisionSeconds: 1 } });
    }
    if (r.kind === 'fact') emit({ type: 'fact', host: r.host ?? host, name: r.name, value: r.value, file: r.file, line: r.line });
    for (const d of running) d.push(r, emit);
  }
  for (const d of running) d.end(emit);
  store(analysis, host, obs);
  return records;
}

/** A DHCP signal as the detector emits it, on a host's own clock. */
export function dhcpSignal(host: string, wallMs: number, data: Record<string, string>, line = 1) {
  return { type: 'signal' as const, signal: { topic: 'dhcp', host, stamp: { wallMs }, file: `${host}/syslog`, line, text: `${data.type} ${data.ip ?? ''}`, data } };
}
