import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { expect } from 'vitest';
import { DEMO_SITES } from '../../../demo/sites/index.ts';
import type { Site } from '../../../src/registry/site.ts';

export const LAPTOP = { width: 1280, height: 800 };

const CHECKED = join(process.cwd(), 'out', 'console-screens');
/**
 * Where the screenshots the README shows go: docs/screenshots when UPDATE_SCREENSHOTS=1; otherwise
 * out/console-screens with the others, so that a test run leaves the tree clean.
 */
const SHOWN = process.env.UPDATE_SCREENSHOTS === '1' ? join(process.cwd(), 'docs', 'screenshots') : CHECKED;

/** The demo's registry with the homepages as registered (the real-looking names, not the loopback ports). */
export const DEMO_REGISTRY: Site[] = DEMO_SITES.map((demo) => ({
  ...demo.site,
  homepage: `https://${demo.host}/`,
}));

/**
 * A fresh context that records policy violations and script errors. A form answered 400 (its page
 * says what was wrong) is no problem, though Chromium logs it.
 */
export async function openPage(
  browser: Browser,
  viewport = LAPTOP,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.includes('status of 400 (Bad Request)')) problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

export async function signIn(page: Page, base: string, token: string): Promise<void> {
  await page.goto(`${base}/dashboard/login`);
  await page.locator('#token').fill(token);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/dashboard/login'),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
}

/** Clicks and waits for the page the click leads to. */
export async function clickThrough(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForNavigation(), click()]);
}

/**
 * Screenshot checked for content: not one flat colour, and never wider than the screen. `shown`:
 * one of the README's; `firstScreen`: only what the window shows, for a long page.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { shown?: boolean; firstScreen?: boolean } = {},
): Promise<void> {
  const dir = options.shown ? SHOWN : CHECKED;
  await mkdir(dir, { recursive: true });
  const bytes = await page.screenshot({ path: join(dir, `${name}.png`), fullPage: !options.firstScreen });
  expect(bytes.length).toBeGreaterThan(20_000);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${name}: page scrolls sideways`).toBeLessThanOrEqual(page.viewportSize()!.width);
}
