import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../model/report.js';
import { SAMPLE_REPORTS } from './samples.js';
import { renderText } from './text.js';

const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('renderText', () => {
  it('rook: verdict, finding with count, known issue with workaround, requests, upstream', () => {
    const report = ReportSchema.parse(SAMPLE_REPORTS.rook);
    const out = renderText(report, { color: false, width: 100 });
    expect(out).toContain('At fault: the Linux kernel, high confidence');
    expect(out).toMatch(/INFO: task hung in _xfs_log_force_lsn ×2 {2}node-a \[first anomaly\]/);
    expect(out).toContain('device rbd0');
    expect(out).toContain('task kworker/2:1 (pid 5938, D)');
    expect(out).toContain('AFFECTED, NO FIX  krbd-xfs-osd-colocation-hang\n    high confidence');
    expect(out).toContain('Workaround: Format such volumes with ext4');
    expect(out).toContain('$ echo w > /proc/sysrq-trigger');
    expect(out).toContain('linux-xfs@vger.kernel.org');
    expect(out).not.toMatch(CONTROL);
  });
  it('orders groups by importance: kernel reports before network before metrics', () => {
    const base = SAMPLE_REPORTS.dhcp;
    const report = ReportSchema.parse({
      ...base,
      findings: [
        { ...base.findings[0]!, id: 'M', kind: 'metric_drop', layer: 'metrics', title: 'metric drop X' },
        { ...base.findings[1]!, id: 'N', title: 'lease lost Y' },
        { ...base.findings[0]!, id: 'K', kind: 'oops', layer: 'kernel', title: 'BUG: unable to handle Z' },
      ],
      correlations: [],
      firstAnomaly: null,
    });
    const out = renderText(report, { color: false });
    const [k, n, m] = ['BUG: unable to handle Z', 'lease lost Y', 'metric drop X'].map((t) => out.indexOf(t));
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThan(n!);
    expect(n).toBeLessThan(m!);
    expect(out.indexOf('Kernel reports')).toBeLessThan(out.indexOf('Network'));
  });
  it('renders extra sections in place, colours only when asked, wraps to the width', () => {
    const report = SAMPLE_REPORTS.dhcp;
    const extra = [{ title: 'Incident timeline', lines: ['  backup01 | cloud-ctl'] }];
    const plain = renderText(report, { color: false, width: 60, extraSections: extra });
    expect(plain).toContain('Incident timeline\n  backup01 | cloud-ctl');
    expect(plain.indexOf('Incident timeline')).toBeLessThan(plain.indexOf('Known issues'));
    expect(plain).not.toContain('\x1b');
    expect(plain.replace(/\s+/g, ' ')).toContain("cloud-ctl's clock runs 2 s ahead of backup01 (between 1 and 3 s, from DHCP events seen on both hosts)");
    for (const line of plain.split('\n')) if (!line.includes('http')) expect([...line].length).toBeLessThanOrEqual(60);
    const colored = renderText(report, { color: true });
    expect(colored).toContain('\x1b[');
  });
  it('says so when there is no conclusion and nothing was found', () => {
    const empty = ReportSchema.parse({ ...SAMPLE_REPORTS.rook, findings: [], knownIssues: [], requests: [], upstream: [], firstAnomaly: null, conclusion: null });
    const out = renderText(empty, { color: false });
    expect(out).toContain('Nothing abnormal was found');
  });
});

describe('numbers behind a finding', () => {
  it('shows before/after of a change point and sizes of a capacity change', () => {
    const base = SAMPLE_REPORTS.dhcp;
    const report = ReportSchema.parse({
      ...base,
      findings: [
        { ...base.findings[0]!, id: 'D', kind: 'metric_drop', layer: 'metrics', title: 'metric drop: kbcached',
          details: { before: 20111739, after: 412904, relativeChange: -0.9795, recoverySeconds: 840, unit: 'kB' } },
        { ...base.findings[0]!, id: 'C', kind: 'capacity_change', layer: 'storage', title: 'capacity change of md0',
          details: { oldBytes: 107374182400, newBytes: 214748364800 } },
      ],
      correlations: [],
      firstAnomaly: null,
    });
    const out = renderText(report, { color: false, width: 120 });
    expect(out).toContain('from 20,111,739 kB to 412,904 kB (−97.95%), back to normal after 14 min');
    expect(out).toContain('from 100 GiB to 200 GiB');
  });
});
