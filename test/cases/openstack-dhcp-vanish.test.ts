import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const caseDir = join(root, '..', 'shared', 'cases', 'openstack-dhcp-vanish');

type Json = any;
let report: Json;

beforeAll(() => {
  const out = execFileSync('node', ['bin/ktriage.js', 'analyze', caseDir, '--year', '2012', '--tz', 'UTC', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  report = JSON.parse(out);
});

const host = (name: string) => report.hosts.find((h: Json) => h.name === name);
const finding = (kind: string) => report.findings.find((f: Json) => f.kind === kind && f.host === 'backup01');

describe('openstack-dhcp-vanish (README points 1-5)', () => {
  it('1: two hosts on one timeline, cloud-ctl 2 s ahead of backup01 (±1 s), with bounds', () => {
    const b = host('backup01');
    const c = host('cloud-ctl');
    expect(b && c).toBeTruthy();
    expect(b.clockReference).toBe(c.clockReference);
    const ahead = b.clockOffsetSeconds - c.clockOffsetSeconds; // add to backup01's clock to read cloud-ctl's
    expect(Math.abs(ahead - 2)).toBeLessThanOrEqual(1);
    expect(b.clockOffsetBounds[0]).toBeLessThanOrEqual(b.clockOffsetSeconds);
    expect(b.clockOffsetBounds[1]).toBeGreaterThanOrEqual(b.clockOffsetSeconds);
  });

  it('2: dhcp_lease_lost on backup01 from 03:41:34 guest clock, 4 requests (2+2), 3 discovers, nothing received, all answered', () => {
    const f = finding('dhcp_lease_lost');
    expect(f).toBeTruthy();
    expect(f.details.startHostClock).toMatch(/^2012-08-29T03:41:34/);
    expect(f.details.requests).toEqual({ unicast: 2, broadcast: 2 });
    expect(f.details.discovers).toBe(3);
    expect(f.details.received).toBe(0);
    expect(f.details.gaveUp).toBe(true);
    expect(f.details.serverSaw).toBe(7);
    expect(f.details.serverAnswered).toMatchObject({ ack: 4, offer: 3 });
    expect(f.details.lossPoint).toBe('reply_lost_to_client');
    expect(new Set(f.evidence.map((e: Json) => e.host))).toEqual(new Set(['backup01', 'cloud-ctl']));
  });

  it('3: the DHCP server was healthy: web01 and web02 were served throughout', () => {
    const f = finding('dhcp_lease_lost');
    expect(f.details.serverHealthy).toBe(true);
    expect(f.details.otherClientsServed).toEqual(expect.arrayContaining(['web01', 'web02']));
  });

  it('4: net_rx_stall on backup01 starts before the DHCP failure and is the first anomaly', () => {
    const stall = finding('net_rx_stall');
    const dhcp = finding('dhcp_lease_lost');
    expect(stall).toBeTruthy();
    expect(Date.parse(stall.first.wall)).toBeLessThan(Date.parse(dhcp.first.wall));
    expect(stall.evidence.some((e: Json) => /nfs: server 10\.0\.0\.20 not responding/.test(e.text))).toBe(true);
    expect(report.firstAnomaly.findingId).toBe(stall.id);
    expect(report.firstAnomaly.tiedWith).not.toContain(dhcp.id);
    const link = report.correlations.find((c: Json) => c.from === stall.id && c.to === dhcp.id);
    expect(link.relation).toBe('explains');
    expect(link.lagSeconds).toBeGreaterThan(0);
  });

  it('5: the conclusion puts the fault below DHCP, in the virtual NIC or hypervisor path', () => {
    expect(report.conclusion.layer).toBe('hypervisor');
    expect(report.conclusion.summary).toMatch(/stopped below DHCP/);
    expect(report.conclusion.summary).toMatch(/virtual NIC or the hypervisor path/);
    expect(report.conclusion.summary).toMatch(/DHCP lease settings only hide it/);
  });
});
