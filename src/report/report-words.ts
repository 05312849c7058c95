/**
 * Sentences several renderers share, so that the terminal, the Markdown and the HTML say the same
 * thing the same way: clock corrections with their bounds, verdicts without enum names, correlations
 * with their lag, finding details with labels instead of field names.
 */
import type { Finding, Host, KnownIssueMatch, Report } from '../model/report.js';
import { LAYER_WORDS, byImportance, detailSummary } from './plain-words.js';

/** How each estimation method reads (skew.ts writes `<kind>-exchange-bounds` and friends). */
const METHOD_WORDS: ReadonlyArray<{ pattern: RegExp; words: (kind: string) => string }> = [
  { pattern: /^(\w+)-exchange-bounds$/, words: (k) => `from the ${k.toUpperCase()} exchanges seen on both hosts` },
  { pattern: /^(\w+)-requests-only$/, words: (k) => `from ${k.toUpperCase()} requests only (no reply matched, so less certain)` },
  { pattern: /^(\w+)-replies-only$/, words: (k) => `from ${k.toUpperCase()} replies only (no request matched, so less certain)` },
  { pattern: /^(\w+)$/, words: (k) => `from ${k.toUpperCase()} events seen on both hosts` },
];

/**
 * `backup01's clock runs 2 s behind cloud-ctl (between 1 and 3 s, from the DHCP exchanges seen on
 * both hosts)`; null for the reference host or when no offset was estimated. A positive offset is
 * what to add to the host's clock to get the reference's (skew.ts), so the host runs behind.
 */
export function clockSentence(h: Host): string | null {
  const off = h.clockOffsetSeconds;
  if (off === null || off === undefined || !h.clockReference || h.clockReference === h.name) return null;
  const how = methodWords(h.clockOffsetMethod ?? null);
  const b = h.clockOffsetBounds;
  // Bounds in the same direction as the offset, smaller first: [1, 3] behind, or [-3, -1] → 1 to 3 s ahead.
  const [lo, hi] = b ? (off >= 0 ? [b[0], b[1]] : [-b[1], -b[0]]) : [null, null];
  const bounds = lo !== null && hi !== null && lo !== hi ? `between ${lo} and ${hi} s` : null;
  const extra = [bounds, how].filter(Boolean).join(', ');
  if (off === 0) return `${h.name}'s clock agrees with ${h.clockReference}${extra ? ` (${extra})` : ''}`;
  return `${h.name}'s clock runs ${Math.abs(off)} s ${off > 0 ? 'behind' : 'ahead of'} ${h.clockReference}${extra ? ` (${extra})` : ''}`;
}

/** The reference clock all times are given in, when hosts were put on one timeline. */
export function referenceClock(report: Report): string | null {
  const ref = report.hosts.find((h) => h.clockReference === h.name && report.hosts.some((o) => o.name !== h.name && o.clockReference === h.name));
  return ref?.name ?? null;
}

function methodWords(method: string | null): string | null {
  if (!method || method === 'reference') return null;
  for (const m of METHOD_WORDS) {
    const hit = m.pattern.exec(method);
    if (hit) return m.words(hit[1]!);
  }
  return null;
}

/** Verdicts in words (the JSON keeps the enum). */
export const VERDICT_LABEL: Record<KnownIssueMatch['verdict'], string> = {
  affected: 'affected',
  no_fix: 'affected, and no released version fixes it',
  fixed: 'fixed in the running version',
  not_affected: 'not affected',
  unknown: 'not decided, facts missing',
};

/**
 * A knowledge-base reason without the enum names it quotes (`(no_fix)`) and without the list of
 * unchecked conditions when the caller shows those separately.
 */
export function plainReason(k: KnownIssueMatch, dropUnknownList: boolean): string {
  let r = k.reason.replace(/\s*\((?:no_fix|not_affected|affected|fixed|unknown)\)/g, '');
  if (dropUnknownList && k.unknownConditions.length) r = r.replace(/\s*Not checked for lack of facts:[^]*$/, '');
  return r.trim();
}

/** `capacity change of md0 explains metric surge: kbmemfree, 20 s later (medium confidence)` parts. */
export interface CorrelationWords {
  from: string;
  relation: string;
  to: string;
  lag: string;
  confidence: string;
  reason: string;
}

export function correlationWords(report: Report): CorrelationWords[] {
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  const name = (id: string) => {
    const f = byId.get(id);
    return f ? `${f.title}${f.title.includes(f.host) ? '' : ` (${f.host})`}` : id;
  };
  // Strongest links first, then the shortest lag: the chain of cause reads from the top.
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const sorted = [...report.correlations].sort((a, b) => rank[a.confidence] - rank[b.confidence] || (a.lagSeconds ?? Infinity) - (b.lagSeconds ?? Infinity));
  return sorted.map((c) => ({
    from: name(c.from),
    relation: c.relation.replace(/_/g, ' '),
    to: name(c.to),
    lag: c.lagSeconds === null ? 'at an unknown distance' : c.lagSeconds === 0 ? 'at the same time' : c.lagSeconds > 0 ? `${lagText(c.lagSeconds)} later` : `${lagText(-c.lagSeconds)} earlier`,
    confidence: c.confidence,
    reason: c.reason,
  }));
}

function lagText(s: number): string {
  if (s < 120) return `${Math.round(s * 10) / 10} s`;
  const m = Math.floor(s / 60);
  const r = Math.round(s - m * 60);
  return r ? `${m} min ${r} s` : `${m} min`;
}

/** Field names of `details` as a maintainer reads them; null hides a field shown elsewhere. */
const DETAIL_LABELS: Record<string, string | null> = {
  seconds: 'Blocked for more than (s)',
  workFunction: 'Work function',
  guiltyFrame: 'Guilty frame',
  kernelRelease: null,
  kernelBuild: null,
  oldBytes: null,
  newBytes: null,
  printedOld: 'Old size as printed',
  printedNew: 'New size as printed',
  unit: null,
  unitBasis: 'Size basis',
  before: null,
  after: null,
  relativeChange: null,
  recoverySeconds: null,
  series: 'Series',
  direction: 'Direction',
  rule: 'Detection rule',
};

/** Shown by `exchangeSummary` in one sentence instead of field by field. */
const EXCHANGE_KEYS = new Set(['requests', 'discovers', 'sent', 'received', 'serverSaw', 'lost', 'lossPoint', 'servers', 'serverHealthy', 'otherClientsServed', 'gaveUp', 'recovered', 'ended', 'refused', 'verdict']);

/**
 * Both sides of a request/reply exchange (DHCP) in one sentence: `backup01 sent 7 (4 REQUEST: 2
 * unicast, 2 broadcast; 3 DISCOVER) and received 0; cloud-ctl saw 7 and answered 7 (4 ACK, 3 OFFER,
 * 0 NAK); 7 replies lost on the way to the client; other clients served meanwhile: web01, web02`.
 */
export function exchangeSummary(f: Finding): string | null {
  const d = f.details as Record<string, unknown>;
  if (typeof d.sent !== 'number' || typeof d.received !== 'number') return null;
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  const req = d.requests as Record<string, unknown> | undefined;
  const reqCount = req ? n(req.unicast) + n(req.broadcast) : 0;
  const parts: string[] = [];
  const kinds = [
    req ? `${reqCount} REQUEST${req.unicast !== undefined ? `: ${n(req.unicast)} unicast, ${n(req.broadcast)} broadcast` : ''}` : null,
    typeof d.discovers === 'number' ? `${d.discovers} DISCOVER` : null,
  ].filter(Boolean);
  parts.push(`${f.host} sent ${d.sent}${kinds.length ? ` (${kinds.join('; ')})` : ''} and received ${d.received}`);
  const ans = d.serverAnswered as Record<string, unknown> | undefined;
  const servers = Array.isArray(d.servers) ? d.servers.join(', ') : 'the server';
  if (typeof d.serverSaw === 'number') {
    const answered = ans ? Object.values(ans).reduce<number>((a, v) => a + n(v), 0) : null;
    const detail = ans ? ` (${Object.entries(ans).map(([k, v]) => `${n(v)} ${k.toUpperCase()}`).join(', ')})` : '';
    parts.push(`${servers} saw ${d.serverSaw}${answered !== null ? ` and answered ${answered}${detail}` : ''}`);
  }
  const lost = d.lost as Record<string, unknown> | undefined;
  if (lost && n(lost.toClient)) parts.push(`${n(lost.toClient)} replies lost on the way to the client`);
  if (lost && n(lost.toServer)) parts.push(`${n(lost.toServer)} requests lost on the way to the server`);
  if (Array.isArray(d.otherClientsServed) && d.otherClientsServed.length) parts.push(`other clients served meanwhile: ${d.otherClientsServed.join(', ')}`);
  if (d.gaveUp === true) parts.push('the client gave up');
  return parts.join('; ');
}

/** Labelled facts of a finding's details, with the before/after summary first when there is one. */
export function detailFacts(f: Finding): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const summary = detailSummary(f);
  if (summary) out.push(['Change', summary]);
  const exchange = exchangeSummary(f);
  if (exchange) out.push(['Exchange', exchange]);
  const hostClock = f.details.startHostClock;
  if (typeof hostClock === 'string') out.push(["Start on the host's own clock", hostClock]);
  for (const [k, v] of Object.entries(f.details)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') continue;
    if ((exchange && EXCHANGE_KEYS.has(k)) || k === 'startHostClock' || k === 'endHostClock') continue;
    const label = k in DETAIL_LABELS ? DETAIL_LABELS[k] : k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
    if (label) out.push([label, String(v)]);
  }
  return out;
}

/**
 * The layer to name when no conclusion rule fired: an affected known issue's finding, else the most
 * important finding. Returns words such as `the Linux kernel (xfs, device rbd0)`.
 */
export function likelyLayer(report: Report): { words: string; finding: Finding } | null {
  const top = byImportance(report.findings, report.firstAnomaly?.findingId)[0];
  if (!top) return null;
  const where = [top.subsystem, top.device ? `device ${top.device}` : null].filter(Boolean).join(', ');
  return { words: `${LAYER_WORDS[top.layer]}${where ? ` (${where})` : ''}`, finding: top };
}

/**
 * The known issue to name first: the one the conclusion rests on, else the one covering the first anomaly
 * or a finding linked to it, then the surest verdict and match. Issues the host is not or no longer
 * affected by are never the lead.
 */
export function leadKnownIssue(report: Report, verdicts: readonly KnownIssueMatch['verdict'][] = ['affected', 'no_fix', 'unknown']): KnownIssueMatch | undefined {
  const candidates = report.knownIssues.filter((k) => verdicts.includes(k.verdict));
  const pinned = candidates.find((k) => k.id === report.conclusion?.knownIssue);
  if (pinned) return pinned;
  const first = report.firstAnomaly?.findingId;
  const near = new Set(first ? [first, ...report.correlations.flatMap((c) => (c.from === first ? [c.to] : c.to === first ? [c.from] : []))] : []);
  const rank = (k: KnownIssueMatch) =>
    (k.findings.some((id) => near.has(id)) ? 100 : 0) + (k.verdict === 'unknown' ? 0 : 10) + { high: 2, medium: 1, low: 0 }[k.confidence];
  return candidates.reduce<KnownIssueMatch | undefined>((best, k) => (!best || rank(k) > rank(best) ? k : best), undefined);
}

/** sar/metric series names in words (sar(1) man page; the latency series is the application's own). */
const SERIES_WORDS: Record<string, string> = {
  kbcached: 'memory holding cached file data',
  kbmemfree: 'free memory',
  kbbuffers: 'memory used for block buffers',
  p99_ms: 'the 99th-percentile response time',
  p50_ms: 'the median response time',
  tps: 'disk transfers per second',
  rtps: 'disk read requests per second',
  wtps: 'disk write requests per second',
  'bread/s': 'blocks read from disk per second',
  'bwrtn/s': 'blocks written to disk per second',
  'rxpck/s': 'packets received per second',
  'txpck/s': 'packets sent per second',
  'rxkB/s': 'kilobytes received per second',
  'txkB/s': 'kilobytes sent per second',
};

/**
 * A metric change in words: `memory holding cached file data (kbcached) fell from 20,111,739 kB to
 * 412,904 kB (−97.95%), back to normal after 14 min`; null for other findings.
 */
export function metricSentence(f: Finding): string | null {
  if (f.kind !== 'metric_drop' && f.kind !== 'metric_surge') return null;
  const series = typeof f.details.series === 'string' ? f.details.series : null;
  const device = typeof f.details.device === 'string' ? ` of ${f.details.device}` : f.device ? ` of ${f.device}` : '';
  const words = series ? (SERIES_WORDS[series] ? `${SERIES_WORDS[series]} (${series})` : series) : 'a measured value';
  const change = detailSummary(f);
  return `${words}${device} ${f.kind === 'metric_drop' ? 'fell' : 'rose'} ${change ?? 'suddenly'}`;
}
