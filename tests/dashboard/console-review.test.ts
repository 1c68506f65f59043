import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatScore } from '../../reports/html/format.ts';
import { adjudicateStored } from '../../src/adjudication/adjudicated-view.ts';
import { launchBrowser } from '../../src/browser.ts';
import { clickThrough, openPage, screenshot, signIn } from './support/browser-pages.ts';
import { type DashboardApp, dashboardApp } from './support/dashboard-app.ts';
import { SWEEPS, seedFromDemoSweep } from './support/seed.ts';

let d: DashboardApp;
let browser: Browser;

const APPEAL = '头部标识图片中写有“合江县人民政府”全称，文字层的“合江县政府”是图片的替代文字，请复核截图。';
const OVERTURN = '复核截图：头部标识图片中为“合江县人民政府”全称，属误判，予以核减。';

beforeAll(async () => {
  d = await dashboardApp();
  await seedFromDemoSweep(d.store, d.artifactDir);
  // The seed stores Hejiang's result of the Luzhou sweep without the screenshot its findings cite;
  // a worker keeps it beside each result, as it does for the patrol's.
  const live = join(d.artifactDir, SWEEPS.live, 'evidence', 'hj-county');
  await mkdir(live, { recursive: true });
  await copyFile(
    join(d.artifactDir, SWEEPS.q2, 'evidence', 'hj-county', 'header.png'),
    join(live, 'header.png'),
  );
  await d.listen();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await d?.close();
});

/** The header finding of Hejiang county: its header shows 合江县政府 instead of the registered name. */
const headerFinding = (page: Page) =>
  page.locator('li.city-finding', { hasText: '不是注册的网站全称“合江县人民政府”' });

async function filter(page: Page, choices: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(choices))
    await page.locator(`form.filters select[name=${name}]`).selectOption(value);
  await clickThrough(page, () => page.getByRole('button', { name: '筛选' }).click());
}

it('city: appeals a failing finding with a reason and sees it appealed, with its history', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.luzhou);
  await clickThrough(page, () => page.getByRole('link', { name: '本地区问题' }).click());
  expect(await page.locator('h1').textContent()).toBe('本地区问题（2026年第二季度）');
  // Only its region's sites.
  expect(await page.locator('main h2').allTextContents()).toEqual([
    expect.stringContaining('合江县人民政府'),
    expect.stringContaining('古蔺县人民政府'),
    expect.stringContaining('叙永县人民政府'),
  ]);
  await filter(page, { ruleId: 'header-full-name' });
  const card = headerFinding(page);
  expect(await card.locator('.finding-state').textContent()).toBe('未申诉');
  await card.getByLabel(/申诉理由/).fill(APPEAL);
  await clickThrough(page, () => card.getByRole('button', { name: '提出申诉' }).click());

  expect(await page.locator('.success').textContent()).toBe('申诉已提交，等待省级复核。');
  expect(await headerFinding(page).locator('.finding-state').textContent()).toBe('申诉中');
  const history = headerFinding(page).locator('.history-log');
  expect(await history.textContent()).toContain('申诉');
  expect(await history.textContent()).toContain('泸州市政府办公室');
  expect(await history.textContent()).toContain(APPEAL);
  // Appealed once: no second appeal form.
  expect(await headerFinding(page).locator('form.appeal').count()).toBe(0);
  await screenshot(page, 'console-city-appeal', { shown: true });
  expect(problems).toEqual([]);
  await context.close();
});

it('province: filters the queue, weighs the appeal and its evidence, strikes the finding off; the site’s adjudicated score and the city’s history show it', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.province);
  await clickThrough(page, () => page.getByRole('link', { name: '复核', exact: true }).click());
  expect(await page.locator('h1').textContent()).toBe('复核（2026年第二季度）');
  await filter(page, { region: '5105', state: 'appealed' });
  const items = page.locator('.queue-item');
  expect(await items.count()).toBe(1);
  const item = items.first();
  expect(await item.locator('.appeal-reason').textContent()).toContain(APPEAL);
  expect(await item.locator('.appeal-reason').textContent()).toContain('泸州市政府办公室');
  // The evidence: the screenshot (served, in reach), the text found, the page.
  const shot = item.locator('.evidence-shot img');
  await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  expect(await item.locator('dl.evidence').first().textContent()).toContain('合江县政府');
  expect(await item.locator('.where a').first().getAttribute('href')).toMatch(
    /^http:\/\/127\.0\.0\.1:\d+\/$/,
  );
  await screenshot(page, 'console-review-appeal', { shown: true });

  const group = page.locator('section.queue-group').first();
  await group.getByLabel(/理由/).fill(OVERTURN);
  await clickThrough(page, () => group.getByRole('button', { name: '核减' }).click());
  expect(await page.locator('.success').textContent()).toBe('已核减 1 个问题，已记入复核记录。');
  expect(await page.locator('.queue-item').count()).toBe(0);
  // Nor in the default view (open and appealed) of that rule.
  await filter(page, { state: '', ruleId: 'header-full-name' });
  expect(await page.locator('.queue-item', { hasText: '合江县人民政府' }).count()).toBe(0);

  // The site page: the adjudicated score and rating beside the automated ones, 核减 1.
  const [latest] = await adjudicateStored(d.store, await d.store.results.forSite('hj-county', 1));
  const { adjudicated } = latest!.result;
  expect(adjudicated.score).toBeGreaterThan(latest!.result.score);
  await page.goto(`${d.base}/dashboard/sites/hj-county`);
  const card = page.locator('section.adjudicated');
  expect(await card.locator('.score').textContent()).toBe(formatScore(adjudicated.score));
  expect(await card.textContent()).toContain(`自动检查 ${formatScore(latest!.result.score)}`);
  expect(await card.locator('.struck').textContent()).toBe('1');
  expect(await card.textContent()).toContain('头部标识区域展示网站全称（4.3.3）：✗不通过 → ✓通过');
  expect(await card.locator('.rating').first().textContent()).toBe(adjudicated.qualified ? '合格' : '不合格');
  await screenshot(page, 'console-site-adjudicated', { shown: true, firstScreen: true });
  // And the overview's ranking.
  await page.goto(`${d.base}/dashboard/`);
  const row = page.locator('table.ranking tr', { hasText: '合江县人民政府' });
  expect(await row.textContent()).toContain(formatScore(adjudicated.score));
  expect(problems).toEqual([]);

  // The city office follows the answer.
  const city = await openPage(browser);
  await signIn(city.page, d.base, d.tokens.luzhou);
  await city.page.goto(`${d.base}/dashboard/findings?ruleId=header-full-name`);
  expect(await headerFinding(city.page).locator('.finding-state').textContent()).toBe('已核减');
  const history = await headerFinding(city.page).locator('.history-log li').allTextContents();
  expect(history).toHaveLength(2);
  expect(history[0]).toContain('申诉');
  expect(history[1]).toContain('核减');
  expect(history[1]).toContain('省政府办公厅');
  expect(history[1]).toContain(OVERTURN);
  await screenshot(city.page, 'console-city-history', { shown: true });
  expect(city.problems).toEqual([]);
  await city.context.close();
  await context.close();
});

it('province: decides two findings with the same evidence at once, with one reason', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.province);
  await page.goto(`${d.base}/dashboard/review?region=5105&ruleId=https-security`);
  // Both Luzhou counties answer no HTTPS on 127.0.0.1 alike: one group of two.
  const group = page.locator('section.queue-group', { hasText: '2 个问题证据相同' });
  expect(await group.count()).toBe(1);
  const ids = (await group
    .locator('input[name=finding]')
    .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value.split(':')[0]!))) as string[];
  expect(ids).toHaveLength(2);
  await screenshot(page, 'console-review-bulk', { shown: true });
  await group.getByLabel(/理由/).fill('两县网站均未提供 HTTPS 访问，复核属实，予以维持。');
  await clickThrough(page, () => group.getByRole('button', { name: '维持' }).click());
  expect(await page.locator('.success').textContent()).toBe('已维持 2 个问题，已记入复核记录。');
  expect(await page.locator('section.queue-group', { hasText: '2 个问题证据相同' }).count()).toBe(0);

  const decisions = await Promise.all(ids.map((id) => d.store.adjudication.history(id)));
  for (const history of decisions) {
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      what: 'upheld',
      who: '省政府办公厅',
      why: '两县网站均未提供 HTTPS 访问，复核属实，予以维持。',
    });
  }
  expect(decisions[0]![0]!.batchId).toBeDefined();
  expect(decisions[0]![0]!.batchId).toBe(decisions[1]![0]!.batchId);
  expect(problems).toEqual([]);
  await context.close();
});

it('province: a decision the API refuses (decided meanwhile by another reviewer) shows its message', async () => {
  const other = (
    await d.store.tokens.create({ role: 'province', region: null, name: '省政府办公厅复核二组' })
  ).token;
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.province);
  await page.goto(`${d.base}/dashboard/review?region=5105&ruleId=site-functions`);
  const group = page.locator('section.queue-group').first();
  const [id] = (await group.locator('input[name=finding]').inputValue()).split(':');
  const meanwhile = await d.app.inject({
    method: 'POST',
    url: `/api/v1/findings/${id}/decisions`,
    headers: { authorization: `Bearer ${other}` },
    payload: { verdict: 'upheld', reason: '首页确无该功能入口。', period: '2026Q2' },
  });
  expect(meanwhile.statusCode).toBe(201);

  await group.getByLabel(/理由/).fill('首页没有该入口，维持。');
  await clickThrough(page, () => group.getByRole('button', { name: '维持' }).click());
  expect(await page.locator('.alert').textContent()).toBe(
    '未能认定：合江县人民政府：该问题已复核认定为维持。',
  );
  expect((await d.store.adjudication.history(id!)).map((action) => action.who)).toEqual([
    '省政府办公厅复核二组',
  ]);
  // Chromium logs the 409 the form was answered with; nothing else went wrong.
  expect(problems.filter((problem) => !problem.includes('status of 409'))).toEqual([]);
  await context.close();
});

it('the queue and the findings page fit a phone', async () => {
  const phone = { width: 390, height: 844 };
  for (const [token, path] of [
    [d.tokens.province, '/dashboard/review?region=5105'],
    [d.tokens.luzhou, '/dashboard/findings'],
  ] as const) {
    const { context, page, problems } = await openPage(browser, phone);
    await signIn(page, d.base, token);
    await page.goto(`${d.base}${path}`);
    await screenshot(page, `console-phone-${path.split('/')[2]!.split('?')[0]}`);
    expect(problems).toEqual([]);
    await context.close();
  }
});
