import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { type RunningRedis, startRedis } from '../support/redis.ts';
import { clickThrough, DEMO_REGISTRY, openPage, screenshot, signIn } from './support/browser-pages.ts';
import { type DashboardApp, dashboardApp } from './support/dashboard-app.ts';

let d: DashboardApp;
let redis: RunningRedis;
let browser: Browser;
let attacker: RunningServer;

beforeAll(async () => {
  redis = await startRedis();
  d = await dashboardApp({
    webhooks: { redisUrl: redis.url, queuePrefix: `console-${randomUUID().slice(0, 8)}` },
  });
  await d.store.sites.replaceAll(DEMO_REGISTRY);
  await d.listen();
  // It signs in from localhost too, as another site: names must resolve.
  browser = await launchBrowser({ resolveHosts: true });
  // Another site's page that posts a form to the console as soon as it is opened.
  attacker = await startServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!DOCTYPE html><html><body><form method="post" action="${d.base}/dashboard/tokens">
<input name="role" value="province"><input name="name" value="攻击者"></form>
<script>document.forms[0].submit()</script></body></html>`);
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await attacker?.close();
  await d?.close();
  await redis?.stop();
});

it('province: makes a city token shown once with a copy button; revoking it ends the city’s session', async () => {
  const { context, page, problems } = await openPage(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: d.base });
  await signIn(page, d.base, d.tokens.province);
  await clickThrough(page, () => page.getByRole('link', { name: '访问令牌' }).click());
  await page.getByLabel('市级令牌：只能查看和检查其辖区内的网站').check();
  await page.locator('#token-region').fill('510500');
  await page.locator('#token-name').fill('泸州市人民政府办公室（政务公开科）');
  await clickThrough(page, () => page.getByRole('button', { name: '生成令牌' }).click());
  expect(await page.locator('h1').textContent()).toBe('令牌已生成');
  const token = await page.locator('#new-token').inputValue();
  expect(token).toMatch(/^gi_/);
  await page.getByRole('button', { name: '复制' }).click();
  await expect.poll(() => page.locator('.copy-status').textContent()).toBe('已复制到剪贴板。');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await screenshot(page, 'console-token-created', { shown: true });

  // The city office signs in with it, elsewhere.
  const city = await openPage(browser);
  await signIn(city.page, d.base, token);
  expect(await city.page.locator('h1').textContent()).toContain('泸州市');

  await clickThrough(page, () => page.getByRole('link', { name: '返回令牌列表' }).click());
  expect(await page.locator('table.tokens').textContent()).not.toContain(token);
  await screenshot(page, 'console-tokens');
  const row = page.locator('table.tokens tr', { hasText: '政务公开科' });
  await clickThrough(page, () => row.getByRole('button', { name: '吊销' }).click());
  expect(await page.locator('.success').textContent()).toBe('令牌已吊销。');
  expect(await page.locator('table.tokens').textContent()).not.toContain('政务公开科');

  await city.page.reload();
  expect(new URL(city.page.url()).pathname).toBe('/dashboard/login');
  expect(problems).toEqual([]);
  await city.context.close();
  await context.close();
});

it('province: subscribes a webhook (secret shown once), reads its deliveries and redelivers a failed one', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, d.base, d.tokens.province);
  await clickThrough(page, () => page.getByRole('link', { name: '推送订阅' }).click());
  await page.locator('#hook-url').fill('http://127.0.0.1:9/gov-inspect/hook');
  await page.getByLabel('发现新问题（violation.detected）').check();
  await page.getByLabel('检查批次完成（sweep.completed）').check();
  await page.getByLabel('问题已复核认定（finding.decided）').check();
  await page.locator('#hook-region').fill('510100');
  await clickThrough(page, () => page.getByRole('button', { name: '创建订阅' }).click());
  expect(await page.locator('h1').textContent()).toBe('订阅已创建');
  const secret = await page.locator('#new-secret').inputValue();
  const [hook] = await d.store.webhooks.list();
  expect(await d.store.webhooks.secretOf(hook!.id)).toBe(secret);
  expect(hook!.events).toEqual(['violation.detected', 'sweep.completed', 'finding.decided']);
  await screenshot(page, 'console-webhook-created');

  const events = [
    { id: 'msg_delivered', type: 'sweep.completed', status: 200, state: 'delivered' },
    { id: 'msg_failed', type: 'violation.detected', status: 503, state: 'failed' },
  ] as const;
  for (const event of events) {
    await d.store.webhooks.recordDelivery({
      id: event.id,
      subscriptionId: hook!.id,
      eventType: event.type,
      payload: {},
    });
    await d.store.webhooks.recordAttempt(event.id, { status: event.status, error: null, state: event.state });
  }
  await clickThrough(page, () => page.getByRole('link', { name: '查看推送记录' }).click());
  expect(await page.locator('table.deliveries').textContent()).toContain('HTTP 503');
  const failed = page.locator('table.deliveries tr', { hasText: 'msg_failed' });
  await clickThrough(page, () => failed.getByRole('button', { name: '重新推送' }).click());
  expect(await page.locator('.success').textContent()).toBe('已重新排入推送队列。');
  expect(await page.locator('table.deliveries tr', { hasText: 'msg_failed' }).textContent()).toContain(
    '推送中',
  );
  expect((await d.store.webhooks.getDelivery('msg_failed'))?.redeliveries).toBe(1);
  await screenshot(page, 'console-webhook-deliveries', { shown: true });

  await page.goto(`${d.base}/dashboard/webhooks`);
  expect(await page.locator('table.webhooks').textContent()).not.toContain('whsec_');
  await clickThrough(page, () => page.getByRole('button', { name: '删除' }).click());
  expect(await page.locator('.success').textContent()).toBe('订阅已删除。');
  expect(await d.store.webhooks.list()).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

it('refuses a form another site posts with the province’s session, in real Chromium', async () => {
  const { context, page } = await openPage(browser);
  await signIn(page, d.base, d.tokens.province);
  const before = await d.store.tokens.list();
  // 127.0.0.1 on another port is the same site: Chromium sends the SameSite=Strict cookie, and the
  // Origin check refuses the post.
  await Promise.all([page.waitForURL(`${d.base}/dashboard/tokens`), page.goto(attacker.origin)]);
  expect(await page.locator('h1').textContent()).toBe('请求被拒绝');
  // localhost is another site: no cookie at all, so the post meets the sign-in page.
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/dashboard/login'),
    page.goto(attacker.origin.replace('127.0.0.1', 'localhost')),
  ]);
  expect(await d.store.tokens.list()).toEqual(before);
  await context.close();
});
