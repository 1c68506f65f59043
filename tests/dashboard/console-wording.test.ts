import type { Browser } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser.ts';
import { clickThrough, DEMO_REGISTRY, openPage, screenshot, signIn } from './support/browser-pages.ts';
import { type DashboardApp, dashboardApp } from './support/dashboard-app.ts';

/** A form answered 409 (a duplicate: its page says so) is no problem, though Chromium logs it. */
const unexpected = (problems: string[]) => problems.filter((p) => !p.includes('status of 409 (Conflict)'));

let d: DashboardApp;
let browser: Browser;

beforeAll(async () => {
  d = await dashboardApp();
  await d.store.sites.replaceAll(DEMO_REGISTRY);
  await d.listen();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await d?.close();
});

it('province: adds a wording entry, is told when the shipped dictionary has one, and deletes one', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.province);
  await clickThrough(page, () => page.getByRole('link', { name: '错敏字词典' }).click());
  expect(await page.locator('h1').textContent()).toBe('错敏字词典');

  await page.locator('#entry-wrong').fill('天府新去');
  await page.locator('#entry-correct').fill('天府新区');
  await page.locator('#entry-category').selectOption('division');
  await page.locator('#entry-grade').selectOption('严重');
  await clickThrough(page, () => page.getByRole('button', { name: '增补' }).click());
  expect(await page.locator('.success').textContent()).toBe('词条已增补，下一次检查起使用。');
  const row = page.locator('table.wording-entries tr', { hasText: '天府新去' });
  expect(await row.textContent()).toContain('天府新区行政区划名称严重省政府办公厅');

  await page.locator('#entry-wrong').fill('卢州市');
  await page.locator('#entry-correct').fill('泸州市');
  await clickThrough(page, () => page.getByRole('button', { name: '增补' }).click());
  expect(await page.locator('.alert').textContent()).toBe(
    '错误表述：系统内置词典已有“卢州市”（应为“泸州市”）',
  );
  expect(await page.locator('#entry-wrong').inputValue()).toBe('卢州市');

  await page.locator('#entry-wrong').fill('锦江去');
  await page.locator('#entry-correct').fill('锦江区');
  await clickThrough(page, () => page.getByRole('button', { name: '增补' }).click());
  const added = page.locator('table.wording-entries tr', { hasText: '锦江去' });
  await clickThrough(page, () => added.getByRole('button', { name: '删除' }).click());
  expect(await page.locator('.success').textContent()).toBe('词条已删除。');
  expect((await d.store.wording.entries()).map((e) => e.wrong)).toEqual(['天府新去']);
  expect(unexpected(problems)).toEqual([]);
  await context.close();
});

it('city: reads the entries, keeps exceptions for its own sites only, and deletes one', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.luzhou);
  await clickThrough(page, () => page.getByRole('link', { name: '错敏字词典' }).click());
  expect(await page.locator('table.wording-entries').textContent()).toContain('天府新去');
  expect(await page.locator('table.wording-entries button').count()).toBe(0);
  expect(await page.locator('#entry-wrong').count()).toBe(0);
  const choices = await page.locator('#exception-site option').allTextContents();
  const luzhou = DEMO_REGISTRY.filter((site) => site.region.startsWith('5105')).map((site) => site.fullName);
  expect(choices).toEqual(luzhou);

  await page.locator('#exception-site').selectOption('hj-county');
  await page.locator('#exception-text').fill('卢州市大酒店');
  await page.locator('#exception-reason').fill('企业登记名称，非行政区划');
  await clickThrough(page, () => page.getByRole('button', { name: '登记' }).click());
  expect(await page.locator('.success').textContent()).toBe('例外已登记，下一次检查起生效。');
  await page.locator('#exception-site').selectOption('gl-county');
  await page.locator('#exception-text').fill('攀技花园小区');
  await page.locator('#exception-reason').fill('小区名称');
  await clickThrough(page, () => page.getByRole('button', { name: '登记' }).click());

  await page.locator('#exception-site').selectOption('hj-county');
  await page.locator('#exception-text').fill('卢州市大酒店');
  await page.locator('#exception-reason').fill('重复登记');
  await clickThrough(page, () => page.getByRole('button', { name: '登记' }).click());
  expect(await page.locator('.alert').textContent()).toBe('例外表述：站点 hj-county 已有例外“卢州市大酒店”');
  await page.goto(`${d.base}/dashboard/wording`);
  await screenshot(page, 'console-wording', { shown: true });

  const row = page.locator('table.wording-exceptions tr', { hasText: '攀技花园小区' });
  await clickThrough(page, () => row.getByRole('button', { name: '删除' }).click());
  expect(await page.locator('.success').textContent()).toBe('例外已删除。');
  const kept = await d.store.wording.exceptions(DEMO_REGISTRY.map((site) => site.id));
  expect(kept.map((e) => [e.siteId, e.text, e.createdBy])).toEqual([
    ['hj-county', '卢州市大酒店', '泸州市政府办公室'],
  ]);

  // Chengdu's office sees none of Luzhou's exceptions.
  const chengdu = await openPage(browser);
  await signIn(chengdu.page, d.base, d.tokens.chengdu);
  await chengdu.page.goto(`${d.base}/dashboard/wording`);
  expect(await chengdu.page.locator('main').textContent()).toContain('所辖网站尚未登记例外。');
  expect(unexpected(problems)).toEqual([]);
  await chengdu.context.close();
  await context.close();
});
