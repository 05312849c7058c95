import { createHash } from 'node:crypto';
import type { Finding, InfoRequest, KnownIssueMatch } from '../model/report.js';
import type { Analysis, Stage } from '../pipeline/types.js';
import { DEFAULT_GUIDANCE, GUIDANCE } from './guidance.js';
import { hostHas, hostViews, type HostView } from './host-facts.js';
import { builtinKbDir, loadKb, type LoadedEntry } from './loader.js';
import { matchEntryOnHost, type EntryMatch } from './match.js';
import type { RequestSpec } from './schema.js';
import { routeUpstream } from './route.js';
import { decideVerdict } from './verdict.js';

/**
 * Matches every entry against every host's findings and turns the matches into known issues.
 *
 * @example matchKnownIssues(analysis, loadKb([builtinKbDir()]).entries)
 */
export function matchKnownIssues(analysis: Analysis, entries: readonly LoadedEntry[]): { matches: EntryMatch[]; issues: KnownIssueMatch[]; views: Map<string, HostView> } {
  const views = hostViews(analysis);
  const matches: EntryMatch[] = [];
  const issues: KnownIssueMatch[] = [];
  for (const { entry } of entries) {
    for (const view of views.values()) {
      const m = matchEntryOnHost(entry, view.findings, view);
      if (!m) continue;
      matches.push(m);
      const v = decideVerdict(entry, view);
      const unknown = [...m.unknownConditions, ...v.components.filter((c) => c.missing).map((c) => c.missing!)];
      const base = fillFinding(v.reason, m.findings[0]!);
      const reason = unknown.length && v.verdict !== 'unknown' ? `${base} Not checked for lack of facts: ${unknown.join('; ')}.` : base;
      issues.push({
        id: entry.id,
        title: entry.title,
        verdict: v.verdict,
        reason,
        confidence: m.unknownConditions.length === 0 ? 'high' : m.unknownConditions.length <= 2 ? 'medium' : 'low',
        layer: entry.layer ?? m.findings[0]!.layer,
        findings: [...m.findings, ...m.related].map((f) => f.id),
        hosts: [view.name],
        summary: entry.summary.trim(),
        details: entry.details.trim(),
        workaround: entry.workaround,
        fix: entry.fix,
        references: entry.references,
        unknownConditions: unknown,
      });
    }
  }
  return { matches, issues, views };
}

/** `{finding.details.oom.podUid}` in a reason: a field of the matched finding, `not named` when absent. */
function fillFinding(text: string, f: Finding): string {
  return text.replace(/\{finding\.([\w.]+)\}/g, (_, path: string) => {
    const value = path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), f);
    return value === undefined || value === null || value === '' ? 'not named' : String(value);
  });
}

function requestId(command: string, host: string | null): string {
  return 'r-' + createHash('sha256').update(`${host ?? ''}\u0000${command}`).digest('hex').slice(0, 10);
}

/** Collects requests, one per command and host, never for what the host's input already holds. */
export class RequestBook {
  readonly list: InfoRequest[] = [];
  private readonly byKey = new Map<string, InfoRequest>();
  add(spec: RequestSpec, view: HostView, forId: string, extraWhy?: string): void {
    if (spec.unlessHave.some((h) => hostHas(view, h))) return;
    const key = `${view.name}\u0000${spec.command}`;
    const existing = this.byKey.get(key);
    if (existing) {
      if (!existing.for.includes(forId)) existing.for.push(forId);
      return;
    }
    const why = extraWhy ? `${spec.why} (${extraWhy})` : spec.why;
    const request: InfoRequest = { id: requestId(spec.command, view.name), command: spec.command, why, host: view.name, for: [forId] };
    this.byKey.set(key, request);
    this.list.push(request);
  }
}

function guidanceFor(f: Finding) {
  return GUIDANCE[f.kind] ?? DEFAULT_GUIDANCE;
}

/**
 * The knowledge-base stage: known issues with verdicts, requests to the reporter, upstream routes, and
 * generic guidance (in `details.guidance`) for findings no entry explains.
 */
export function createKbStage(load: (dirs: string[]) => ReturnType<typeof loadKb> = loadKb): Stage {
  return {
    name: 'knowledge-base',
    run(analysis: Analysis): void {
      const kb = load([builtinKbDir(), ...(analysis.options.kbDirs ?? [])]);
      for (const p of kb.problems) {
        analysis.diagnostics.push({ file: p.file, ...(p.line !== null ? { line: p.line } : {}), severity: 'warning', message: `knowledge base: ${p.message}` });
      }
      const { matches, issues, views } = matchKnownIssues(analysis, kb.entries);
      analysis.knownIssues.push(...issues);
      const book = new RequestBook();
      for (const m of matches) {
        const view = views.get(m.host)!;
        for (const spec of m.entry.requests) {
          const extra = spec.unlessHave.includes('boot-log') ? view.bootLogReason : undefined;
          book.add(spec, view, m.entry.id, extra);
        }
      }
      const explained = new Set(matches.flatMap((m) => [...m.findings, ...m.related].map((f) => f.id)));
      for (const f of analysis.findings) {
        if (explained.has(f.id)) continue;
        const g = guidanceFor(f);
        f.details.guidance = { meaning: g.meaning, suspect: g.suspect, next: g.requests.map((r) => r.command) };
        const view = views.get(f.host)!;
        for (const spec of g.requests) book.add(spec, view, f.id, spec.unlessHave.includes('boot-log') ? view.bootLogReason : undefined);
      }
      analysis.requests.push(...book.list);
      analysis.upstream.push(...routeUpstream(analysis.findings, matches, analysis.options.kernelTree));
    },
  };
}
