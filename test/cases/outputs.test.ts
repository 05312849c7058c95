/**
 * The three acceptance cases through the real CLI, all four outputs: text, JSON, user and upstream
 * Markdown, HTML. Each output is read for what its reader needs, not only for being there.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/model/report.js';
import { CASE_SPECS, type CaseOutputs, caseOutputs } from './case-outputs.js';

const dir = mkdtempSync(join(tmpdir(), 'ktriage-outputs-'));
const outputs = new Map<string, CaseOutputs>();

beforeAll(async () => {
  const all = await Promise.all(CASE_SPECS.map((s) => caseOutputs(s, dir)));
  CASE_SPECS.forEach((s, i) => outputs.set(s.name, all[i]!));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (name: string) => outputs.get(name)!;
/** The first paragraph of prose under the first heading. */
const firstParagraph = (md: string) => md.split(/\n\s*\n/).find((p) => p.trim() && !p.startsWith('#')) ?? '';
const KERNEL_JARGON = /_xfs_|xfs_log|hung_task|kworker|workqueue|Call Trace|\bD state\b|lsn|0x[0-9a-f]+|PR_SET|\bkrbd\b|no_fix/i;

describe('every case produces all four outputs', () => {
  for (const spec of CASE_SPECS) {
    it(`${spec.name}: text, JSON, Markdown for users and upstream, HTML`, () => {
      const o = get(spec.name);
      expect(ReportSchema.safeParse(o.report).success).toBe(true);
      expect(o.text).toMatch(/^ktriage: \d+ findings? on \d+ hosts?/);
      for (const h of o.report.hosts) {
        expect(o.text).toContain(h.name);
        expect(o.userMd).toContain(h.name);
        expect(o.upstreamMd).toContain(h.name);
      }
      // Plain text: no colour or control sequences when NO_COLOR and not a TTY.
      expect(o.text).not.toMatch(/\x1b/);
      expect(o.userMd).toMatch(/^## What happened/m);
      expect(o.userMd).toMatch(/^## What to do now/m);
      expect(o.upstreamMd).toMatch(/^Subject: \[/);
      expect(o.upstreamMd).toMatch(/^## Still unknown/m);
      // Self-contained HTML, small enough to attach to a bug report.
      expect(o.html).toMatch(/^<!doctype html>/i);
      expect(o.html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
      expect(o.html.length).toBeLessThan(1_000_000);
      for (const f of o.report.findings) expect(o.html).toContain(f.id);
    });

    it(`${spec.name}: the text summary fits 100 columns and names the layer`, () => {
      const o = get(spec.name);
      // A URL cannot be broken; every other line wraps.
      const long = o.text.split('\n').filter((l) => [...l].length > 100 && !/^\s*(see )?https?:\/\/\S+$/.test(l));
      expect(long).toEqual([]);
      const verdict = o.text.split('\nVerdict\n')[1]?.split('\n\n')[0] ?? '';
      expect(verdict).toMatch(/most likely|at fault/i);
    });
  }
});

describe('rook: XFS on krbd hang', () => {
  it('user Markdown says what to do in plain words', () => {
    const md = get('rook-krbd-xfs-hang').userMd;
    const first = firstParagraph(md);
    expect(first).toMatch(/XFS/);
    expect(first).toMatch(/storage (volume|daemons)/i);
    expect(first).not.toMatch(KERNEL_JARGON);
    expect(md).toMatch(/ext4/);
    expect(md).toContain('csi.storage.k8s.io/fstype');
    expect(md).toMatch(/upgrade[^\n]*\n+[^\n]*\bNo\b/i);
    // The user Markdown states the summary once, not twice.
    expect(md.split('everything waits on everything else').length - 1).toBe(1);
    expect(md).not.toMatch(/no\\?_fix/);
  });

  it('upstream Markdown carries every fact a maintainer needs', () => {
    const md = get('rook-krbd-xfs-hang').upstreamMd;
    const subject = md.split('\n')[0]!;
    expect(subject).toMatch(/^Subject: \[BUG\] xfs: .*_xfs_log_force_lsn/);
    expect(subject).toContain('4.15.0-72-generic');
    expect(md).toContain('#81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019');
    expect(md).toMatch(/not tainted/i);
    expect(md).toMatch(/Supermicro SYS-1029P-WTR/);
    expect(md).toContain('Workqueue: xfs-sync/rbd0');
    expect(md).toContain('linux-xfs@vger.kernel.org');
    expect(md).toContain('ceph-devel@vger.kernel.org');
    expect(md).toMatch(/not (yet )?(been )?tried on the latest mainline/i);
    // Every frame of the input's trace, with `?` on the unreliable ones, in order.
    const input = readFileSync('/work/shared/cases/rook-krbd-xfs-hang/node-a/dmesg.txt', 'utf8').split('\n');
    const start = input.findIndex((l) => l.includes('Call Trace:'));
    const frames: string[] = [];
    for (const l of input.slice(start + 1)) {
      const m = /^\[[ \d.]+\]\s+((?:\? )?\S+\+0x[0-9a-f]+\/0x[0-9a-f]+(?: \[\w+\])?)$/.exec(l);
      if (!m) break;
      frames.push(m[1]!);
    }
    expect(frames.length).toBeGreaterThan(10);
    expect(frames.some((f) => f.startsWith('? '))).toBe(true);
    const trace = md.split(/frames marked `\?`/)[1] ?? '';
    let at = 0;
    for (const f of frames) {
      const i = trace.indexOf(` ${f}\n`, at);
      expect(i, f).toBeGreaterThanOrEqual(0);
      at = i;
    }
    // The list of unknowns names the co-location and filesystem questions.
    const unknown = md.split('## Still unknown')[1]!.split('\n## ')[0]!;
    expect(unknown).toMatch(/OSD/);
    expect(unknown).toMatch(/filesystem/i);
    expect(unknown).toMatch(/architecture/i);
    // Both hung-task reports are accounted for, the second by its time.
    expect(md).toContain('51837.871');
  });

  it('text names the known issue with its workaround and where to report', () => {
    const t = get('rook-krbd-xfs-hang').text;
    expect(t).toMatch(/AFFECTED, NO FIX|AFFECTED/);
    expect(t).toContain('krbd-xfs-osd-colocation-hang');
    expect(t).toContain('csi.storage.k8s.io/fstype');
    expect(t).toMatch(/linux-xfs@vger\.kernel\.org/);
    expect(t).toMatch(/Verdict\n.*kernel/);
  });
});

describe('openstack: DHCP lease lost on a KVM guest', () => {
  it('text shows both hosts side by side, the first anomaly, the clock offset and the lag', () => {
    const t = get('openstack-dhcp-vanish').text;
    const header = t.split('\n').find((l) => l.includes('│') && l.includes('backup01'));
    expect(header).toBeDefined();
    expect(header).toContain('cloud-ctl');
    expect(t).toMatch(/First anomaly\n\s+backup01 .*received traffic stopped/);
    // The clock estimate with its bounds, in words.
    expect(t).toMatch(/backup01's clock (runs|is) 2 s behind cloud-ctl \(between 1 and 3 s/);
    // DHCP counts on both sides.
    expect(t).toMatch(/4 ACK, 3 OFFER/);
    expect(t).toMatch(/7 messages unanswered/);
    // The correlation with its lag.
    expect(t).toMatch(/Correlations\n[\s\S]*received traffic stopped[\s\S]*explains[\s\S]*DHCP lease lost[\s\S]*30 s later/);
    expect(t).toMatch(/hypervisor/);
  });

  it('upstream Markdown gives the clock correction and the DHCP exchange', () => {
    const md = get('openstack-dhcp-vanish').upstreamMd;
    expect(md).toMatch(/2 s behind cloud-ctl/);
    expect(md).toMatch(/between 1 and 3 s/);
    expect(md).toMatch(/qemu-kvm-virtio-net-bridge-loss/);
    expect(md).toMatch(/30 s later/);
  });

  it('user Markdown leads with the hypervisor and vhost_net', () => {
    const md = get('openstack-dhcp-vanish').userMd;
    expect(firstParagraph(md)).toMatch(/virtual machine/);
    expect(md).toMatch(/vhost\\?_net/);
  });
});

describe('resize: page cache dropped by an online grow', () => {
  it('text shows sparklines with event marks, levels and lags', () => {
    const t = get('resize-pagecache-drop').text;
    const metrics = t.split('\nMetrics\n')[1]!.split('\n\n')[0]!;
    expect(metrics).toMatch(/kbcached on db01 +[▁▂▃▄▅▆▇█]+/);
    expect(metrics).toMatch(/\^.*capacity change of md0/);
    expect(metrics).toMatch(/20\.\d\dM → 412\.9k kB/);
    expect(metrics).toMatch(/recovered after 14 min/);
    expect(t).toMatch(/Correlations\n[\s\S]*capacity change of md0[\s\S]*20 s later/);
    expect(t).toContain('blockdev-expand-flushes-pagecache');
  });

  it('user Markdown tells a database owner what happened and what to do', () => {
    const md = get('resize-pagecache-drop').userMd;
    expect(firstParagraph(md)).toMatch(/cache/);
    expect(md).toMatch(/4\.17/);
    expect(md).toMatch(/quiet period/);
  });

  it('upstream Markdown has the kernel, the before/after levels and the lags', () => {
    const md = get('resize-pagecache-drop').upstreamMd;
    expect(md).toContain('4.4.0-116-generic');
    expect(md).toMatch(/from 20,1\d\d,\d{3} kB to 412,904 kB/);
    expect(md).toMatch(/20 s later/);
    expect(md).toMatch(/linux-block@vger\.kernel\.org/);
  });
});
