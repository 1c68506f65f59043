import type { Browser } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser.ts';
import type { Site } from '../../src/registry/site.ts';
import { siteResult } from '../api/support/fixtures.ts';
import { clickThrough, DEMO_REGISTRY, openPage, screenshot, signIn } from './support/browser-pages.ts';
import { type DashboardApp, dashboardApp } from './support/dashboard-app.ts';
import { siteRow, sitesWorkbook } from './support/sites-files.ts';

let d: DashboardApp;
let browser: Browser;

beforeAll(async () => {
  d = await dashboardApp({ sweepPollMs: 300 });
  await d.store.sites.replaceAll(DEMO_REGISTRY);
  await d.listen();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await d?.close();
});

const byId = (id: string) => DEMO_REGISTRY.find((site) => site.id === id)!;

it('province: an Excel file with bad rows shows every problem at its row and column, and imports nothing', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.province);
  await clickThrough(page, () => page.getByRole('link', { name: '站点登记' }).click());
  expect(await page.locator('table.registry tbody tr').count()).toBe(DEMO_REGISTRY.length);
  const workbook = await sitesWorkbook([
    siteRow(byId('sc-portal')),
    ['zg-portal', '自贡市人民政府', 'www.zg.gov.cn', '市级', 'portal', 510300],
    siteRow({ ...byId('cd-portal'), region: '5101' }),
    [],
    siteRow({ ...byId('edu-dept'), id: 'sc-portal', parent: null }),
  ]);
  await page.locator('#sites-file').setInputFiles({
    name: '四川省政府网站名录.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: workbook,
  });
  await clickThrough(page, () => page.getByRole('button', { name: '检查并预览' }).click());
  expect(await page.locator('h1').textContent()).toBe('站点清单有问题，未导入');
  expect(await page.locator('.alert').textContent()).toContain('四川省政府网站名录.xlsx 有 4 个问题');
  const rows = await page
    .locator('table.problems tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)),
    );
  expect(rows).toEqual([
    ['3', 'C', 'homepage'],
    ['3', 'D', 'level'],
    ['4', 'F', 'region'],
    ['6', 'A', 'id'],
  ]);
  await screenshot(page, 'console-upload-problems', { shown: true });
  expect((await d.store.sites.list()).map((site) => site.id)).toEqual(DEMO_REGISTRY.map((site) => site.id));
  expect(problems).toEqual([]);
  await context.close();
});

it('province: a good file shows what would change, and replaces the registry only on confirmation', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.province);
  await page.goto(`${d.base}/dashboard/registry`);
  const next: Site[] = [
    { ...byId('sc-portal'), siteCode: '5100000001' },
    ...DEMO_REGISTRY.filter((site) => !['sc-portal', 'xx-county'].includes(site.id)),
    {
      id: 'zg-portal',
      fullName: '自贡市人民政府',
      homepage: 'https://www.zg.gov.cn/',
      level: 'city',
      kind: 'portal',
      region: '510300',
      parent: null,
      archiveRoots: ['/zwgk/lsgd/'],
    },
    {
      id: 'pzh-portal',
      fullName: '攀枝花市人民政府',
      homepage: 'https://www.panzhihua.gov.cn/',
      level: 'city',
      kind: 'portal',
      region: '510400',
      parent: null,
      archiveRoots: [],
    },
  ];
  await page.locator('#sites-file').setInputFiles({
    name: '网站名录（2026年第四季度）.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await sitesWorkbook(next.map(siteRow)),
  });
  await clickThrough(page, () => page.getByRole('button', { name: '检查并预览' }).click());
  expect(await page.locator('h1').textContent()).toBe('确认替换站点登记');
  expect(await page.locator('.stats-line').textContent()).toContain('新增 2，删除 1，修改 1，不变 5');
  expect(await page.locator('table.added').textContent()).toContain('攀枝花市人民政府');
  expect(await page.locator('table.removed').textContent()).toContain('叙永县人民政府');
  expect(await page.locator('table.changed').textContent()).toContain('网站标识码');
  await screenshot(page, 'console-registry-preview', { shown: true });
  expect(await d.store.sites.list()).toEqual(DEMO_REGISTRY);
  await clickThrough(page, () => page.getByRole('button', { name: '确认替换' }).click());
  expect(await page.locator('.success').textContent()).toBe('站点登记已替换。');
  expect(await d.store.sites.list()).toEqual(next);
  expect(await page.locator('table.registry tbody tr').count()).toBe(next.length);
  expect(problems).toEqual([]);
  await context.close();
  await d.store.sites.replaceAll(DEMO_REGISTRY);
});

it('province: starts a sweep of chosen sites and follows it live as results arrive', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.province);
  await clickThrough(page, () => page.getByRole('link', { name: '发起检查' }).click());
  await page.getByLabel('临时检查').check();
  await page.getByLabel('选定的网站：').check();
  await page.getByLabel('成都市人民政府').check();
  await page.getByLabel('合江县人民政府').check();
  await screenshot(page, 'console-sweep-start', { shown: true });
  await clickThrough(page, () => page.getByRole('button', { name: '开始检查' }).click());
  const launch = d.launcher.launches.at(-1)!;
  expect(launch.siteIds.sort()).toEqual(['cd-portal', 'hj-county']);
  expect(new URL(page.url()).pathname).toBe(`/dashboard/sweeps/${encodeURIComponent(launch.sweep.id)}`);
  expect(await page.locator('#sweep-state').textContent()).toBe('排队中');
  for (const siteId of launch.siteIds) {
    await d.store.results.record(
      launch.sweep.id,
      siteResult(siteId, ['annual-report'], { fullName: byId(siteId).fullName }),
    );
  }
  await expect.poll(() => page.locator('#sweep-state').textContent(), { timeout: 10_000 }).toBe('已完成');
  expect(await page.locator('#sweep-results tr').count()).toBe(2);
  expect(await page.locator('#sweep-results').textContent()).toContain('成都市人民政府');
  expect(problems).toEqual([]);
  await context.close();
});

it('city: sees only its own sites to sweep, and no province pages', async () => {
  const { context, page } = await openPage(browser);
  await signIn(page, d.base, d.tokens.luzhou);
  const nav = await page.locator('header nav a').allTextContents();
  expect(nav).toEqual(['检查批次', '发起检查', '本地区问题', '通报', '错敏字词典']);
  await page.goto(`${d.base}/dashboard/sweeps/new`);
  const offered = await page
    .locator('input[name=siteIds]')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  expect(offered.sort()).toEqual(['gl-county', 'hj-county', 'xx-county']);
  await clickThrough(page, () => page.getByRole('button', { name: '开始检查' }).click());
  expect(d.launcher.launches.at(-1)!.sweep.region).toBe('5105');
  const denied = await page.goto(`${d.base}/dashboard/registry`);
  expect(denied?.status()).toBe(403);
  await context.close();
});

it('province: the console pages fit a phone, the navigation wrapping', async () => {
  const { context, page, problems } = await openPage(browser, { width: 390, height: 844 });
  await signIn(page, d.base, d.tokens.province);
  for (const path of ['/registry', '/sweeps/new', '/tokens', '/webhooks']) {
    await page.goto(`${d.base}/dashboard${path}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(390);
  }
  expect(problems).toEqual([]);
  await context.close();
});
