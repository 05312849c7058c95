import type { Finding, KnownIssueMatch, Layer } from '../../model/report.js';
import type { Analysis, Stage } from '../../pipeline/types.js';
import { fact } from '../../pipeline/hosts.js';
import { orderedFindings } from './order.js';

type Conclusion = NonNullable<Analysis['conclusion']>;
interface Ctx {
  analysis: Analysis;
  /** The first anomaly, or the only finding when nothing could be placed in time. */
  first: Finding | undefined;
  findings: Finding[];
}

/** A guest of a hypervisor, judged from the host's facts (kernel flavour, DMI, virtio devices). */
function isVirtual(analysis: Analysis, host: string): boolean | null {
  const state = analysis.hosts.get(host);
  const v = fact(state, 'virtualised');
  if (v !== null) return /^(true|yes|1|kvm|qemu|xen|vmware|hyperv)/i.test(v);
  const text = [fact(state, 'kernel.release'), fact(state, 'hardware')].join(' ');
  if (/virtual|kvm|qemu|xen|vmware|hyper-?v|-aws|-azure|-gcp/i.test(text)) return true;
  const virtio = analysis.findings.some((f) => f.host === host && f.evidence.some((e) => /virtio/i.test(e.text)));
  return virtio ? true : null;
}

const num = (x: unknown) => (typeof x === 'number' ? x : 0);

/**
 * Conclusion rules, most specific first: each reads the facts of the analysis and returns a conclusion
 * with its reasons, or null when it does not apply.
 */
const rules: ReadonlyArray<{ name: string; conclude(ctx: Ctx): Conclusion | null }> = [
  {
    // Inbound traffic stopped first and the DHCP server answered what it saw: the loss is below DHCP.
    name: 'rx-path-below-dhcp',
    conclude({ analysis, first, findings }) {
      if (first?.kind !== 'net_rx_stall') return null;
      const dhcp = findings.find((f) => f.kind === 'dhcp_lease_lost' && f.host === first.host && f.details.lossPoint === 'reply_lost_to_client');
      if (!dhcp) return null;
      const d = dhcp.details as Record<string, any>;
      const virtual = isVirtual(analysis, first.host);
      const path = virtual ? "in the guest's virtual NIC or the hypervisor path" : virtual === false ? 'in the NIC, its driver or the network path in front of it' : 'in the host\'s NIC (virtual or physical) or the path in front of it';
      const reasons = [
        `${first.kind} on ${first.host} (${first.device ?? 'network'}) is the first anomaly: received packets fell to about 0 while the host kept transmitting`,
        `the DHCP server saw ${d.serverSaw} of ${d.sent} requests and answered them (${num(d.serverAnswered?.ack)} ACK, ${num(d.serverAnswered?.offer)} OFFER), yet ${first.host} received none`,
      ];
      if (Array.isArray(d.otherClientsServed) && d.otherClientsServed.length) reasons.push(`the DHCP server kept serving other clients (${d.otherClientsServed.join(', ')}) meanwhile`);
      if (virtual) reasons.push(`${first.host} is a virtual machine`);
      return {
        layer: virtual ? 'hypervisor' : 'network',
        confidence: reasons.length >= 3 ? 'high' : 'medium',
        summary: `traffic into ${first.host} stopped below DHCP, ${path}; DHCP lease settings only hide it`,
        reasons,
      };
    },
  },
  {
    name: 'dhcp-loss-point',
    conclude({ findings }) {
      const dhcp = findings.find((f) => f.kind === 'dhcp_lease_lost');
      if (!dhcp) return null;
      const point = String(dhcp.details.lossPoint);
      const layer: Layer = point === 'server_refused' || point === 'server_did_not_answer' ? 'userland' : 'network';
      return { layer, confidence: point === 'unknown' ? 'low' : 'medium', summary: `${dhcp.host} lost its DHCP lease: ${String(dhcp.details.verdict)}`, reasons: [String(dhcp.details.verdict)] };
    },
  },
  {
    // A known issue that the host is affected by and that explains the incident's own findings names the
    // layer (a kernel bug rather than the storage event that triggered it).
    name: 'known-issue',
    conclude({ analysis, first, findings }) {
      const incident = first ? incidentOf(analysis, first) : new Set(findings.map((f) => f.id));
      const issue = analysis.knownIssues.find((k) => (k.verdict === 'affected' || k.verdict === 'no_fix') && k.findings.some((id) => incident.has(id)));
      if (!issue?.layer) return null;
      const byId = new Map(analysis.findings.map((f) => [f.id, f]));
      const matched = issue.findings.map((id) => byId.get(id)).filter((f): f is Finding => f !== undefined);
      const reasons = [`the findings match known issue ${issue.id}: ${matched.map((f) => f.title).join(', then ')} (${issue.hosts.join(', ')})`, issue.reason];
      if (first && !issue.findings.includes(first.id)) reasons.push(`it follows the first anomaly, ${first.title} on ${first.host}`);
      return { layer: issue.layer, confidence: issue.confidence, summary: knownIssueSummary(issue), reasons, knownIssue: issue.id };
    },
  },
  {
    // Kernel reports only: the first one names the layer and subsystem.
    name: 'first-finding-layer',
    conclude({ first, findings }) {
      if (!first) return null;
      const where = [first.subsystem, first.device ? `on ${first.device}` : null].filter(Boolean).join(' ');
      const reasons = [`the first anomaly is ${first.title} on ${first.host}`];
      const same = findings.filter((f) => f.signature === first.signature && f !== first);
      if (same.length) reasons.push(`the same signature appears on ${same.map((f) => f.host).join(', ')}`);
      return { layer: first.layer, confidence: findings.length === 1 ? 'medium' : 'low', summary: `a ${first.layer} problem${where ? ` in ${where}` : ''}: ${first.title}`, reasons };
    },
  },
];

const knownIssueSummary = (issue: KnownIssueMatch) => `a known issue (${issue.id}, ${issue.verdict === 'no_fix' ? 'no released fix' : 'affected'}): ${issue.title}`;

/** The findings linked to `start` through correlations, directly or in a chain, and `start` itself. */
function incidentOf(analysis: Analysis, start: Finding): Set<string> {
  const seen = new Set([start.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of analysis.correlations) {
      if (seen.has(c.from) !== seen.has(c.to)) {
        seen.add(c.from).add(c.to);
        grew = true;
      }
    }
  }
  return seen;
}

/** Runs after the knowledge base: a matched known issue can name the layer at fault. */
export const conclusionStage: Stage = {
  name: 'conclusion',
  run(analysis) {
    const ordered = orderedFindings(analysis);
    if (!analysis.findings.length) return;
    const firstId = analysis.firstAnomaly?.findingId;
    const first = analysis.findings.find((f) => f.id === firstId) ?? ordered[0]?.f ?? (analysis.findings.length === 1 ? analysis.findings[0] : undefined);
    const ctx: Ctx = { analysis, first, findings: ordered.length ? ordered.map((x) => x.f) : analysis.findings };
    for (const rule of rules) {
      const c = rule.conclude(ctx);
      if (c) {
        analysis.conclusion = c;
        return;
      }
    }
  },
};
