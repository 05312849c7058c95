import { describe, expect, it } from 'vitest';
import { makeAnalysis, feed, store, dhcpSignal } from './helpers/timeline-analysis.js';
import { timelineStages } from '../src/timeline/index.js';
import { networkStages, networkDetectors } from '../src/detect/network/index.js';
import { conclusionStages, incidentStages } from '../src/correlate/incident/index.js';
import { hostState } from '../src/pipeline/hosts.js';
import { syslog } from '../src/parse/logs/syslog.js';
import { dmesg } from '../src/parse/logs/dmesg.js';
import { matchDhcpLine } from '../src/detect/network/dhcp/detector.js';
import { unplacedReason } from '../src/timeline/clocks.js';
import type { Analysis } from '../src/pipeline/types.js';

async function run(analysis: Analysis, stages = [...timelineStages, ...networkStages, ...incidentStages, ...conclusionStages]) {
  for (const s of stages) await s.run(analysis);
}
const T0 = Date.UTC(2012, 7, 29, 3, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('clocks', () => {
  it('converts uptime per boot through that boot\'s anchors (two boots in one host)', async () => {
    const a = makeAnalysis();
    const h = hostState(a, 'db1');
    const boot0 = Date.UTC(2020, 0, 1, 0, 0, 0);
    const boot1 = Date.UTC(2020, 0, 2, 12, 0, 0);
    for (const u of [10, 20, 30]) h.anchors.push({ host: 'db1', boot: 0, uptime: u, wallMs: boot0 + u * 1000, file: 'x', line: 1, precisionSeconds: 1 });
    for (const u of [5, 15]) h.anchors.push({ host: 'db1', boot: 1, uptime: u, wallMs: boot1 + u * 1000, file: 'x', line: 2, precisionSeconds: 1 });
    await run(a, timelineStages);
    const r0 = a.resolve('db1', { uptime: 100, boot: 0 });
    const r1 = a.resolve('db1', { uptime: 100, boot: 1 });
    expect(r0.at).toBe(boot0 + 100_000);
    expect(r1.at).toBe(boot1 + 100_000);
    expect(r1.time.estimated).toBe(true);
    expect(r1.time.uncertaintySeconds).toBeGreaterThan(0);
    // A third boot without anchors or boot time stays off the axis, with a reason.
    expect(a.resolve('db1', { uptime: 100, boot: 2 }).at).toBeNull();
    expect(unplacedReason(a, 'db1', { uptime: 100, boot: 2 })).toMatch(/boot 2/);
  });

  it('uses the boot time fact when no anchor exists', async () => {
    const a = makeAnalysis({ timeZone: 'UTC', hostTimeZones: { web: 'Asia/Tokyo' } });
    const boot = Date.UTC(2021, 5, 1, 0, 0, 0);
    hostState(a, 'web').facts.set('boot.time', [String(boot)]);
    await run(a, timelineStages);
    const r = a.resolve('web', { uptime: 60 });
    expect(r.at).toBe(boot + 60_000);
    expect(r.time.wall).toBe('2021-06-01T09:01:00+09:00');
  });

  it('keeps a December→January syslog increasing (real syslog parser)', async () => {
    const a = makeAnalysis();
    const recs = feed(a, syslog, 'Dec 31 23:59:58 h1 kernel: [100.000000] a\nJan  1 00:00:02 h1 kernel: [104.000000] b\n', 'h1', [], { year: 2019 });
    await run(a, timelineStages);
    const ats = recs.filter((r) => r.kind === 'log').map((r) => a.resolve('h1', r.stamp).at!);
    expect(iso(ats[0])).toBe('2019-12-31T23:59:58Z');
    expect(iso(ats[1])).toBe('2020-01-01T00:00:02Z');
  });

  it('joins raw dmesg to the syslog of the same host through the shared uptime', async () => {
    const a = makeAnalysis();
    feed(a, syslog, ['Aug 29 03:00:00 h1 kernel: [1000.000000] x', 'Aug 29 03:10:00 h1 kernel: [1600.000000] y', 'Aug 29 03:20:00 h1 kernel: [2200.000000] z'].join('\n'), 'h1');
    const recs = feed(a, dmesg, '[ 1800.500000] EXT4-fs error (device sda1): something\n', 'h1');
    await run(a, timelineStages);
    const log = recs.find((r) => r.kind === 'log')!;
    expect(log.stamp.wallMs).toBeUndefined();
    const r = a.resolve('h1', log.stamp);
    expect(r.time.wall).toBe('2012-08-29T03:13:20.500Z');
    expect(r.time.estimated).toBe(true);
  });
});

/** A client that renews every 30 s, then sends 2 unicast + 2 broadcast REQUESTs and 3 DISCOVERs and gives up. */
function failingClient(host: string, clockAhead: number) {
  const obs = [];
  const c = (t: number) => T0 + t * 1000 - clockAhead * 1000;
  for (let t = 0; t < 300; t += 30) {
    obs.push(dhcpSignal(host, c(t), { role: 'client', type: 'REQUEST', ip: '10.0.0.5', iface: 'eth0', dest: '10.0.0.1' }));
    obs.push(dhcpSignal(host, c(t), { role: 'client', type: 'ACK', ip: '10.0.0.5', server: '10.0.0.1' }));
  }
  const sends = [300, 309, 321, 332, 340, 343, 350];
  sends.forEach((t, i) =>
    obs.push(dhcpSignal(host, c(t), i < 4 ? { role: 'client', type: 'REQUEST', ip: '10.0.0.5', iface: 'eth0', dest: i < 2 ? '10.0.0.1' : '255.255.255.255' } : { role: 'client', type: 'DISCOVER', iface: 'eth0', dest: '255.255.255.255' })),
  );
  obs.push(dhcpSignal(host, c(362), { role: 'client', type: 'NO_OFFERS' }));
  obs.push(dhcpSignal(host, c(362), { role: 'client', type: 'GAVE_UP' }));
  return { obs, sends };
}

function server(host: string, clockAhead: number, reply: (t: number, i: number) => Array<Record<string, string>>, sends: number[]) {
  const obs = [];
  const s = (t: number) => T0 + t * 1000 + clockAhead * 1000;
  for (let t = 0; t < 300; t += 30) {
    obs.push(dhcpSignal(host, s(t), { role: 'server', type: 'REQUEST', ip: '10.0.0.5', mac: 'fa:16:3e:4c:2a:91' }));
    obs.push(dhcpSignal(host, s(t), { role: 'server', type: 'ACK', ip: '10.0.0.5', mac: 'fa:16:3e:4c:2a:91', clientName: 'backup01' }));
  }
  for (let t = 5; t < 420; t += 25) {
    obs.push(dhcpSignal(host, s(t), { role: 'server', type: 'REQUEST', ip: '10.0.0.6', mac: 'fa:16:3e:11:7b:02' }));
    obs.push(dhcpSignal(host, s(t), { role: 'server', type: 'ACK', ip: '10.0.0.6', mac: 'fa:16:3e:11:7b:02', clientName: 'web01' }));
  }
  sends.forEach((t, i) => {
    for (const d of reply(t, i)) obs.push(dhcpSignal(host, s(t), d));
  });
  return obs;
}

describe('skew and DHCP transactions', () => {
  it('estimates the offset when the server clock runs behind the client', async () => {
    const a = makeAnalysis();
    const { obs } = failingClient('backup01', 0);
    store(a, 'backup01', obs);
    store(a, 'ctl', server('ctl', -5, () => [], []));
    await run(a, timelineStages);
    const client = a.hosts.get('backup01')!;
    expect(client.clockReference).toBe('ctl');
    expect(client.clockOffsetSeconds).toBeCloseTo(-5, 0);
    expect(client.clockOffsetBounds![0]).toBeLessThanOrEqual(-5);
    expect(client.clockOffsetBounds![1]).toBeGreaterThanOrEqual(-5);
    expect(client.clockOffsetBounds![1] - client.clockOffsetBounds![0]).toBeLessThanOrEqual(2);
    expect(a.hosts.get('ctl')!.clockOffsetSeconds).toBe(0);
    // The client's events are moved onto the server's clock.
    const first = a.signals.find((s) => s.host === 'backup01')!;
    expect(first.at).toBe(T0 - 5000);
  });

  it('judges "server never saw" when the server kept serving others but logged nothing of the client', async () => {
    const a = makeAnalysis();
    const { obs, sends } = failingClient('backup01', 0);
    store(a, 'backup01', obs);
    store(a, 'ctl', server('ctl', 3, () => [], sends));
    await run(a);
    const f = a.findings.find((x) => x.kind === 'dhcp_lease_lost')!;
    expect(f.host).toBe('backup01');
    expect(f.details.lossPoint).toBe('server_never_saw');
    expect(String(f.details.verdict)).toMatch(/path from the client is broken, or the server is down/);
    expect(f.details.serverSaw).toBe(0);
    expect(f.details.otherClientsServed).toEqual(['web01']);
    expect(f.details.gaveUp).toBe(true);
    expect(a.conclusion?.layer).toBe('network');
  });

  it('judges "server refused" when the server answered with NAKs', async () => {
    const a = makeAnalysis();
    const { obs, sends } = failingClient('backup01', 0);
    store(a, 'backup01', obs);
    const nak = (t: number, i: number) =>
      i < 4
        ? [{ role: 'server', type: 'REQUEST', ip: '10.0.0.5', mac: 'fa:16:3e:4c:2a:91' }, { role: 'server', type: 'NAK', ip: '10.0.0.5', mac: 'fa:16:3e:4c:2a:91', reason: 'wrong network' }]
        : [{ role: 'server', type: 'DISCOVER', mac: 'fa:16:3e:4c:2a:91', refused: 'no address available' }];
    store(a, 'ctl', server('ctl', 0, nak, sends));
    await run(a);
    const f = a.findings.find((x) => x.kind === 'dhcp_lease_lost')!;
    expect(f.details.lossPoint).toBe('server_refused');
    expect(f.details.serverSaw).toBe(7);
    expect(f.details.serverAnswered).toEqual({ ack: 0, offer: 0, nak: 4 });
    expect(f.evidence.some((e) => e.host === 'ctl')).toBe(true);
  });

  it('judges "reply lost" and puts the stall first with an explaining correlation', async () => {
    const a = makeAnalysis();
    const { obs, sends } = failingClient('guest', 0);
    store(a, 'guest', obs);
    const ack = (_t: number, i: number) =>
      i < 4
        ? [{ role: 'server', type: 'REQUEST', ip: '10.0.0.5', mac: 'fa:16:3e:4c:2a:91' }, { role: 'server', type: 'ACK', ip: '10.0.0.5', mac: 'fa:16:3e:4c:2a:91', clientName: 'guest' }]
        : [{ role: 'server', type: 'DISCOVER', mac: 'fa:16:3e:4c:2a:91' }, { role: 'server', type: 'OFFER', ip: '10.0.0.5', mac: 'fa:16:3e:4c:2a:91' }];
    store(a, 'ctl', server('ctl', 2, ack, sends));
    store(a, 'guest', [{ type: 'signal', signal: { topic: 'netstall', host: 'guest', stamp: { wallMs: T0 + 290_000 }, file: 'guest/syslog', line: 9, text: 'nfs: server 10.0.0.20 not responding', data: { source: 'nfs-not-responding', direction: 'rx', kind: 'nfs_server_not_responding', server: '10.0.0.20' } } }]);
    hostState(a, 'guest').facts.set('kernel.release', ['3.2.0-29-virtual']);
    await run(a);
    expect(a.hosts.get('guest')!.clockOffsetSeconds).toBeCloseTo(2, 0);
    const f = a.findings.find((x) => x.kind === 'dhcp_lease_lost')!;
    expect(f.details.lossPoint).toBe('reply_lost_to_client');
    expect(f.details.serverAnswered).toEqual({ ack: 4, offer: 3, nak: 0 });
    const nfs = a.findings.find((x) => x.kind === 'nfs_server_not_responding')!;
    expect(a.firstAnomaly?.findingId).toBe(nfs.id);
    expect(a.correlations.some((c) => c.from === nfs.id && c.to === f.id)).toBe(true);
  });
});

describe('dhcp lines', () => {
  it.each([
    ['DHCPREQUEST of 10.0.0.5 on eth0 to 255.255.255.255 port 67', 'dhclient', { role: 'client', type: 'REQUEST', ip: '10.0.0.5', dest: '255.255.255.255' }],
    ['DHCPDISCOVER on eth0 to 255.255.255.255 port 67 interval 7', 'dhclient', { type: 'DISCOVER', interval: '7' }],
    ['DHCPACK(br100) 10.0.0.5 fa:16:3e:4c:2a:91 backup01', 'dnsmasq-dhcp', { role: 'server', type: 'ACK', clientName: 'backup01', mac: 'fa:16:3e:4c:2a:91' }],
    ['DHCPDISCOVER(br100) fa:16:3e:4c:2a:91', 'dnsmasq-dhcp', { role: 'server', type: 'DISCOVER' }],
    ['DHCPDISCOVER(eth0) 00:11:22:33:44:55 no address available', 'dnsmasq-dhcp', { type: 'DISCOVER', refused: 'no address available' }],
    ['DHCPNAK(eth0) 10.0.0.9 00:11:22:33:44:55 wrong network', 'dnsmasq-dhcp', { type: 'NAK', reason: 'wrong network' }],
    ['eth0: DHCPv4 address 10.0.0.5/24 via 10.0.0.1', 'systemd-networkd', { type: 'BOUND', ip: '10.0.0.5' }],
    ['eth0: DHCP lease lost', 'systemd-networkd', { type: 'LEASE_LOST', iface: 'eth0' }],
    ['<info>  [1590000000.1234] dhcp4 (eth0): state changed bound -> expire', 'NetworkManager', { type: 'LEASE_LOST' }],
    ['No working leases in persistent database - sleeping.', 'dhclient', { type: 'GAVE_UP' }],
  ])('%s', (line, program, expected) => {
    expect(matchDhcpLine(line, program)).toMatchObject(expected);
  });
  it('ignores other lines', () => {
    expect(matchDhcpLine('exiting.', 'sshd')).toBeNull();
    expect(matchDhcpLine('Started Daily apt activities.', 'systemd')).toBeNull();
  });
});
