import { describe, expect, it } from 'vitest';
import { PAGE_SCRIPT } from './html-client.js';
import { buildPageData } from './html-data.js';
import { renderHtml } from './html.js';
import { SAMPLE_REPORTS } from './samples.js';

describe('renderHtml', () => {
  it('is one self-contained, small file with a strict CSP and the stable hooks', () => {
    for (const report of Object.values(SAMPLE_REPORTS)) {
      const html = renderHtml(report);
      expect(html.length).toBeLessThan(300_000);
      expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"`);
      expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
      for (const id of ['lanes', 'charts', 'evidence', 'findings-table', 'known-issues', 'requests']) expect(html).toContain(`id="${id}"`);
      expect(html).toContain('uPlot');
    }
  });
  it('has exactly three script elements even when titles forge </script>', () => {
    const html = renderHtml(SAMPLE_REPORTS.hostile);
    expect(html.match(/<script[\s>]/gi)).toHaveLength(3);
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('href="data:');
  });
  it('the page script parses', () => {
    expect(() => new Function(PAGE_SCRIPT)).not.toThrow();
  });
});

describe('buildPageData', () => {
  it('uses uptime when no wall clock is known, epoch seconds otherwise', () => {
    const rook = buildPageData(SAMPLE_REPORTS.rook);
    expect(rook.axis.mode).toBe('uptime');
    expect(rook.marks[0]).toMatchObject({ x0: 51717.039319, x1: 51837.871002, host: 'node-a' });
    expect(rook.marks[0]!.trace).toContain('? xlog_sync+0x2d5/0x3c0 [xfs]');
    const dhcp = buildPageData(SAMPLE_REPORTS.dhcp);
    expect(dhcp.axis.mode).toBe('wall');
    expect(dhcp.marks[0]!.x0).toBe(Date.parse('2012-08-15T03:41:07Z') / 1000);
    expect(dhcp.axis.min).toBeLessThan(dhcp.series[0]!.xs[0]!);
    expect(dhcp.hosts).toEqual(['backup01', 'cloud-ctl']);
  });
  it('strips control characters from every string', () => {
    const json = JSON.stringify(buildPageData(SAMPLE_REPORTS.hostile));
    expect(json).not.toMatch(/\\u001b|\\u0007|[\x80-\x9f]/);
  });
});
