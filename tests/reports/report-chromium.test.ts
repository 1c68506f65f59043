import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.ts';
import { writeReportHtml } from '../../reports/report-html.ts';
import { launchBrowser } from '../../src/browser.ts';
import type { SweepResults } from '../../src/results.ts';
import { sampleResults } from './fixtures/sweep-results.ts';

const FAKE_HEADER = `<!DOCTYPE html><meta charset="utf-8"><body style="margin:0">
<div style="height:120px;background:#b8121b;color:#fff;display:flex;align-items:center;padding:0 40px;
font:bold 40px 'WenQuanYi Micro Hei',sans-serif">四川省人民政府<span style="font-size:16px;margin-left:24px">
www.sc.gov.cn</span></div></body>`;

let browser: Browser;
let dir: string;
let reportUrl: string;
/** The sample sweep with every site carrying all thirteen rules, as the summary table will have them. */
let thirteenRulesUrl: string;

const THIRTEEN_RULES = CHECKS.map((check) => check.meta.id);

function withThirteenRules(): SweepResults {
  const results = sampleResults();
  for (const site of results.sites) {
    const present = new Set(site.checks.map((check) => check.ruleId));
    for (const ruleId of THIRTEEN_RULES.filter((id) => !present.has(id)))
      site.checks.push({ ruleId, outcome: 'pass', findings: [] });
  }
  return results;
}

beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'report-chromium-'));
  const page = await browser.newPage({ viewport: { width: 1366, height: 120 } });
  await page.setContent(FAKE_HEADER);
  const header = await page.screenshot();
  await page.close();
  const path = await writeReportHtml(dir, sampleResults(), async (siteId) =>
    siteId === 'sc-portal' ? header : undefined,
  );
  reportUrl = pathToFileURL(path).href;
  const wide = join(dir, 'thirteen');
  thirteenRulesUrl = pathToFileURL(
    await writeReportHtml(wide, withThirteenRules(), async () => undefined),
  ).href;
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('report.html in Chromium', () => {
  it('renders on a desktop screen with nothing fetched from outside and the screenshot decoded', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(reportUrl);
    expect(await page.title()).toBe('政府网站检查报告（2026年第四季度）');
    expect(requested.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    const shot = page.locator('figure.shot img');
    await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1366);
    expect(await page.locator('table.grid tbody tr').count()).toBe(4);
    await page.screenshot({ path: '/tmp/report-check.png', fullPage: true });
    await page.close();
  });

  it('fits the summary table of thirteen rules on a 1366-pixel laptop screen without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(thirteenRulesUrl);
    expect(await page.locator('table.grid thead th.rule-col').count()).toBeGreaterThanOrEqual(13);
    const overflow = await page
      .locator('section.matrix .scroll')
      .evaluate((box) => box.scrollWidth - box.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The full title of each short heading is there for a pointer and a screen reader.
    expect(await page.locator('table.grid thead abbr[title]').count()).toBeGreaterThanOrEqual(13);
    await page.locator('section.matrix').screenshot({ path: '/tmp/report-check-matrix.png' });
    await page.close();
  });

  it('fits a phone screen: only the tables scroll sideways, never the page', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await page.goto(reportUrl);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/report-check-mobile.png' });
    await page.close();
  });

  it('prints on A4 with each site starting a new page', async () => {
    const page = await browser.newPage();
    await page.goto(reportUrl);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages =
      Buffer.from(pdf)
        .toString('latin1')
        .match(/\/Type\s*\/Page[^s]/g) ?? [];
    // The summary, then at least one page per site.
    expect(pages.length).toBeGreaterThanOrEqual(1 + sampleResults().sites.length);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: '/tmp/report-check-print.png', fullPage: true });
    await page.close();
  });
});
