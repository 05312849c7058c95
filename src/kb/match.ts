import type { Finding } from '../model/report.js';
import { getAt } from '../pipeline/findings.js';
import type { FindingMatch, KbEntry } from './schema.js';
import type { HostView } from './host-facts.js';
import { compareUpstream, inRange, parseKernelRelease } from './versions.js';

/** Three-valued logic: a condition over a fact the input lacks is `unknown`, not false. */
export type Tri = true | false | 'unknown';

/** One entry matched on one host: the findings that matched, and what could not be checked. */
export interface EntryMatch {
  entry: KbEntry;
  host: string;
  findings: Finding[];
  related: Finding[];
  unknownConditions: string[];
}

const re = (pattern: string): RegExp => new RegExp(pattern, 'i');
const test = (pattern: string, value: string | null | undefined): boolean => value != null && re(pattern).test(value);

/**
 * Whether a finding satisfies every condition of `m`.
 *
 * @example findingMatches({ kind: 'hung_task', device: '^rbd\\d+$' }, finding)
 */
export function findingMatches(m: FindingMatch, f: Finding): boolean {
  if (m.kind !== undefined && !(Array.isArray(m.kind) ? m.kind : [m.kind]).includes(f.kind)) return false;
  if (m.title !== undefined && !test(m.title, f.title) && !(f.altTitles ?? []).some((t) => test(m.title!, t))) return false;
  if (m.text !== undefined && !f.evidence.some((e) => test(m.text!, e.text))) return false;
  if (m.subsystem !== undefined && !test(m.subsystem, f.subsystem)) return false;
  if (m.device !== undefined && !test(m.device, f.device)) return false;
  if (m.workqueue !== undefined && !test(m.workqueue, f.workqueue)) return false;
  if (m.task !== undefined && !test(m.task, f.task?.comm)) return false;
  if (m.layer !== undefined && f.layer !== m.layer) return false;
  if (m.module !== undefined) {
    const moduleDetail = typeof f.details.module === 'string' ? f.details.module : null;
    if (!f.frames.some((fr) => test(m.module!, fr.module)) && !test(m.module, moduleDetail)) return false;
  }
  if (m.details) {
    for (const [key, pattern] of Object.entries(m.details)) {
      const value = key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), f.details);
      if (value === undefined || value === null || !re(pattern).test(String(value))) return false;
    }
  }
  if (m.frames && !framesMatch(m.frames, f.frames.map((fr) => fr.function))) return false;
  return true;
}

function framesMatch(spec: NonNullable<FindingMatch['frames']>, functions: string[]): boolean {
  const any = (p: string) => functions.some((fn) => re(p).test(fn));
  if (spec.any && !spec.any.some(any)) return false;
  if (spec.all && !spec.all.every(any)) return false;
  if (spec.none && spec.none.some(any)) return false;
  if (spec.sequence) {
    // Frames are printed innermost first: the sequence must appear in that order, gaps allowed.
    let i = 0;
    for (const fn of functions) if (i < spec.sequence.length && re(spec.sequence[i]!).test(fn)) i++;
    if (i < spec.sequence.length) return false;
  }
  return true;
}

/** Evaluates the host conditions; unknown ones are returned with a description of the missing fact. */
export function hostConditions(entry: KbEntry, view: HostView): { result: Tri; unknown: string[] } {
  const h = entry.match.host;
  const unknown: string[] = [];
  let result: Tri = true;
  const apply = (value: Tri, description: string): void => {
    if (value === false) result = false;
    else if (value === 'unknown') {
      unknown.push(description);
      if (result === true) result = 'unknown';
    }
  };
  if (!h) return { result, unknown };
  if (h.kernel !== undefined) {
    const v = view.kernelRelease ? parseKernelRelease(view.kernelRelease) : null;
    const ok = v ? inRange(h.kernel, (b) => compareUpstream(v, b)) : null;
    apply(ok === null ? 'unknown' : ok, `kernel release in ${h.kernel} (kernel release not known)`);
  }
  if (h.distro !== undefined) apply(view.distro === null ? 'unknown' : re(h.distro).test(view.distro), `distribution matches ${h.distro} (distribution not known)`);
  if (h.module !== undefined) {
    apply(view.modules === null ? 'unknown' : view.modules.has(h.module.replace(/-/g, '_')), `module ${h.module} loaded (list of loaded modules not supplied)`);
  }
  if (h.moduleAbsent !== undefined) {
    apply(view.modules === null ? 'unknown' : !view.modules.has(h.moduleAbsent.replace(/-/g, '_')), `module ${h.moduleAbsent} not loaded (list of loaded modules not supplied)`);
  }
  if (h.virtualised !== undefined) {
    apply(view.virtualised === null ? 'unknown' : view.virtualised === h.virtualised, `host is ${h.virtualised ? '' : 'not '}a virtual machine (not known from the input)`);
  }
  return { result, unknown };
}

// Seconds from a to b on the common axis; null when either cannot be placed.
function lagSeconds(a: Finding, b: Finding): number | null {
  const [atA] = getAt(a);
  const [atB] = getAt(b);
  if (atA !== null && atB !== null) return (atB - atA) / 1000;
  if (a.first.boot === b.first.boot && a.first.uptime !== null && b.first.uptime !== null) return b.first.uptime - a.first.uptime;
  return null;
}

/**
 * Matches one entry against the findings of one host. Returns null when no finding matches or a
 * condition is false; conditions that need facts the input lacks are listed as unknown.
 */
export function matchEntryOnHost(entry: KbEntry, findings: readonly Finding[], view: HostView): EntryMatch | null {
  const own = findings.filter((f) => f.host === view.name);
  const alternatives = Array.isArray(entry.match.finding) ? entry.match.finding : [entry.match.finding];
  const primary = own.filter((f) => alternatives.some((m) => findingMatches(m, f)));
  if (!primary.length) return null;
  const hostResult = hostConditions(entry, view);
  if (hostResult.result === false) return null;
  const unknown = [...hostResult.unknown];
  const related: Finding[] = [];
  for (const rel of entry.match.with) {
    let state: Tri = false;
    for (const other of own) {
      if (!findingMatches(rel, other)) continue;
      for (const p of primary) {
        if (p === other) continue;
        if (rel.withinSeconds === undefined && rel.relation === 'any') {
          state = true;
          break;
        }
        const lag = lagSeconds(p, other);
        if (lag === null) {
          if (state === false) state = 'unknown';
          continue;
        }
        const dirOk = rel.relation === 'any' || (rel.relation === 'after' ? lag >= 0 : lag <= 0);
        const windowOk = rel.withinSeconds === undefined || Math.abs(lag) <= rel.withinSeconds;
        if (dirOk && windowOk) state = true;
      }
      if (state === true) {
        related.push(other);
        break;
      }
    }
    if (state === false) return null;
    if (state === 'unknown') unknown.push(`${rel.why} (the findings could not be placed on one time axis)`);
  }
  for (const s of entry.match.suspect) unknown.push(s.condition);
  return { entry, host: view.name, findings: primary, related, unknownConditions: unknown };
}
