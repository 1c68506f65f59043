import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.ts';
import { launchBrowser } from '../../src/browser.ts';
import { type DashboardApp, dashboardApp } from './support/dashboard-app.ts';
import { type Seeded, SWEEPS, seedFromDemoSweep } from './support/seed.ts';

const SHOTS = join(process.cwd(), 'out', 'dashboard-screens');
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

let d: DashboardApp;
let seeded: Seeded;
let browser: Browser;

beforeAll(async () => {
  d = await dashboardApp({ sweepPollMs: 300 });
  seeded = await seedFromDemoSweep(d.store, d.artifactDir);
  await d.listen();
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await d?.close();
});

/** A fresh context that records policy violations and script errors. */
async function open(viewport = LAPTOP): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.locator('#token').fill(token);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/dashboard/login'),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
  await page.waitForLoadState('load');
}

/** Screenshot checked for content: not one flat colour, and the page wider than the screen never. */
async function screenshot(page: Page, name: string): Promise<void> {
  const bytes = await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(bytes.length).toBeGreaterThan(20_000);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${name}: page scrolls sideways`).toBeLessThanOrEqual(page.viewportSize()!.width);
}

it('province: signs in, sees the overview with the trend chart, opens a site with evidence and screenshot, logs out', async () => {
  const { context, page, problems } = await open();
  await page.goto(`${d.base}/dashboard/`);
  expect(page.url()).toContain('/dashboard/login');
  await signIn(page, d.tokens.province);
  expect(new URL(page.url()).pathname).toBe('/dashboard/');
  await expect.poll(() => page.locator('#trend-chart').getAttribute('data-drawn')).toBe('true');
  const canvasDrawn = await page.locator('#trend-chart').evaluate((canvas: HTMLCanvasElement) => {
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted += 1;
    return painted;
  });
  expect(canvasDrawn).toBeGreaterThan(1000);
  const text = (await page.locator('main').textContent()) ?? '';
  for (const site of seeded.sites) expect(text).toContain(site.fullName);
  expect(text).toContain('全省政府网站检查概览（2026年第二季度）');
  expect(text).toContain('各项规则通过率');
  // The ranking, a column per rule beside score and rating, fits a laptop screen without scrolling.
  expect(await page.locator('table.ranking thead th.rule-col').count()).toBe(CHECKS.length);
  const rankingOverflow = await page
    .locator('table.ranking')
    .evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
  expect(rankingOverflow).toBeLessThanOrEqual(0);
  expect(text).toContain('评定不合格');
  await screenshot(page, 'overview-laptop');

  await page
    .getByRole('link', { name: seeded.sites.find((s) => s.id === 'cd-portal')!.fullName })
    .first()
    .click();
  await page.waitForLoadState('load');
  expect(new URL(page.url()).pathname).toBe('/dashboard/sites/cd-portal');
  const shot = page.locator('figure.shot img');
  await expect
    .poll(() => shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(100);
  const siteText = (await page.locator('main').textContent()) ?? '';
  expect(siteText).toContain('头部标识区域展示网站全称');
  expect(siteText).toContain('历次检查结果');
  // One article per rule of contract §4.
  expect(await page.locator('article.rule').count()).toBe(CHECKS.length);
  expect(await page.locator('table.history tbody tr').count()).toBe(3);
  await expect.poll(() => page.locator('#history-chart').getAttribute('data-drawn')).toBe('true');
  await screenshot(page, 'site-laptop');

  await Promise.all([
    page.waitForURL((url) => url.pathname === '/dashboard/login'),
    page.getByRole('button', { name: '退出登录' }).click(),
  ]);
  expect(new URL(page.url()).pathname).toBe('/dashboard/login');
  await page.goto(`${d.base}/dashboard/sites/cd-portal`);
  expect(new URL(page.url()).pathname).toBe('/dashboard/login');
  expect(problems).toEqual([]);
  await context.close();
});

it('a shared link survives sign-in; a city token sees only its region, on a phone', async () => {
  const { context, page, problems } = await open(PHONE);
  await page.goto(`${d.base}/dashboard/sites/gl-county`);
  expect(new URL(page.url()).searchParams.get('next')).toBe('/dashboard/sites/gl-county');
  await screenshot(page, 'login-phone');
  await signIn(page, d.tokens.luzhou);
  expect(new URL(page.url()).pathname).toBe('/dashboard/sites/gl-county');
  expect(await page.locator('h1').textContent()).toContain(
    seeded.sites.find((s) => s.id === 'gl-county')!.fullName,
  );
  await screenshot(page, 'site-phone');

  const outside = await page.goto(`${d.base}/dashboard/sites/cd-portal`);
  expect(outside?.status()).toBe(404);
  expect(await page.locator('main').textContent()).toContain('页面不存在');

  await page.goto(`${d.base}/dashboard/`);
  await expect.poll(() => page.locator('#trend-chart').getAttribute('data-drawn')).toBe('true');
  const names = await page.locator('table.ranking tbody th a').allTextContents();
  const luzhou = seeded.sites.filter((s) => s.region.startsWith('5105')).map((s) => s.fullName);
  expect(names.sort()).toEqual([...luzhou].filter((name) => names.includes(name)).sort());
  expect(names.length).toBeGreaterThan(0);
  const text = (await page.locator('main').textContent()) ?? '';
  for (const site of seeded.sites.filter((s) => !s.region.startsWith('5105')))
    expect(text).not.toContain(site.fullName);
  expect(text).toContain('泸州市政府网站检查概览');
  await screenshot(page, 'overview-phone');

  await Promise.all([
    page.waitForURL((url) => url.pathname === '/dashboard/sweeps'),
    page.getByRole('link', { name: '检查批次' }).click(),
  ]);
  const listed = await page
    .locator('table.sweeps tbody th a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(listed).toEqual([`/dashboard/sweeps/${SWEEPS.live}`]);
  await screenshot(page, 'sweeps-phone');
  expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  await context.close();
});

it('the sweep page follows progress live', async () => {
  const { context, page, problems } = await open();
  await page.goto(`${d.base}/dashboard/sweeps/${SWEEPS.live}`);
  await signIn(page, d.tokens.luzhou);
  expect(await page.locator('#sweep-done').textContent()).toBe('1');
  expect(await page.locator('#sweep-results tr').count()).toBe(1);
  // The seed recorded the first Luzhou site's result; the second one arrives now.
  const luzhou = seeded.sites.filter((s) => s.region.startsWith('5105'));
  const second = seeded.current.find((r) => r.siteId === luzhou[1]!.id)!;
  await d.store.results.record(SWEEPS.live, second);
  await expect.poll(() => page.locator('#sweep-done').textContent()).toBe('2');
  await expect.poll(() => page.locator('#sweep-results tr').count()).toBe(2);
  expect(await page.locator('#sweep-results tr .rating').count()).toBe(2);
  expect(await page.locator('#sweep-state').textContent()).toBe('检查中');
  await screenshot(page, 'sweep-laptop');
  expect(problems).toEqual([]);
  await context.close();
});
