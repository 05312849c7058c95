import { describe, expect, it } from 'vitest';
import { renderIncidentTimeline } from './text-timeline.js';
import type { Report } from '../model/report.js';

const t = (wall: string) => ({ wall, uptime: null, boot: null });
const finding = (id: string, kind: string, host: string, first: string, details: Record<string, unknown> = {}) => ({
  id, kind, title: kind, signature: id, host, layer: 'network' as const, subsystem: null, device: null, first: t(first), last: t(first), count: 1,
  corrupted: false, task: null, workqueue: null, frames: [], details, evidence: [],
});

describe('renderIncidentTimeline', () => {
  const report = {
    version: 1, generatedBy: 'test', correlations: [], knownIssues: [], requests: [], upstream: [], inputs: [], diagnostics: [],
    hosts: [
      { name: 'guest', kernel: { release: null, distro: null, tainted: null, taint: [] }, clockOffsetSeconds: 2, clockOffsetBounds: [1, 3], clockReference: 'ctl' },
      { name: 'ctl', kernel: { release: null, distro: null, tainted: null, taint: [] }, clockOffsetSeconds: 0, clockOffsetBounds: [0, 0], clockReference: 'ctl' },
    ],
    findings: [
      finding('f-1', 'net_rx_stall', 'guest', '2012-08-29T03:41:06Z'),
      finding('f-2', 'dhcp_lease_lost', 'guest', '2012-08-29T03:41:36Z', {
        messages: [
          { host: 'guest', time: t('2012-08-29T03:41:36Z'), text: 'dhclient: DHCPREQUEST of 10.0.0.5 \u001b[2Jon eth0' },
          { host: 'ctl', time: t('2012-08-29T03:41:36Z'), text: 'dnsmasq-dhcp: DHCPACK(br100) 10.0.0.5' },
        ],
      }),
    ],
    firstAnomaly: { findingId: 'f-1', host: 'guest', time: t('2012-08-29T03:41:06Z'), reason: 'r', tiedWith: [], uncertaintySeconds: null },
  } as unknown as Report;

  it('puts each host in its own column, in time order, with the first anomaly marked', () => {
    const lines = renderIncidentTimeline(report, { width: 90, color: false });
    expect(lines[0]).toMatch(/ctl.*guest \(\+2 s\)/);
    const body = lines.slice(2, -1);
    expect(body[0]).toMatch(/03:41:06 .*▶ net_rx_stall/);
    const ack = body.find((l) => l.includes('DHCPACK'))!;
    const req = body.find((l) => l.includes('DHCPREQUEST'))!;
    // ctl is the first column, guest the second.
    expect(ack.indexOf('DHCPACK')).toBeLessThan(req.indexOf('DHCPREQUEST'));
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(lines.every((l) => l.length <= 90)).toBe(true);
  });
});
