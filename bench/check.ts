/** Compares a ktriage report with the generator's manifest: exact kinds, hosts and counts. */
import type { ExpectedFinding } from './generate.js';

export interface FoundFinding {
  host: string;
  kind: string;
  count: number;
  title: string;
}

export interface CheckResult {
  ok: boolean;
  problems: string[];
}

const key = (host: string, kind: string) => `${host}\u0000${kind}`;

/**
 * Every injected (host, kind) must be found with the injected number of occurrences (the sum of the
 * findings' counts, since findings merge repeats by signature), and nothing else may be found: benign
 * noise producing a finding is as wrong as a missed report.
 */
export function checkFindings(expected: readonly ExpectedFinding[], found: readonly FoundFinding[]): CheckResult {
  const actual = new Map<string, { count: number; titles: string[] }>();
  for (const f of found) {
    const a = actual.get(key(f.host, f.kind)) ?? { count: 0, titles: [] };
    a.count += f.count;
    a.titles.push(`${f.title} ×${f.count}`);
    actual.set(key(f.host, f.kind), a);
  }
  const problems: string[] = [];
  const wanted = new Set<string>();
  for (const e of expected) {
    wanted.add(key(e.host, e.kind));
    const a = actual.get(key(e.host, e.kind));
    if (!a) problems.push(`missing: ${e.host} ${e.kind} ×${e.count} (${e.templates.join(', ')})`);
    else if (a.count !== e.count) problems.push(`wrong count: ${e.host} ${e.kind} expected ${e.count}, found ${a.count}: ${a.titles.join('; ')}`);
  }
  for (const [k, a] of actual) {
    if (wanted.has(k)) continue;
    const [host, kind] = k.split('\u0000');
    problems.push(`unexpected: ${host} ${kind} ×${a.count}: ${a.titles.join('; ')}`);
  }
  return { ok: problems.length === 0, problems };
}
