/**
 * Opens the HTML report in Debian's headless Chromium (driven by playwright-core): nothing from the
 * report may execute, the page may not touch the network, and the timeline must work (lanes, marks,
 * charts, evidence panel on click). Screenshots go to test-output/ for a person to look at.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model/report.js';
import { renderHtml } from '../src/report/html.js';
import { PAYLOADS, SAMPLE_REPORTS } from '../src/report/samples.js';
import { CASE_SPECS, caseOutputs } from './cases/case-outputs.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve(fileURLToPath(new URL('..', import.meta.url)), 'test-output');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html-browser tests skipped: ${CHROMIUM} not found (apt-get install chromium; .ci/run installs it)`);

let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function open(name: string, report: Report, written?: string) {
  const file = written ?? join(OUT, `${name}.html`);
  if (!written) writeFileSync(file, renderHtml(report));
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('#lanes canvas');
  return { page, url, requests, dialogs, errors };
}

const markCount = (r: Report) => r.findings.filter((f) => f.first.wall !== null || !r.findings.some((g) => g.first.wall)).length;

describe.skipIf(!hasChromium)('HTML report in Chromium', () => {
  for (const [name, report] of Object.entries(SAMPLE_REPORTS)) {
    it(`${name}: lanes, marks, charts and the evidence panel work without network`, async () => {
      const { page, url, requests, dialogs, errors } = await open(name, report);
      expect(errors).toEqual([]);
      expect(await page.locator('#lanes canvas').count()).toBeGreaterThan(0);
      const marks = page.locator('#lanes .mark[data-finding-id]');
      expect(await marks.count()).toBe(markCount(report));
      expect(await page.locator('#charts .chart canvas').count()).toBe((report.series ?? []).length);
      expect(await page.locator('#findings-table tbody tr').count()).toBe(report.findings.length);
      expect(await page.locator('#known-issues .issue').count()).toBe(report.knownIssues.length);
      expect(await page.locator('#requests tbody tr').count()).toBe(report.requests.length);

      // Click the last mark (not the first anomaly, which the page shows on load) and read its evidence.
      const target = report.findings[report.findings.length - 1]!;
      await page.locator(`#lanes .mark[data-finding-id="${target.id.replace(/["\\]/g, '\\$&')}"]`).click();
      const panel = await page.locator('#evidence-body').innerText();
      expect(panel).toContain(`${target.evidence[0]!.file}:${target.evidence[0]!.line}`);
      expect(panel).toContain(target.title.replace(/[\x00-\x1f\x7f-\x9f]/g, '').slice(0, 10));

      // Zoom in and reset through the toolbar: the marks stay in the lanes.
      await page.click('[data-action="zoom-in"]');
      await page.click('[data-action="reset"]');
      expect(await marks.count()).toBe(markCount(report));

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      expect(requests).toEqual([url]);
      expect(dialogs).toEqual([]);
      await page.close();
    });
  }

  it('hostile log text is shown as text and never executes', async () => {
    const report = SAMPLE_REPORTS.hostile;
    const { page, url, requests, dialogs } = await open('hostile', report);
    // Hover and click everything a user could touch.
    for (const loc of await page.locator('[data-finding-id], a, button').all()) {
      if (!(await loc.isVisible())) continue;
      await loc.hover();
      if ((await loc.getAttribute('href')) === null) await loc.click({ force: true });
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.locator('body script').count()).toBe(3);
    expect(await page.locator('img, iframe, svg, object, embed').count()).toBe(0);
    // The payload is visible as the text it is.
    const table = await page.locator('#findings-table').innerText();
    expect(table).toContain(PAYLOADS.breakout);
    expect(table).toContain(PAYLOADS.script);
    await page.locator('#findings-table button.show-evidence').first().click();
    const evidence = await page.locator('#evidence-body').innerText();
    expect(evidence).toContain('<script>window.__pwned="script"</script>');
    // No link with a javascript: or data: target.
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.every((h) => h !== null && /^https?:/.test(h))).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, 'hostile.png'), fullPage: true });
    await page.close();
  });
});

describe.skipIf(!hasChromium)('acceptance cases: the HTML the CLI writes', () => {
  for (const spec of CASE_SPECS) {
    it(`${spec.name}: lanes, marks, charts and evidence from the real CLI`, async () => {
      const o = await caseOutputs(spec, OUT);
      const r = o.report;
      const { page, url, requests, dialogs, errors } = await open(spec.name, r, o.htmlFile);
      expect(errors).toEqual([]);
      // One lane per host that has a finding, and one mark per placed finding.
      expect(await page.locator('#lanes canvas').count()).toBeGreaterThan(0);
      const laneHosts = await page.locator('#lanes .mark[data-host]').evaluateAll((ms) => ms.map((m) => m.getAttribute('data-host')));
      for (const h of new Set(r.findings.filter((f) => f.first.wall).map((f) => f.host))) expect(laneHosts).toContain(h);
      const marks = page.locator('#lanes .mark[data-finding-id]');
      expect(await marks.count()).toBe(markCount(r));
      expect(await page.locator('#charts .chart canvas').count()).toBe((r.series ?? []).length);
      // Every mark can be seen and clicked: inside the lanes' plot area, none covering another.
      const boxes = await marks.evaluateAll((ms) => {
        const over = document.querySelector('#lanes .u-over')!.getBoundingClientRect();
        return { over: { top: over.top, bottom: over.bottom }, marks: ms.map((m) => { const b = m.getBoundingClientRect(); return { id: m.getAttribute('data-finding-id'), top: b.top, bottom: b.bottom, left: b.left, right: b.right }; }) };
      });
      for (const b of boxes.marks) {
        expect(b.top, `mark ${b.id} inside the lanes`).toBeGreaterThanOrEqual(boxes.over.top);
        expect(b.bottom, `mark ${b.id} inside the lanes`).toBeLessThanOrEqual(boxes.over.bottom);
      }
      const overlapping = boxes.marks.flatMap((a, i) => boxes.marks.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.id}/${b.id}`));
      expect(overlapping).toEqual([]);
      expect(await page.locator('#evidence-body').count()).toBe(1);
      expect(await page.locator('#findings-table tbody tr').count()).toBe(r.findings.length);
      expect(await page.locator('#known-issues .issue').count()).toBe(r.knownIssues.length);

      // Click the mark of the case's main finding and read its evidence with file and line.
      const target = r.findings.find((f) => f.id === r.firstAnomaly?.findingId) ?? r.findings.find((f) => f.frames.length) ?? r.findings[0]!;
      await page.locator(`#lanes .mark[data-finding-id="${target.id}"]`).click();
      const panel = await page.locator('#evidence-body').innerText();
      const ev = target.evidence[0]!;
      expect(panel).toContain(`${ev.file}:${ev.line}`);
      expect(panel).toContain(ev.text.trim().slice(0, 30));

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(OUT, `${spec.name}.png`), fullPage: true });
      expect(requests).toEqual([url]);
      expect(dialogs).toEqual([]);
      await page.close();
    }, 60_000);
  }
});

describe.skipIf(!hasChromium)('evidence panel links', () => {
  it('lists the correlations of the selected finding', async () => {
    const { page } = await open('dhcp-links', SAMPLE_REPORTS.dhcp);
    await page.locator('#lanes .mark[data-finding-id="N2"]').click();
    const text = await page.locator('#evidence-body').innerText();
    expect(text).toContain('← net_rx_stall on eth0 (backup01): explains · 27 s');
    await page.close();
  });
});
