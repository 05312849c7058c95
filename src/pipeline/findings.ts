import { createHash } from 'node:crypto';
import type { FindingDraft } from '../model/observation.js';
import type { Finding } from '../model/report.js';
import type { Analysis } from './types.js';

/** Evidence lines kept per finding: the first report in full, then a few lines of each repeat. */
const MAX_EVIDENCE = 200;

/**
 * Turns drafts into findings on the common time axis, merging drafts of one host with one signature
 * (count, first, last), and appends them to `analysis.findings`. Ids are stable for a signature and host.
 *
 * @example addFindings(analysis, [draftA, draftA2]) // one finding with count 2
 */
export function addFindings(analysis: Analysis, drafts: readonly FindingDraft[]): Finding[] {
  const added: Finding[] = [];
  const byKey = new Map<string, Finding>();
  for (const f of analysis.findings) byKey.set(`${f.host}\u0000${f.signature}`, f);
  for (const draft of drafts) {
    const key = `${draft.host}\u0000${draft.signature}`;
    const first = analysis.resolve(draft.host, draft.stamp);
    const last = draft.lastStamp ? analysis.resolve(draft.host, draft.lastStamp) : first;
    const existing = byKey.get(key);
    if (existing) {
      mergeInto(existing, draft, first, last, analysis);
      continue;
    }
    const finding: Finding = {
      id: findingId(draft.host, draft.signature),
      kind: draft.kind,
      title: draft.title,
      signature: draft.signature,
      host: draft.host,
      layer: draft.layer,
      subsystem: draft.subsystem,
      device: draft.device,
      first: first.time,
      last: last.time,
      count: draft.count ?? 1,
      corrupted: draft.corrupted,
      ...(draft.corruptedReason ? { corruptedReason: draft.corruptedReason } : {}),
      ...(draft.altTitles && draft.altTitles.length ? { altTitles: draft.altTitles } : {}),
      task: draft.task,
      workqueue: draft.workqueue,
      frames: draft.frames,
      details: { ...draft.details },
      evidence: draft.evidence.slice(0, MAX_EVIDENCE).map((e) => ({ ...e, host: e.host ?? draft.host })),
    };
    setAt(finding, first.at, last.at);
    byKey.set(key, finding);
    analysis.findings.push(finding);
    added.push(finding);
  }
  return added;
}

function mergeInto(
  target: Finding,
  draft: FindingDraft,
  first: { at: number | null; time: Finding['first'] },
  last: { at: number | null; time: Finding['first'] },
  analysis: Analysis,
): void {
  target.count += draft.count ?? 1;
  const [firstAt, lastAt] = getAt(target);
  if (isEarlier(first, firstAt, target.first)) {
    target.first = first.time;
    setAt(target, first.at, lastAt);
  }
  const [, currentLastAt] = getAt(target);
  if (!isEarlier(last, currentLastAt, target.last)) {
    target.last = last.time;
    setAt(target, getAt(target)[0], last.at);
  }
  const room = MAX_EVIDENCE - target.evidence.length;
  if (room > 0) {
    for (const e of draft.evidence.slice(0, room)) target.evidence.push({ ...e, host: e.host ?? draft.host });
  }
  if (!target.corrupted && draft.corrupted) return;
  if (target.corrupted && !draft.corrupted) {
    // A clean report of the same bug carries better frames than a damaged one.
    target.corrupted = false;
    delete target.corruptedReason;
    target.frames = draft.frames;
    target.task = draft.task;
  }
  void analysis;
}

// The common-axis instants are kept off the published object (non-enumerable) for ordering stages.
const AT = Symbol('at');
type WithAt = Finding & { [AT]?: [number | null, number | null] };

function setAt(f: Finding, first: number | null, last: number | null): void {
  Object.defineProperty(f, AT, { value: [first, last], enumerable: false, configurable: true, writable: true });
}

/** The first and last instants of a finding on the common axis (epoch ms), null when unplaced. */
export function getAt(f: Finding): [number | null, number | null] {
  return (f as WithAt)[AT] ?? [null, null];
}

function isEarlier(
  candidate: { at: number | null; time: Finding['first'] },
  currentAt: number | null,
  current: Finding['first'],
): boolean {
  if (candidate.at !== null && currentAt !== null) return candidate.at < currentAt;
  if (candidate.time.boot === current.boot && candidate.time.uptime !== null && current.uptime !== null) {
    return candidate.time.uptime < current.uptime;
  }
  return false;
}

/** A short stable id: `f-` and 10 hex digits of the host and signature. */
export function findingId(host: string, signature: string): string {
  return 'f-' + createHash('sha256').update(`${host}\u0000${signature}`).digest('hex').slice(0, 10);
}
