import { REPORT_VERSION, type Host, type Report } from '../model/report.js';
import type { Analysis, HostState } from './types.js';
import { getAt } from './findings.js';
import { fact } from './hosts.js';
import { kernelSummary } from '../detect/host/index.js';

const GENERATED_BY = 'ktriage 0.1.0';

/** Findings in time order (unplaced ones last, by uptime), so every reader sees the incident's order. */
function byTime(a: Report['findings'][number], b: Report['findings'][number]): number {
  const [aAt] = getAt(a);
  const [bAt] = getAt(b);
  if (aAt !== null && bAt !== null) return aAt - bAt || a.id.localeCompare(b.id);
  if (aAt !== null) return -1;
  if (bAt !== null) return 1;
  return (a.first.uptime ?? 0) - (b.first.uptime ?? 0) || a.id.localeCompare(b.id);
}

function publishHost(state: HostState): Host {
  const facts: Record<string, string | string[]> = {};
  for (const [name, values] of state.facts) {
    if (name === 'module') facts[name] = [...values];
    else if (values.length) facts[name] = values[values.length - 1];
  }
  return {
    name: state.name,
    kernel: kernelSummary(state),
    facts,
    clockOffsetSeconds: state.clockOffsetSeconds,
    clockOffsetBounds: state.clockOffsetBounds,
    clockReference: state.clockReference,
    clockOffsetMethod: state.clockOffsetMethod,
  };
}

/** Hosts worth listing: any with findings, facts or inputs; a placeholder `unknown` only when alone. */
function listedHosts(analysis: Analysis): HostState[] {
  const withFindings = new Set(analysis.findings.map((f) => f.host));
  const all = [...analysis.hosts.values()];
  const named = all.filter((h) => h.name !== 'unknown' || withFindings.has(h.name));
  return (named.length ? named : all).sort((a, b) => a.name.localeCompare(b.name));
}

export function buildReport(analysis: Analysis): Report {
  const findings = [...analysis.findings].sort(byTime);
  return {
    version: REPORT_VERSION,
    generatedBy: GENERATED_BY,
    hosts: listedHosts(analysis).map(publishHost),
    findings,
    correlations: analysis.correlations,
    firstAnomaly: analysis.firstAnomaly,
    conclusion: analysis.conclusion ?? null,
    knownIssues: analysis.knownIssues,
    requests: analysis.requests,
    upstream: analysis.upstream,
    inputs: analysis.inputs.map((i) => ({ ...i, host: i.host ?? null })),
    series: analysis.series.map((s) => ({ host: s.host, name: s.name, device: s.device, file: s.file, points: s.points })),
    diagnostics: analysis.diagnostics,
  };
}

export { fact };
