import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/report.js';

const CASES = '/work/shared/cases';
const root = join(import.meta.dirname, '..');
function analyze(args: string[]): Report {
  const out = execFileSync(process.execPath, [join(root, 'bin', 'ktriage.js'), 'analyze', ...args, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  return JSON.parse(out) as Report;
}

describe('rook-krbd-xfs-hang points 3-5', () => {
  for (const input of ['node-a', 'issue.md']) {
    it(`${input}: known issue, requests, upstream`, () => {
      const r = analyze([join(CASES, 'rook-krbd-xfs-hang', input)]);
      const hit = r.knownIssues.find((k) => k.id === 'krbd-xfs-osd-colocation-hang');
      expect(hit?.verdict).toBe('affected');
      expect(hit!.reason).toMatch(/no kernel release alone fixes it/i);
      expect(hit!.reason).toMatch(/5\.6/);
      expect(hit!.workaround.join(' ')).toMatch(/ext4/);
      expect(hit!.workaround.join(' ')).toMatch(/fstype/);
      expect(hit!.references.map((x) => `${x.title} ${x.url}`).join(' ')).toMatch(/3132/);
      expect(hit!.references.map((x) => x.title).join(' ')).toMatch(/A worker node using RBD devices hangs up/);
      const req = r.requests.map((q) => `${q.command} ${q.why}`).join('\n');
      expect(req).toMatch(/dmesg/);
      expect(req).toMatch(/-101/);
      expect(req).toMatch(/_netdev/);
      expect(req).toMatch(/echo w > \/proc\/sysrq-trigger/);
      expect(req).toMatch(/OSDs of the mapped image/);
      expect(req).toMatch(/filesystem type/);
      expect(req).toMatch(/current (mainline|kernel)/);
      expect(r.requests.some((q) => /^uname/.test(q.command))).toBe(false);
      const lists = r.upstream.flatMap((u) => u.lists);
      expect(lists).toContain('linux-xfs@vger.kernel.org');
      expect(lists).toContain('ceph-devel@vger.kernel.org');
    });
  }
});

describe('resize-pagecache-drop point 6', () => {
  it('matches blockdev-expand-flushes-pagecache, affected on 4.4.0-116-generic, fixed in 4.17', () => {
    const r = analyze([join(CASES, 'resize-pagecache-drop'), '--year', '2018', '--tz', 'Asia/Tokyo']);
    const hit = r.knownIssues.find((k) => k.id === 'blockdev-expand-flushes-pagecache');
    expect(hit?.verdict).toBe('affected');
    expect(hit!.reason).toMatch(/4\.17/);
    expect(hit!.fix.join(' ')).toMatch(/don't flush pagecache when expanding block device/);
    expect(hit!.workaround.join(' ')).toMatch(/quiet period/);
    expect(hit!.details).toMatch(/check_disk_size_change\(\)/);
    expect(hit!.details).toMatch(/flush_disk\(\)/);
    const kinds = r.findings.filter((f) => hit!.findings.includes(f.id)).map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['capacity_change', 'metric_drop']));
    expect(r.requests.some((q) => /^uname/.test(q.command))).toBe(false);
  });
});

describe('openstack-dhcp-vanish point 6', () => {
  it('matches qemu-kvm-virtio-net-bridge-loss with verdict unknown and the three requests', () => {
    const r = analyze([join(CASES, 'openstack-dhcp-vanish'), '--year', '2012', '--tz', 'UTC']);
    const hit = r.knownIssues.find((k) => k.id === 'qemu-kvm-virtio-net-bridge-loss');
    expect(hit?.verdict).toBe('unknown');
    expect(hit!.references.map((x) => x.url).join(' ')).toMatch(/997978/);
    expect(hit!.workaround.join(' ')).toMatch(/vhost_net/);
    expect(hit!.fix.join(' ')).toMatch(/qemu-kvm/);
    const req = r.requests.map((q) => `${q.command} ${q.why}`).join('\n');
    expect(req).toMatch(/qemu-kvm version/);
    expect(req).toMatch(/vhost_net/);
    expect(req).toMatch(/iperf/);
  });
});
