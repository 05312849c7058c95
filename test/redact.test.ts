import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectBundle, type CollectItem } from '../src/collect/index.js';
import { analyzePaths } from '../src/pipeline/analyze.js';
import { createMappingTable, redactTree } from '../src/redact/index.js';
import { readTarGz } from './bundle-helpers.js';

const temp = () => mkdtempSync(join(tmpdir(), 'ktriage-redact-'));

/** One planted value per category, each somewhere a real host would print it. */
const planted = {
  hostname: 'db7-secretcorp',
  fqdn: 'mail.secretcorp.internal',
  ipv4: '192.168.77.13',
  ipv6: '2001:db8:abcd:12::7',
  mac: '52:54:00:9a:bc:de',
  user: 'zoe.winters',
  email: 'zoe.winters@secretcorp.com',
  password: 'Hunter2Pass',
  token: 'tok3nV4lue99',
  bearer: 'bearerT0kenXYZ',
  urlPass: 'urlP4ssw0rd',
  aws: 'AKIAQWERTYUIOPASDFGH',
  cephKey: 'AQBzq1tfAAAAABAA3f9d1Jy4kQYpEm0dVq2a1w==',
  leaseName: 'laptop-of-zoe',
  syslogHost: 'backup-secret9',
};

const files: Record<string, string> = {
  'syslog.txt': [
    `Dec  5 10:00:01 ${planted.syslogHost} kernel: [ 100.000001] e1000e: eth0 NIC Link is Up, peer ${planted.ipv4}`,
    `Dec  5 10:00:02 ${planted.hostname} dnsmasq-dhcp[812]: DHCPACK(tap12) ${planted.ipv4} ${planted.mac} ${planted.leaseName}`,
    `Dec  5 10:00:03 ${planted.hostname} sshd[99]: Accepted publickey for ${planted.user} from ${planted.ipv6} port 22`,
    `Dec  5 10:00:04 ${planted.hostname} sudo: ${planted.user} : TTY=pts/0 ; PWD=/home/${planted.user} ; USER=root ; COMMAND=/usr/bin/mysql --password=${planted.password}`,
  ].join('\n'),
  'cmdlines.txt': [
    `kubeadm join ${planted.fqdn}:6443 --token ${planted.token} --discovery-token-ca-cert-hash sha256:abc`,
    `curl -H "Authorization: Bearer ${planted.bearer}" https://admin:${planted.urlPass}@${planted.fqdn}/api`,
    `AWS_ACCESS_KEY_ID=${planted.aws} mail to ${planted.email}`,
    `[client.admin]\n\tkey = ${planted.cephKey}`,
    `ping ${planted.ipv4} from ${planted.syslogHost}; lease ${planted.leaseName}; arp ${planted.mac.toUpperCase()}`,
  ].join('\n'),
  'dmesg.txt': [
    '[  100.000000] INFO: task kworker/2:1:5938 blocked for more than 120 seconds.',
    '[  100.000100]       Not tainted 4.15.0-72-generic #81-Ubuntu',
    '[  100.000200]  _xfs_log_force_lsn+0x20e/0x350 [xfs]',
    `[  100.000300] rbd: rbd0: ${planted.ipv4}:6789 session established on ${planted.hostname}`,
  ].join('\n'),
};

describe('collect --redact', () => {
  it('leaves no planted value anywhere in the bundle, names and manifest included, with consistent placeholders', async () => {
    const dir = temp();
    const items: CollectItem[] = Object.keys(files).map((name) => {
      writeFileSync(join(dir, name), files[name] + '\n');
      return { name, why: 'test', format: 'text', source: { kind: 'file', path: join(dir, name) } };
    });
    // An item whose failure message names a secret path: the manifest must not leak it either.
    items.push({ name: 'absent.txt', why: 'test', format: 'text', source: { kind: 'file', path: `/home/${planted.user}/${planted.fqdn}` } });
    const out = join(dir, 'redacted.tar.gz');
    const { manifest } = await collectBundle({ out, items, redact: true, hostname: planted.hostname, timeoutMs: 2000 });
    const bundle = await readTarGz(out);
    const everything = [...bundle.keys(), ...bundle.values()].join('\n');
    for (const [category, value] of Object.entries(planted)) {
      expect(everything.toLowerCase(), `${category} survived`).not.toContain(value.toLowerCase());
    }
    expect(everything).not.toContain('secretcorp');
    expect(manifest.host).toMatch(/^host-\d\d$/);
    expect([...bundle.keys()].filter((k) => k !== 'manifest.json' && !k.endsWith('/')).every((k) => k.startsWith(`${manifest.host}/`))).toBe(true);
    // The same address gets the same placeholder in every file.
    const syslog = bundle.get(`${manifest.host}/syslog.txt`)!;
    const cmd = bundle.get(`${manifest.host}/cmdlines.txt`)!;
    const dmesg = bundle.get(`${manifest.host}/dmesg.txt`)!;
    const ip = /peer (10\.255\.\d+\.13)/.exec(syslog)?.[1];
    expect(ip).toBeDefined();
    expect(cmd).toContain(`ping ${ip} from`);
    expect(dmesg).toContain(`${ip}:6789`);
    const mac = /\) 10\.255\.\d+\.13 (02:00:00:[0-9a-f:]{8}) /.exec(syslog)?.[1];
    expect(cmd).toContain(`arp ${mac}`);
    // What the analysis needs is still there.
    expect(dmesg).toContain('_xfs_log_force_lsn+0x20e/0x350 [xfs]');
    expect(dmesg).toContain('4.15.0-72-generic #81-Ubuntu');
    expect(dmesg).toContain('rbd: rbd0:');
    // The manifest counts replacements by category, never the values.
    const json = JSON.parse(bundle.get('manifest.json')!);
    for (const category of ['ipv4', 'ipv6', 'mac', 'hostname', 'user', 'email', 'secret']) {
      expect(json.redaction[category]?.replacements, category).toBeGreaterThan(0);
    }
  });
});

type Key = {
  kind: string;
  title: string;
  signature: string;
  count: number;
  device: string | null;
  workqueue: string | null;
  task: { comm: string; pid: number | null } | null;
  frames: Array<{ function: string; offset: string | null; module: string | null; reliable: boolean }>;
};
// Everything the analysis derives from the text (device, task, workqueue, every frame) must survive.
const keyOf = (f: Key) =>
  `${f.kind}|${f.title}|${f.signature}|${f.count}|${f.device}|${f.workqueue}|${f.task?.comm}/${f.task?.pid}|` +
  f.frames.map((x) => `${x.function}+${x.offset}[${x.module}]${x.reliable ? '' : '?'}`).join(',');

describe('analysis of redacted input', () => {
  it.each(['rook-krbd-xfs-hang', 'openstack-dhcp-vanish', 'resize-pagecache-drop'])(
    '%s: the redacted copy gives the same findings, signatures and known issues',
    async (name) => {
      const source = join('/work/shared/cases', name);
      const out = join(temp(), name);
      mkdirSync(out);
      const table = createMappingTable();
      await redactTree(source, out, table);
      const [plain, redacted] = await Promise.all([analyzePaths([source], { historyDb: null }), analyzePaths([out], { historyDb: null })]);
      expect(plain.findings.length).toBeGreaterThan(0);
      // Titles name hosts (`metric drop ... on db01`): compare them through the same mapping.
      const learned = table.learned('hostname');
      const hostMap = new Map(plain.hosts.map((h) => [h.name, learned.has(h.name) ? table.map('hostname', h.name) : h.name]));
      const mapped = (f: Key & { host: string }) => {
        let title = f.title;
        for (const [from, to] of hostMap) title = title.split(from).join(to);
        return keyOf({ ...f, title }) + `|${hostMap.get(f.host) ?? f.host}`;
      };
      expect(redacted.findings.map((f) => keyOf(f) + `|${f.host}`).sort()).toEqual(plain.findings.map(mapped).sort());
      expect(redacted.hosts.map((h) => h.name).sort()).toEqual([...hostMap.values()].sort());
      expect(redacted.knownIssues.map((k) => `${k.id}|${k.verdict}`).sort()).toEqual(plain.knownIssues.map((k) => `${k.id}|${k.verdict}`).sort());
      expect(redacted.hosts.length).toBe(plain.hosts.length);
      expect(redacted.hosts.map((h) => h.kernel.release).sort()).toEqual(plain.hosts.map((h) => h.kernel.release).sort());
    },
  );
});

describe('ktriage redact', () => {
  it('redacts folders and bundles into a new bundle with one mapping', async () => {
    const { Command } = await import('commander');
    const { addRedactCommand } = await import('../src/cli/redact.js');
    const dir = temp();
    const collected = join(dir, 'collected.tar.gz');
    const source = join(dir, 'src');
    mkdirSync(join(source, 'db7-secretcorp'), { recursive: true });
    writeFileSync(join(source, 'db7-secretcorp', 'syslog'), `Dec  5 10:00:01 db7-secretcorp kernel: link up, peer ${planted.ipv4}\n`);
    await collectBundle({
      out: collected,
      hostname: 'db7-secretcorp',
      items: [{ name: 'x.txt', why: 'test', format: 'text', source: { kind: 'file', path: join(source, 'db7-secretcorp', 'syslog') } }],
    });
    const out = join(dir, 'public.tar.gz');
    const program = new Command().exitOverride();
    addRedactCommand(program);
    await program.parseAsync(['node', 'ktriage', 'redact', join(source, 'db7-secretcorp'), collected, '--out', out]);
    const bundle = await readTarGz(out);
    const all = [...bundle.keys(), ...bundle.values()].join('\n');
    expect(all).not.toContain('secretcorp');
    expect(all).not.toContain(planted.ipv4);
    const hosts = new Set([...bundle.keys()].map((k) => k.split('/')[0]).filter((k) => k !== 'manifest.json'));
    // The folder and the bundle name the same host: one placeholder for both.
    expect([...hosts]).toEqual([expect.stringMatching(/^host-\d\d$/)]);
    const ips = all.match(/peer 10\.255\.\d+\.13/g) ?? [];
    expect(ips.length).toBe(2);
    expect(new Set(ips).size).toBe(1);
  });
});
