/**
 * Seeded generator of benchmark input: per host one log file (syslog RFC 3164, journald short-precise
 * or raw dmesg, in turn) and one `sar -r` file, benign noise, and a known set of injected kernel reports,
 * DHCP failures and page-cache drops. `expected.json` says what was injected.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { reportTemplates, type Rand } from './reports.js';

export interface GenerateOptions {
  /** Total bytes of log input over all hosts. */
  sizeBytes: number;
  hosts: number;
  seed: number;
  /** Reports of each template per host (spread over the file). */
  reportsPerKind: number;
}

export interface ExpectedFinding {
  host: string;
  kind: string;
  /** Injected reports of this kind on this host (the sum of the findings' counts must equal it). */
  count: number;
  templates: string[];
}

export interface Manifest {
  version: number;
  options: GenerateOptions;
  year: number;
  timeZone: string;
  files: string[];
  bytes: number;
  expected: ExpectedFinding[];
}

/** Bump when the generated text changes, so cached inputs in bench/out are regenerated. */
export const GENERATOR_VERSION = 3;
export const YEAR = 2024;
const START = Date.UTC(YEAR, 2, 10, 2, 0, 0);
const SPAN_MS = 20 * 3600_000;
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const FORMATS = ['syslog', 'journal', 'dmesg'] as const;

/** mulberry32: small, fast, and the same sequence on every platform. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const ip = (r: Rand) => `10.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Benign daemon messages: [program, message]. None of them may produce a finding. */
const noise: ((r: Rand) => [string, string])[] = [
  (r) => ['systemd', pick(r, ['Started Session ' + int(r, 1, 99999) + ' of user root.', 'Starting Daily apt download activities...', 'Finished Daily apt download activities.', 'Started Run anacron jobs.', 'logrotate.service: Succeeded.'])],
  (r) => ['CRON', `(root) CMD (   cd / && run-parts --report /etc/cron.hourly)`],
  (r) => ['sshd', pick(r, [`Accepted publickey for deploy from ${ip(r)} port ${int(r, 30000, 65000)} ssh2: RSA SHA256:${'x'.repeat(8)}`, `pam_unix(sshd:session): session opened for user deploy by (uid=0)`, `Disconnected from user deploy ${ip(r)} port ${int(r, 30000, 65000)}`])],
  (r) => ['kubelet', `I0310 ${pad2(int(r, 0, 23))}:${pad2(int(r, 0, 59))}:${pad2(int(r, 0, 59))}.${int(r, 100000, 999999)}    ${int(r, 1000, 9999)} kubelet_pods.go:${int(r, 100, 999)}] "Pod status updated" pod="default/web-${int(r, 1, 40)}" status=Running`],
  (r) => ['kubelet', `I0310 reconciler_common.go:${int(r, 100, 300)}] "operationExecutor.MountVolume started for volume" volume="kube-api-access-${int(r, 1000, 9999)}"`],
  (r) => ['audit', `type=SYSCALL msg=audit(1710036000.${int(r, 100, 999)}:${int(r, 1000, 99999)}): arch=c000003e syscall=59 success=yes exit=0 a0=55d4 items=2 ppid=${int(r, 1, 9999)} pid=${int(r, 1, 99999)} auid=1000 uid=0 comm="bash"`],
  (r) => ['containerd', `time="2024-03-10T03:00:00.${int(r, 100000000, 999999999)}Z" level=info msg="shim disconnected" id=${'0123456789abcdef'.repeat(4)}`],
];

/** Benign kernel messages (no trigger of any detector). */
const kernelNoise: ((r: Rand) => string)[] = [
  (r) => `ixgbe 0000:3b:00.${int(r, 0, 1)} eno${int(r, 1, 2)}: NIC Link is Up 10 Gbps, Flow Control: RX/TX`,
  (r) => `usb 1-${int(r, 1, 4)}: new high-speed USB device number ${int(r, 2, 30)} using xhci_hcd`,
  (r) => `usb 1-${int(r, 1, 4)}: New USB device found, idVendor=0781, idProduct=5583, bcdDevice= 1.00`,
  (r) => `EXT4-fs (sd${pick(r, ['b', 'c', 'd'])}1): mounted filesystem with ordered data mode. Opts: (null)`,
  (r) => `IPv6: ADDRCONF(NETDEV_CHANGE): cali${int(r, 1000, 9999)}: link becomes ready`,
  (r) => `audit: type=1400 audit(1710036000.${int(r, 100, 999)}:${int(r, 10, 999)}): apparmor="STATUS" operation="profile_replace" name="cri-containerd.apparmor.d" pid=${int(r, 100, 99999)}`,
  (r) => `br-${int(r, 1000, 9999)}: port ${int(r, 1, 8)}(veth${int(r, 1000, 9999)}) entered forwarding state`,
];

interface Writer {
  line(ms: number, program: string, pid: number | null, message: string): void;
  kernel(ms: number, message: string): void;
}

function clock(ms: number): string {
  const d = new Date(ms);
  return `${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

const uptime = (ms: number) => {
  const s = (ms - START) / 1000 + 86_400;
  return `[${s.toFixed(6).padStart(12, ' ')}]`;
};

function writerFor(format: (typeof FORMATS)[number], host: string, push: (s: string) => void): Writer {
  if (format === 'syslog')
    return {
      line: (ms, p, pid, m) => push(`${clock(ms)} ${host} ${p}${pid === null ? '' : `[${pid}]`}: ${m}\n`),
      kernel: (ms, m) => push(`${clock(ms)} ${host} kernel: ${uptime(ms)} ${m}\n`),
    };
  if (format === 'journal') {
    const t = (ms: number) => `${clock(ms)}.${String((ms % 1000) * 1000 + 123).padStart(6, '0')}`;
    return {
      line: (ms, p, pid, m) => push(`${t(ms)} ${host} ${p}${pid === null ? '' : `[${pid}]`}: ${m}\n`),
      kernel: (ms, m) => push(`${t(ms)} ${host} kernel: ${m}\n`),
    };
  }
  // Raw dmesg holds kernel messages only: daemon noise becomes kernel noise there.
  return { line: () => undefined, kernel: (ms, m) => push(`${uptime(ms)} ${m}\n`) };
}

interface Injection {
  at: number;
  lines: (ms: number, w: Writer) => void;
}

const dhcpLine = (at: number, message: string): Injection => ({ at, lines: (ms, w) => w.line(ms, 'dhclient', 1201, message) });

/** A lease renewal the server answers, every 30 minutes of log time: benign. */
function dhcpRenewals(r: Rand, avoidFrom: number, avoidTo: number): Injection[] {
  const out: Injection[] = [];
  for (let at = START + 600_000; at < START + SPAN_MS; at += 1_800_000) {
    if (at > avoidFrom - 3_600_000 && at < avoidTo + 3_600_000) continue;
    const renewal = int(r, 1500, 1800);
    out.push({ at, lines: (ms, w) => {
      w.line(ms, 'dhclient', 1201, 'DHCPREQUEST of 10.0.0.5 on eth0 to 10.0.0.1 port 67');
      w.line(ms, 'dhclient', 1201, 'DHCPACK of 10.0.0.5 from 10.0.0.1');
      w.line(ms, 'dhclient', 1201, `bound to 10.0.0.5 -- renewal in ${renewal} seconds.`);
    } });
  }
  return out;
}

/** The dhclient side of a lost lease: requests nobody answers, discovers, then `No DHCPOFFERS received.` */
function dhcpEpisode(r: Rand, at: number): Injection[] {
  const out: Injection[] = [];
  for (let i = 0; i < 6; i++) out.push(dhcpLine(at + i * 7000, `DHCPREQUEST of 10.0.0.5 on eth0 to ${i < 3 ? '10.0.0.1' : '255.255.255.255'} port 67`));
  for (let i = 0; i < 4; i++) out.push(dhcpLine(at + 42_000 + i * 9000, `DHCPDISCOVER on eth0 to 255.255.255.255 port 67 interval ${int(r, 3, 15)}`));
  out.push(dhcpLine(at + 80_000, 'No DHCPOFFERS received.'));
  out.push(dhcpLine(at + 80_001, 'No working leases in persistent database - sleeping.'));
  return out;
}

function writeHostLog(path: string, format: (typeof FORMATS)[number], host: string, bytes: number, r: Rand, injections: Injection[]): void {
  const fd = openSync(path, 'w');
  let chunk: string[] = [];
  let chunkLen = 0;
  let written = 0;
  const push = (s: string) => {
    chunk.push(s);
    chunkLen += s.length;
    if (chunkLen > 1 << 20) flush();
  };
  const flush = () => {
    writeSync(fd, chunk.join(''));
    written += chunkLen;
    chunk = [];
    chunkLen = 0;
  };
  const w = writerFor(format, host, push);
  injections.sort((a, b) => a.at - b.at);
  let next = 0;
  const kernelShare = format === 'dmesg' ? 1 : 0.25;
  while (written + chunkLen < bytes) {
    const ms = START + Math.floor(((written + chunkLen) / bytes) * SPAN_MS);
    while (next < injections.length && injections[next].at <= ms) injections[next++].lines(ms, w);
    if (r() < kernelShare) w.kernel(ms, pick(r, kernelNoise)(r));
    else {
      const [p, m] = pick(r, noise)(r);
      w.line(ms, p, p === 'CRON' ? null : int(r, 100, 60000), m);
    }
  }
  while (next < injections.length) injections[next++].lines(START + SPAN_MS, w);
  flush();
  closeSync(fd);
}

/** `sar -r` of one day, one sample a minute; with `dropAt` the page cache falls to 2% and stays there. */
function writeSar(path: string, host: string, r: Rand, dropAt: number | null): void {
  const d = new Date(START);
  const out = [`Linux 5.4.0-150-generic (${host}) \t${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${YEAR} \t_x86_64_\t(16 CPU)`, ''];
  out.push('02:00:01    kbmemfree kbmemused  %memused kbbuffers  kbcached  kbcommit   %commit  kbactive   kbinact   kbdirty');
  const samples = SPAN_MS / 60_000 - 1;
  for (let i = 0; i < samples; i++) {
    const t = new Date(START + (i + 1) * 60_000 + 1000);
    const cached = dropAt !== null && i >= dropAt ? 410_000 + int(r, 0, 20_000) : 20_100_000 + int(r, 0, 80_000);
    const free = 14_500_000 + int(r, 0, 300_000);
    const cols = [free, 65_901_216 - free, ((65_901_216 - free) / 659_012.16).toFixed(2), 401_000 + int(r, 0, 2000), cached, 38_110_000 + int(r, 0, 10_000), (49.1 + r() * 0.3).toFixed(2), 29_000_000 + int(r, 0, 90_000), 8_100_000 + int(r, 0, 100_000), int(r, 100, 900)];
    out.push(`${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}  ${cols.map((c) => String(c).padStart(10)).join('')}`);
  }
  writeFileSync(path, out.join('\n') + '\n');
}

/** Generates into `dir` (cached: reused when its manifest has the same options). */
export function generate(dir: string, options: GenerateOptions): Manifest {
  const manifestPath = join(dir, 'expected.json');
  if (existsSync(manifestPath)) {
    const old = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (old.version === GENERATOR_VERSION && JSON.stringify(old.options) === JSON.stringify(options)) return old;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = seeded(options.seed);
  const files: string[] = [];
  const data = join(dir, 'data');
  mkdirSync(data);
  const expected: ExpectedFinding[] = [];
  const perHost = Math.ceil(options.sizeBytes / options.hosts);
  for (let h = 0; h < options.hosts; h++) {
    const host = `node${String(h + 1).padStart(3, '0')}`;
    const format = FORMATS[h % FORMATS.length];
    mkdirSync(join(data, host));
    const injections: Injection[] = [];
    const byKind = new Map<string, ExpectedFinding>();
    for (const t of reportTemplates) {
      for (let i = 0; i < options.reportsPerKind; i++) {
        const pid = int(r, 300, 40000);
        const lines = t.lines(r, pid);
        injections.push({ at: START + Math.floor(r() * SPAN_MS * 0.9), lines: (ms, w) => lines.forEach((l, k) => w.kernel(ms + k, l)) });
        const e = byKind.get(t.kind) ?? { host, kind: t.kind, count: 0, templates: [] };
        e.count++;
        if (!e.templates.includes(t.name)) e.templates.push(t.name);
        byKind.set(t.kind, e);
      }
    }
    // DHCP episodes need daemon lines: not in raw dmesg. One host in two of the others gets one.
    if (format !== 'dmesg') {
      const lost = h % 2 === 0 ? START + Math.floor(SPAN_MS * (0.2 + r() * 0.6)) : null;
      injections.push(...dhcpRenewals(r, lost ?? 0, lost ?? 0));
      if (lost !== null) injections.push(...dhcpEpisode(r, lost));
    }
    if (format !== 'dmesg' && h % 2 === 0) {
      byKind.set('dhcp_lease_lost', { host, kind: 'dhcp_lease_lost', count: 1, templates: ['dhclient-no-offers'] });
    }
    const logName = { syslog: 'syslog', journal: 'journal.txt', dmesg: 'dmesg.txt' }[format];
    writeHostLog(join(data, host, logName), format, host, perHost, r, injections);
    files.push(join(host, logName));
    const drop = h % 3 === 1 ? int(r, 300, 900) : null;
    writeSar(join(data, host, 'sar-r.txt'), host, r, drop);
    files.push(join(host, 'sar-r.txt'));
    if (drop !== null) byKind.set('metric_drop', { host, kind: 'metric_drop', count: 1, templates: ['sar-r-kbcached'] });
    expected.push(...byKind.values());
  }
  // Files collected an hour after the last line, as a real collection would be: parsers that use the
  // mtime (the year of syslog lines, the day/month order of sar's date) see a consistent one.
  const collected = new Date(START + SPAN_MS + 3_600_000);
  for (const f of files) utimesSync(join(data, f), collected, collected);
  const manifest: Manifest = { version: GENERATOR_VERSION, options, year: YEAR, timeZone: 'UTC', files, bytes: options.sizeBytes, expected };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

/** `500MB`, `2GB`, `64KB`, or bytes. */
export function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB)?$/i.exec(s.trim());
  if (!m) throw new Error(`bad size: ${s}`);
  const unit = { KB: 1 << 10, MB: 1 << 20, GB: 1 << 30 }[(m[2] ?? '').toUpperCase() as 'KB'] ?? 1;
  return Math.round(Number(m[1]) * unit);
}
