import type { Finding, Report } from '../model/report.js';
import type { EntryMatch } from './match.js';
import { readMaintainers, sectionsFor, type MaintainersSection } from './maintainers.js';
import { routeFor } from './upstream-table.js';
import { EVENT_KINDS } from './guidance.js';

type Upstream = Report['upstream'][number];

// Findings of these layers are not kernel bugs to report upstream by themselves.
const NON_KERNEL_LAYERS = new Set(['metrics', 'userland']);

/**
 * Where to report what remains: for each subsystem involved (the findings' subsystems and the matched
 * entries' `upstream` keys), the lists and maintainers, from the kernel tree's MAINTAINERS when given,
 * else from the built-in table.
 *
 * @example routeUpstream(findings, matches) // [{ subsystem: 'xfs', lists: ['linux-xfs@vger.kernel.org'], ... }]
 */
export function routeUpstream(findings: readonly Finding[], matches: readonly EntryMatch[], kernelTree?: string): Upstream[] {
  const wanted = new Map<string, { why: string[]; findings: Set<string> }>();
  const want = (key: string, why: string, ids: string[]): void => {
    const k = key.toLowerCase();
    const w = wanted.get(k) ?? { why: [], findings: new Set<string>() };
    if (!w.why.includes(why)) w.why.push(why);
    ids.forEach((id) => w.findings.add(id));
    wanted.set(k, w);
  };
  for (const m of matches) {
    const ids = [...m.findings, ...m.related].map((f) => f.id);
    for (const key of m.entry.upstream) want(key, `known issue ${m.entry.id} involves ${key}`, ids);
  }
  for (const f of findings) {
    if (NON_KERNEL_LAYERS.has(f.layer) || EVENT_KINDS.has(f.kind) || !f.subsystem) continue;
    want(f.subsystem, `${f.kind} "${f.title}" is in ${f.subsystem}`, [f.id]);
  }
  const sections = kernelTree ? readMaintainers(kernelTree) : null;
  const out: Upstream[] = [];
  for (const [key, w] of wanted) {
    const fromTree = sections ? pickSection(sections, key) : undefined;
    if (fromTree) {
      out.push({
        subsystem: key,
        lists: fromTree.lists,
        maintainers: [...fromTree.maintainers, ...fromTree.reviewers.map((r) => `${r} (reviewer)`)],
        why: w.why.join('; '),
        findings: [...w.findings],
        source: `MAINTAINERS of ${kernelTree}: ${fromTree.title}`,
      });
      continue;
    }
    const route = routeFor(key);
    if (!route) continue;
    out.push({
      subsystem: route.key,
      lists: route.lists,
      maintainers: route.maintainers,
      why: w.why.join('; '),
      findings: [...w.findings],
      source: `built-in table (${route.section}, MAINTAINERS of Linux 6.12; confirm with scripts/get_maintainer.pl)`,
    });
  }
  // One route per list set: `rbd` and `libceph` both go to ceph-devel.
  const seen = new Map<string, Upstream>();
  for (const u of out) {
    const k = u.subsystem;
    const prev = seen.get(k);
    if (prev) {
      prev.findings = [...new Set([...prev.findings, ...u.findings])];
      continue;
    }
    seen.set(k, u);
  }
  return [...seen.values()];
}

function pickSection(sections: readonly MaintainersSection[], key: string): MaintainersSection | undefined {
  return sectionsFor(sections, key)[0];
}
