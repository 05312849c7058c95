import { describe, expect, it } from 'vitest';
import type { Finding, Host, KnownIssueMatch } from '../model/report.js';
import { clockSentence, exchangeSummary, leadKnownIssue, plainReason } from './report-words.js';
import { fittedSparklines } from './sparkline-fit.js';
import { SAMPLE_REPORTS } from './samples.js';

const host = (over: Partial<Host>): Host => ({
  name: 'backup01',
  kernel: { release: null, distro: null, tainted: null, taint: [] },
  clockOffsetSeconds: null,
  clockOffsetBounds: null,
  clockReference: null,
  clockOffsetMethod: null,
  ...over,
});

describe('clockSentence', () => {
  it('a positive offset (add to reach the reference) means the host runs behind, with its bounds', () => {
    const s = clockSentence(host({ clockOffsetSeconds: 2, clockOffsetBounds: [1, 3], clockReference: 'cloud-ctl', clockOffsetMethod: 'dhcp-exchange-bounds' }));
    expect(s).toBe("backup01's clock runs 2 s behind cloud-ctl (between 1 and 3 s, from the DHCP exchanges seen on both hosts)");
  });
  it('a negative offset runs ahead, bounds turned the same way', () => {
    const s = clockSentence(host({ clockOffsetSeconds: -2, clockOffsetBounds: [-3, -1], clockReference: 'x', clockOffsetMethod: 'dhcp-requests-only' }));
    expect(s).toMatch(/^backup01's clock runs 2 s ahead of x \(between 1 and 3 s, from DHCP requests only/);
  });
  it('says nothing for the reference itself or without an estimate', () => {
    expect(clockSentence(host({ clockOffsetSeconds: 0, clockReference: 'backup01', clockOffsetMethod: 'reference' }))).toBeNull();
    expect(clockSentence(host({}))).toBeNull();
  });
});

describe('plainReason', () => {
  const k = {
    reason: 'Matches. There is no fix to upgrade to (no_fix): none. Not checked for lack of facts: a; b.',
    unknownConditions: ['a', 'b'],
  } as unknown as KnownIssueMatch;
  it('drops enum names, and the unchecked list when it is shown apart', () => {
    expect(plainReason(k, true)).toBe('Matches. There is no fix to upgrade to: none.');
    expect(plainReason(k, false)).toContain('Not checked for lack of facts: a; b.');
  });
});

describe('exchangeSummary', () => {
  it('gives both sides of a DHCP exchange', () => {
    const f = {
      host: 'backup01',
      details: { requests: { unicast: 2, broadcast: 2 }, discovers: 3, sent: 7, received: 0, serverSaw: 7, serverAnswered: { ack: 4, offer: 3, nak: 0 }, lost: { toServer: 0, toClient: 7 }, servers: ['cloud-ctl'], otherClientsServed: ['web01'], gaveUp: true },
    } as unknown as Finding;
    expect(exchangeSummary(f)).toBe(
      'backup01 sent 7 (4 REQUEST: 2 unicast, 2 broadcast; 3 DISCOVER) and received 0; cloud-ctl saw 7 and answered 7 (4 ACK, 3 OFFER, 0 NAK); 7 replies lost on the way to the client; other clients served meanwhile: web01; the client gave up',
    );
  });
  it('is null for findings without an exchange', () => {
    expect(exchangeSummary({ host: 'h', details: {} } as unknown as Finding)).toBeNull();
  });
});

describe('fittedSparklines', () => {
  it('keeps every line within the width', () => {
    // The sample's rx series gets a drop finding with a long summary, as sar's counters do.
    const base = SAMPLE_REPORTS.dhcp;
    const stall = base.findings[0]!;
    const drop = {
      ...stall,
      id: 'drop',
      kind: 'metric_drop',
      title: 'metric drop: rxpck/s of eth0 on backup01',
      details: { series: 'rxpck/s', device: 'eth0', before: 16093.66, after: 22.65, relativeChange: -0.9986, unit: '/s', recoverySeconds: 840 },
    } as Finding;
    const withDrop = { ...base, findings: [...base.findings, drop], correlations: [{ from: stall.id, to: 'drop', lagSeconds: 5, relation: 'explains' as const, reason: 'x', confidence: 'low' as const }] };
    let seen = 0;
    for (const report of [...Object.values(SAMPLE_REPORTS), withDrop]) {
      for (const w of [60, 100]) {
        const lines = fittedSparklines(report, w);
        seen += lines.length;
        for (const l of lines) expect([...l].length).toBeLessThanOrEqual(w);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('leadKnownIssue', () => {
  const issue = (id: string, verdict: KnownIssueMatch['verdict'], confidence: KnownIssueMatch['confidence'], findings: string[]): KnownIssueMatch => ({
    id, title: id, verdict, reason: '', confidence, findings, hosts: ['h'], summary: '', workaround: [], fix: [], references: [], unknownConditions: [],
  });
  const base = SAMPLE_REPORTS.rook;
  const first = { findingId: 'f-first', host: 'h', time: { wall: null, uptime: 1, boot: 0 }, reason: '', tiedWith: [], uncertaintySeconds: null };

  it('prefers the issue covering the first anomaly or a finding linked to it over a surer one elsewhere', () => {
    const knownIssues = [issue('elsewhere', 'affected', 'high', ['f-other']), issue('linked', 'unknown', 'medium', ['f-effect'])];
    const correlations = [{ from: 'f-first', to: 'f-effect', lagSeconds: 30, relation: 'explains' as const, reason: '', confidence: 'high' as const }];
    expect(leadKnownIssue({ ...base, knownIssues, correlations, firstAnomaly: first, conclusion: null })?.id).toBe('linked');
    // Asked for affected issues only, the unknown verdict is passed over.
    expect(leadKnownIssue({ ...base, knownIssues, correlations, firstAnomaly: first, conclusion: null }, ['affected', 'no_fix'])?.id).toBe('elsewhere');
  });

  it('takes the issue the conclusion rests on, and never one the host is fixed for', () => {
    const knownIssues = [issue('fixed-one', 'fixed', 'high', ['f-first']), issue('pinned', 'affected', 'low', ['f-x'])];
    const conclusion = { layer: 'kernel' as const, confidence: 'low' as const, summary: '', reasons: [], knownIssue: 'pinned' };
    expect(leadKnownIssue({ ...base, knownIssues, correlations: [], firstAnomaly: first, conclusion })?.id).toBe('pinned');
    expect(leadKnownIssue({ ...base, knownIssues: knownIssues.slice(0, 1), correlations: [], firstAnomaly: first, conclusion: null })).toBeUndefined();
  });
});
