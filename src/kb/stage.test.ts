import { describe, expect, it } from 'vitest';
import { newAnalysis } from '../pipeline/new-analysis.js';
import type { Analysis, HostState } from '../pipeline/types.js';
import type { Finding } from '../model/report.js';
import type { FactName } from '../model/record.js';
import { builtinKbDir, loadKb } from './loader.js';
import { createKbStage, matchKnownIssues } from './stage.js';
import { routeUpstream } from './route.js';
import { parseMaintainers, sectionsFor } from './maintainers.js';

const kb = loadKb([builtinKbDir()]);

function finding(over: Partial<Finding>): Finding {
  return {
    id: over.id ?? 'f-1', kind: 'hung_task', title: 'INFO: task hung in _xfs_log_force_lsn', signature: 's', host: 'node-a', layer: 'kernel',
    subsystem: 'xfs', device: 'rbd0', first: { wall: null, uptime: 51717, boot: 0 }, last: { wall: null, uptime: 51837, boot: 0 }, count: 2,
    corrupted: false, task: { comm: 'kworker/2:1', pid: 5938, state: 'D' }, workqueue: 'xfs-sync/rbd0',
    frames: ['__schedule', 'schedule', '_xfs_log_force_lsn', '__xfs_trans_commit', 'xfs_log_worker'].map((f) => ({ function: f, offset: '0x1', size: '0x2', module: f.includes('xfs') ? 'xfs' : null, reliable: true, stack: 'task' })),
    details: {}, evidence: [], ...over,
  };
}

function analysisWith(findings: Finding[], facts: Record<string, Partial<Record<FactName, string[]>>>): Analysis {
  const a = newAnalysis({});
  for (const [name, f] of Object.entries(facts)) {
    const host: HostState = { name, facts: new Map(Object.entries(f) as [FactName, string[]][]), anchors: [], clockOffsetSeconds: null, clockOffsetBounds: null, clockReference: null, clockOffsetMethod: null };
    a.hosts.set(name, host);
  }
  a.findings.push(...findings);
  return a;
}

const signal = (topic: string, uptime: number) => ({ topic, host: 'node-a', stamp: { uptime, boot: 0 }, file: 'dmesg.txt', line: 1, text: '', data: {}, at: null, time: { wall: null, uptime, boot: 0 } });

describe('krbd-xfs-osd-colocation-hang', () => {
  it('is affected on 4.15.0-72-generic, explains that no release fixes it, asks for the full dmesg of an excerpt', async () => {
    const a = analysisWith([finding({})], { 'node-a': { 'kernel.release': ['4.15.0-72-generic'] } });
    a.signals.push(signal('kernel.boot-banner', 0));
    await createKbStage().run(a);
    const hit = a.knownIssues.find((k) => k.id === 'krbd-xfs-osd-colocation-hang')!;
    expect(hit.verdict).toBe('affected');
    expect(hit.reason).toMatch(/no kernel release alone fixes it/);
    expect(hit.reason).toMatch(/PR_SET_IO_FLUSHER/);
    expect(hit.unknownConditions.join(' ')).toMatch(/OSDs/);
    expect(hit.workaround.join(' ')).toMatch(/ext4/);
    expect(hit.references.map((r) => r.url).join(' ')).toMatch(/rook\/issues\/3132/);
    const commands = a.requests.map((r) => r.command).join('\n');
    expect(commands).toMatch(/journalctl -k -b 0|dmesg/);
    expect(commands).toMatch(/sysrq-trigger/);
    expect(commands).toMatch(/lsblk -f/);
    expect(a.requests.find((r) => /journalctl/.test(r.command))!.why).toMatch(/-101/);
    expect(a.upstream.flatMap((u) => u.lists)).toEqual(expect.arrayContaining(['linux-xfs@vger.kernel.org', 'ceph-devel@vger.kernel.org']));
    // The unrelated slow-storage entry must not claim the rbd device.
    expect(a.knownIssues.some((k) => k.id === 'xfs-log-force-slow-storage')).toBe(false);
  });

  it('does not ask for the full dmesg when the input holds a complete boot log', async () => {
    const a = analysisWith([finding({})], { 'node-a': { 'kernel.release': ['4.15.0-72-generic'] } });
    a.signals.push(signal('kernel.boot-banner', 0), signal('kernel.boot-memory', 0));
    await createKbStage().run(a);
    expect(a.requests.some((r) => /journalctl -k -b 0/.test(r.command))).toBe(false);
  });

  it('is unknown (not affected) when the kernel release is missing', () => {
    const a = analysisWith([finding({})], {});
    const { issues } = matchKnownIssues(a, kb.entries);
    const hit = issues.find((k) => k.id === 'krbd-xfs-osd-colocation-hang')!;
    expect(hit.verdict).toBe('unknown');
    expect(hit.unknownConditions).toContain('kernel release');
  });

  it('does not match the same hang on a local disk', () => {
    const a = analysisWith([finding({ device: 'sda1', workqueue: 'xfs-sync/sda1' })], { 'node-a': { 'kernel.release': ['4.15.0-72-generic'] } });
    const ids = matchKnownIssues(a, kb.entries).issues.map((k) => k.id);
    expect(ids).not.toContain('krbd-xfs-osd-colocation-hang');
    expect(ids).toContain('xfs-log-force-slow-storage');
  });
});

describe('blockdev-expand-flushes-pagecache', () => {
  const grow = finding({ id: 'f-cap', kind: 'capacity_change', title: 'md0: capacity change', subsystem: 'block', device: 'md0', host: 'db01', details: { direction: 'grow', oldBytes: 1, newBytes: 2 }, frames: [], first: { wall: null, uptime: 100, boot: 0 } });
  const drop = finding({ id: 'f-drop', kind: 'metric_drop', title: 'kbcached drop', layer: 'metrics', subsystem: null, device: null, host: 'db01', details: { series: 'kbcached' }, frames: [], first: { wall: null, uptime: 120, boot: 0 } });
  it.each([
    ['4.4.0-116-generic', 'affected'],
    ['4.15.0-72-generic', 'unknown'],
    ['4.17.0', 'fixed'],
    ['5.4.0-42-generic', 'fixed'],
    ['6.8.0-31-generic', 'fixed'],
    ['4.19.0-6-amd64', 'fixed'],
    ['3.10.0-1160.el7.x86_64', 'unknown'],
  ])('verdict on %s is %s', (release, verdict) => {
    const a = analysisWith([grow, drop], { db01: { 'kernel.release': [release] } });
    const hit = matchKnownIssues(a, kb.entries).issues.find((k) => k.id === 'blockdev-expand-flushes-pagecache')!;
    expect(hit.verdict).toBe(verdict);
    expect(hit.findings).toEqual(['f-cap', 'f-drop']);
  });
  it('needs the cache drop: a grow alone is not the issue', () => {
    const a = analysisWith([grow], { db01: { 'kernel.release': ['4.4.0-116-generic'] } });
    expect(matchKnownIssues(a, kb.entries).issues.map((k) => k.id)).not.toContain('blockdev-expand-flushes-pagecache');
  });
  it('does not request the kernel release when it is known', async () => {
    const a = analysisWith([grow, drop], { db01: { 'kernel.release': ['4.4.0-116-generic'] } });
    await createKbStage().run(a);
    expect(a.requests.some((r) => r.command === 'uname -a')).toBe(false);
  });
});

describe('qemu-kvm-virtio-net-bridge-loss', () => {
  const rx = finding({ id: 'f-rx', kind: 'net_rx_stall', title: 'rx stall on eth0', layer: 'network', subsystem: 'net', device: 'eth0', host: 'backup01', frames: [], first: { wall: null, uptime: 10, boot: 0 } });
  const dhcp = finding({ id: 'f-dhcp', kind: 'dhcp_lease_lost', title: 'lease lost', layer: 'network', subsystem: null, device: 'eth0', host: 'backup01', frames: [], first: { wall: null, uptime: 40, boot: 0 } });
  it('is unknown without the hypervisor package version, and asks for it, vhost_net and a load test', async () => {
    const a = analysisWith([rx, dhcp], { backup01: { 'kernel.release': ['3.2.0-29-virtual'] } });
    await createKbStage().run(a);
    const hit = a.knownIssues.find((k) => k.id === 'qemu-kvm-virtio-net-bridge-loss')!;
    expect(hit.verdict).toBe('unknown');
    expect(hit.unknownConditions).toContain('qemu-kvm package version');
    const text = a.requests.map((r) => `${r.command} ${r.why}`).join('\n');
    expect(text).toMatch(/qemu-kvm/);
    expect(text).toMatch(/vhost_net/);
    expect(text).toMatch(/iperf/);
  });
  it('does not match a bare-metal host', () => {
    const a = analysisWith([rx, dhcp], { backup01: { virtualised: ['none'] } });
    expect(matchKnownIssues(a, kb.entries).issues.map((k) => k.id)).not.toContain('qemu-kvm-virtio-net-bridge-loss');
  });
});

describe('generic guidance and routing', () => {
  it('gives unmatched findings guidance and de-duplicated requests', async () => {
    const w1 = finding({ id: 'w1', kind: 'warning', title: 'WARNING in foo', subsystem: 'mm', device: null, frames: [] });
    const w2 = finding({ id: 'w2', kind: 'warning', title: 'WARNING in bar', subsystem: 'mm', device: null, frames: [] });
    const a = analysisWith([w1, w2], { 'node-a': {} });
    await createKbStage().run(a);
    expect((w1.details.guidance as { meaning: string }).meaning).toMatch(/warn/i);
    const uname = a.requests.filter((r) => r.command.startsWith('uname -a'));
    expect(uname).toHaveLength(1);
    expect(uname[0]!.for).toEqual(['w1', 'w2']);
    expect(a.upstream.map((u) => u.subsystem)).toEqual(['mm']);
  });
  it('routes from a MAINTAINERS file when a kernel tree is given', () => {
    const sections = parseMaintainers('XFS FILESYSTEM\nM:\tA Person <a@example.org>\nL:\tlinux-xfs@vger.kernel.org\nS:\tSupported\nF:\tfs/xfs/\n\nRADOS BLOCK DEVICE (RBD)\nM:\tB <b@example.org>\nL:\tceph-devel@vger.kernel.org\nF:\tdrivers/block/rbd.c\n');
    expect(sectionsFor(sections, 'xfs')[0]!.title).toBe('XFS FILESYSTEM');
    expect(sectionsFor(sections, 'rbd')[0]!.lists).toEqual(['ceph-devel@vger.kernel.org']);
    expect(sectionsFor(sections, 'x', 'fs/xfs/xfs_log.c')[0]!.title).toBe('XFS FILESYSTEM');
    expect(routeUpstream([finding({})], [])[0]).toMatchObject({ subsystem: 'xfs', lists: ['linux-xfs@vger.kernel.org'] });
  });
});

describe('kernel release from the report header', () => {
  it('uses details.kernelRelease when the host has no release fact (a pasted bug report)', () => {
    const a = analysisWith([finding({ host: 'pasted', details: { kernelRelease: '4.15.0-72-generic' } })], {});
    const hit = matchKnownIssues(a, kb.entries).issues.find((k) => k.id === 'krbd-xfs-osd-colocation-hang')!;
    expect(hit.verdict).toBe('affected');
  });
});
