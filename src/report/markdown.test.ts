import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../model/report.js';
import { renderMarkdown } from './markdown.js';
import { subjectLine } from './markdown-upstream.js';
import { PAYLOADS, SAMPLE_REPORTS } from './samples.js';

describe('user Markdown', () => {
  const md = renderMarkdown(ReportSchema.parse(SAMPLE_REPORTS.rook), 'user');
  it('speaks the user’s words: what happened, what to do, whether an upgrade helps', () => {
    expect(md).toContain('A storage volume formatted with XFS on the same node as its storage daemons can freeze the node.');
    expect(md).toContain('## What to do now');
    expect(md).toContain('- Format such volumes with ext4 (the CSI `fstype` parameter).');
    expect(md).toMatch(/## Will an upgrade fix it\?\n\n- No: no version fixes/);
    expect(md).toContain('14 h 22 min after boot');
    expect(md).toContain('`echo w > /proc/sysrq-trigger; dmesg -T | tail -n 500`');
  });
  it('keeps kernel internals out of the main text (they are in the details block)', () => {
    const main = md.split('<details>')[0]!;
    expect(main).not.toContain('_xfs_log_force_lsn');
    expect(md.split('<details>')[1]).toContain('\\_xfs\\_log\\_force\\_lsn');
  });
});

describe('upstream Markdown', () => {
  const report = ReportSchema.parse(SAMPLE_REPORTS.rook);
  const md = renderMarkdown(report, 'upstream');
  it('has a subject in the list’s style', () => {
    expect(md.split('\n')[0]).toBe('Subject: [BUG] xfs: INFO: task hung in _xfs_log_force_lsn on 4.15.0-72-generic (krbd rbd0)');
    expect(subjectLine(null, null)).toMatch(/^\[BUG\]/);
  });
  it('carries release, taint, distribution, decoded trace with ? marks, timeline, ruled out, unknowns, routing', () => {
    expect(md).toContain('kernel `4.15.0-72-generic`');
    expect(md).toContain('Taint: not tainted');
    expect(md).toContain('Distribution: Ubuntu (a vendor kernel)');
    expect(md).toContain(' ? xlog_sync+0x2d5/0x3c0 [xfs]');
    expect(md).toContain(' _xfs_log_force_lsn+0x20e/0x350 [xfs]');
    expect(md).toContain('## Timeline');
    expect(md).toContain('## Ruled out');
    expect(md).toContain('No out-of-memory kill in the supplied logs of node-a.');
    expect(md).toContain('not yet been tried on the latest mainline kernel');
    expect(md).toContain('belongs to the vendor first');
    expect(md).toContain('## Still unknown');
    expect(md).toContain('`uname -mi`');
    expect(md).toContain('Cc: linux-xfs@vger.kernel.org, ceph-devel@vger.kernel.org');
  });
  it('does not claim the absence of the finding’s own kind', () => {
    const withOom = ReportSchema.parse({ ...report, findings: [...report.findings, { ...report.findings[0]!, id: 'O', kind: 'oom_kill', title: 'OOM', frames: [] }] });
    expect(renderMarkdown(withOom, 'upstream')).not.toContain('No out-of-memory kill');
  });
});

describe('Markdown of hostile text', () => {
  for (const audience of ['user', 'upstream'] as const) {
    it(`${audience}: no raw HTML, no control characters, fences cannot be closed by a log line`, () => {
      const md = renderMarkdown(SAMPLE_REPORTS.hostile, audience);
      expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
      // Outside code, markup only appears escaped.
      const outsideCode = md.replace(/(`{3,})[\s\S]*?\n\1(?!`)/g, '').replace(/(`+)[^`]*?\1/g, '');
      expect(outsideCode).not.toMatch(/<(script|img|svg|\/script)/i);
      expect(outsideCode).not.toContain('](javascript:');
      expect(md).not.toContain(PAYLOADS.osc52);
    });
  }
});

describe('upstream header lines', () => {
  it('keep maintainer addresses as e-mail autolinks but escape any other markup', () => {
    const md = renderMarkdown(SAMPLE_REPORTS.rook, 'upstream');
    expect(md).toContain('To: Carlos Maiolino <cem@kernel.org>, Ilya Dryomov <idryomov@gmail.com>');
    const hostile = renderMarkdown(SAMPLE_REPORTS.hostile, 'upstream').split('\n').slice(0, 4).join('\n');
    expect(hostile).not.toMatch(/<(script|img|svg)/i);
  });
});

describe('upstream Markdown and a conclusion resting on a known issue', () => {
  it('says the known issue once, in the known-reports paragraph', () => {
    const base = ReportSchema.parse(SAMPLE_REPORTS.rook);
    const issue = base.knownIssues[0]!;
    const summary = `a known issue (${issue.id}, affected): ${issue.title}`;
    const withIssue = renderMarkdown({ ...base, conclusion: { layer: 'kernel', confidence: 'medium', summary, reasons: ['the findings match'], knownIssue: issue.id } }, 'upstream');
    expect(withIssue).not.toContain(summary);
    expect(withIssue).toContain('This matches known reports');
    // A conclusion of its own (no known issue) is still written out.
    const own = renderMarkdown({ ...base, conclusion: { layer: 'kernel', confidence: 'low', summary: 'a kernel problem in xfs', reasons: [] } }, 'upstream');
    expect(own).toContain('a kernel problem in xfs');
  });
});
