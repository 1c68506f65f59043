import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser.ts';
import { finaliseNotice } from '../../src/period-reports/finalise-notice.ts';
import type { Actor } from '../../src/store/store.ts';
import { SITES, siteResult } from '../api/support/fixtures.ts';
import { clickThrough, openPage, screenshot, signIn } from './support/browser-pages.ts';
import { type DashboardApp, dashboardApp, TODAY } from './support/dashboard-app.ts';

let d: DashboardApp;
let browser: Browser;
const PROVINCE: Actor = { name: '省政府办公厅', role: 'province', region: null, tokenId: null };

beforeAll(async () => {
  d = await dashboardApp();
  await d.store.sites.replaceAll(SITES);
  await d.store.sweeps.create({
    id: 'q2-patrol',
    kind: 'quarterly-patrol',
    period: '2026Q2',
    siteIds: SITES.map((site) => site.id),
    now: '2026-05-10T01:00:00.000Z',
    region: null,
    requestedBy: 'test',
  });
  for (const site of SITES) {
    const fails =
      site.id === 'cd-portal' ? ['annual-report'] : site.id === 'cd-jinjiang' ? ['error-report-entry'] : [];
    await d.store.results.record('q2-patrol', siteResult(site.id, fails));
  }
  await d.listen();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await d?.close();
});

const stat = (page: Page, label: string) =>
  page.locator('.notice-counts .stat', { has: page.locator(`span:text-is("${label}")`) });
const versionRow = (page: Page, version: number) =>
  page.locator('table.versions tr', { hasText: `第 ${version} 版` });

/** A version's download, fetched with the page's session, by its link in the versions table. */
async function download(page: Page, version: number, label: string) {
  const href = await versionRow(page, version)
    .getByRole('link', { name: label, exact: true })
    .getAttribute('href');
  const answer = await page.request.get(new URL(href!, d.base).href);
  return { status: answer.status(), headers: answer.headers(), body: await answer.body() };
}

it('province: finalises the notice, strikes a finding off, finalises version 2; version 1 stays as it was', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.province);
  await page.goto(`${d.base}/dashboard/notices`);
  expect(await page.locator('h1').textContent()).toBe('四川省2026年第二季度政府网站抽查情况通报');
  expect(await stat(page, '核减').locator('b').textContent()).toBe('0');
  expect(await page.locator('table.versions').count()).toBe(0);

  await clickThrough(page, () => page.getByRole('button', { name: '定稿' }).click());
  expect(await page.locator('.success').textContent()).toBe('已定稿：第 1 版。');
  const first = await download(page, 1, '查看');
  expect(first.status).toBe(200);
  const hash = await versionRow(page, 1).locator('code.hash').getAttribute('title');
  expect(first.headers['x-content-sha256']).toBe(hash);
  expect(first.body.toString()).toContain(`内容校验码（SHA-256）：<code>${hash}</code>`);

  // The province overturns Chengdu's failing finding: the notice as it stands changes at once.
  const [finding] = (await d.store.results.forSite('cd-portal', 1))[0]!.result.checks.find(
    (check) => check.ruleId === 'annual-report',
  )!.findings;
  await d.store.adjudication.decide({
    findings: [{ id: finding!.id! }],
    verdict: 'overturned',
    reason: '栏目页已发布2025年度报表',
    by: PROVINCE,
    at: TODAY,
  });
  await page.goto(`${d.base}/dashboard/notices?kind=quarterly&period=2026Q2`);
  expect(await stat(page, '核减').locator('b').textContent()).toBe('1');
  expect(await stat(page, '平均得分').locator('small').textContent()).toMatch(/^核减前 \d/);

  await clickThrough(page, () => page.getByRole('button', { name: '定稿' }).click());
  expect(await page.locator('.success').textContent()).toBe('已定稿：第 2 版。');
  expect(await versionRow(page, 2).locator('td').nth(4).textContent()).toBe('1');
  expect((await download(page, 1, '查看')).body.equals(first.body)).toBe(true);
  const second = await download(page, 2, '查看');
  expect(second.body.toString()).toContain('以下问题予以核减');
  expect((await download(page, 2, 'CSV')).headers['content-disposition']).toContain('attachment;');

  await clickThrough(page, () => page.getByRole('button', { name: '定稿' }).click());
  expect(await page.locator('.success').textContent()).toBe('内容与第 2 版相同，未生成新版本。');
  expect(await page.locator('table.versions tbody tr').count()).toBe(2);
  await screenshot(page, 'console-notices', { shown: true });
  expect(problems).toEqual([]);
  await context.close();
});

it('city: sees its own region’s notice and versions, with no 定稿 button', async () => {
  await finaliseNotice(d.store, {
    kind: 'quarterly',
    period: '2026Q2',
    region: '510100',
    by: '省政府办公厅',
    at: new Date(),
  });
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.chengdu);
  await page.goto(`${d.base}/dashboard/notices?kind=quarterly&period=2026Q2&region=510700`);
  expect(await page.locator('h1').textContent()).toBe('成都市2026年第二季度政府网站抽查情况通报');
  expect(await page.getByRole('button', { name: '定稿' }).count()).toBe(0);
  expect(await page.locator('select[name=region]').count()).toBe(0);
  expect(await stat(page, '已检查网站').locator('b').textContent()).toBe('2');
  expect(await page.locator('table.versions tbody tr').count()).toBe(1);
  const csv = await download(page, 1, 'CSV');
  expect(csv.status).toBe(200);
  expect(csv.body.toString()).toContain('cd-portal');
  expect(csv.body.toString()).not.toContain('my-portal');
  // Luzhou's office cannot open Chengdu's version.
  const luzhou = await openPage(browser);
  await signIn(luzhou.page, d.base, d.tokens.luzhou);
  const refused = await luzhou.page.request.get(
    `${d.base}/dashboard/notices/quarterly/2026Q2/versions/1?format=csv&region=510100`,
  );
  expect(refused.status()).toBe(403);
  expect(problems).toEqual([]);
  await luzhou.context.close();
  await context.close();
});
