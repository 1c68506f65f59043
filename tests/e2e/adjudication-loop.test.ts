import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { hjCounty } from '../../demo/sites/hj-county.ts';
import { launchBrowser } from '../../src/browser.ts';
import { clickThrough, openPage, screenshot, signIn } from '../dashboard/support/browser-pages.ts';
import { type RunningPostgres, startPostgres } from '../support/postgres.ts';
import { type RunningRedis, startRedis } from '../support/redis.ts';
import {
  type LoopService,
  type LoopSite,
  type Receiver,
  serveLoopSite,
  startLoopService,
  startReceiver,
} from './support/loop-service.ts';

/**
 * Contract §7 end to end, from the console alone, on the real service (Redis, real workers and
 * Chromium, the embedded store or PostgreSQL): the province registers 合江县 and makes 泸州's token; a
 * sweep finds its homepage 40 days stale (网站不更新, a single veto: 不合格); 泸州 appeals, the province
 * strikes the finding off in the review queue; the site is 合格 after review, the finalised notice
 * (定稿) counts it struck off and a signed finding.decided arrives. The next sweep of the unchanged site
 * carries the decision; a sweep after the homepage changed reopens the finding.
 */

const APPEAL = '本县门户首页新闻由县融媒体中心每日更新，首页“合江要闻”栏目为县委宣传部转载专栏，请复核。';
const OVERTURN = '经核实，县政府门户首页另有每日更新的“政务动态”栏目，网站不更新问题不成立，予以核减。';
const STALE = '首页超过2周未更新';

let redis: RunningRedis;
let postgres: RunningPostgres;
let browser: Browser;

beforeAll(async () => {
  [redis, postgres, browser] = await Promise.all([startRedis(), startPostgres(), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await postgres?.stop();
  await redis?.stop();
});

describe.each([
  { store: 'the embedded store', databaseUrl: () => undefined },
  { store: 'PostgreSQL', databaseUrl: () => postgres.url },
])('the review loop on $store', ({ store, databaseUrl }) => {
  let service: LoopService;
  let site: LoopSite;
  let receiver: Receiver;
  let province: Page;
  let city: Page;
  const shots = store === 'PostgreSQL' ? '-pg' : '';

  beforeAll(async () => {
    [site, receiver] = await Promise.all([serveLoopSite(new Date()), startReceiver()]);
    service = await startLoopService({
      redisUrl: redis.url,
      ...(databaseUrl() ? { databaseUrl: databaseUrl() } : {}),
    });
    province = (await openPage(browser)).page;
    await signIn(province, service.base, service.provinceToken);
  }, 120_000);
  afterAll(async () => {
    await province?.context().close();
    await city?.context().close();
    await service?.close();
    await Promise.all([site?.close(), receiver?.close()]);
  });

  /** Starts a sweep of 合江县 from the console and waits on its live page until it is done. */
  async function sweep(): Promise<void> {
    await province.goto(`${service.base}/dashboard/sweeps/new`);
    await province.getByLabel('临时检查').check();
    await province.getByLabel('选定的网站：').check();
    await province.getByLabel('合江县人民政府').check();
    await clickThrough(province, () => province.getByRole('button', { name: '开始检查' }).click());
    await expect
      .poll(() => province.locator('#sweep-state').textContent(), { timeout: 180_000, interval: 500 })
      .toBe('已完成');
  }

  /** 合江县's stale-homepage finding in the queue's view of `state` ('': those awaiting review, open or appealed). */
  async function queued(state: string) {
    await province.goto(`${service.base}/dashboard/review?ruleId=content-freshness&state=${state}`);
    return province.locator('.queue-item', { hasText: STALE });
  }

  it('province: registers the site, makes the city’s token, subscribes a receiver', async () => {
    await province.goto(`${service.base}/dashboard/registry`);
    const sites = [{ ...hjCounty.site, homepage: `${site.origin}/` }];
    await province.locator('#sites-file').setInputFiles({
      name: '网站名录.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(stringify({ sites })),
    });
    await clickThrough(province, () => province.getByRole('button', { name: '检查并预览' }).click());
    await clickThrough(province, () => province.getByRole('button', { name: '确认替换' }).click());
    expect(await province.locator('.success').textContent()).toBe('站点登记已替换。');

    await province.goto(`${service.base}/dashboard/tokens`);
    await province.getByLabel('市级令牌：只能查看和检查其辖区内的网站').check();
    await province.locator('#token-region').fill('510500');
    await province.locator('#token-name').fill('泸州市政府办公室');
    await clickThrough(province, () => province.getByRole('button', { name: '生成令牌' }).click());
    const token = await province.locator('#new-token').inputValue();
    city = (await openPage(browser)).page;
    await signIn(city, service.base, token);

    await province.goto(`${service.base}/dashboard/webhooks`);
    await province.locator('#hook-url').fill(receiver.url);
    await province.getByLabel(/（finding\.decided）/).check();
    await clickThrough(province, () => province.getByRole('button', { name: '创建订阅' }).click());
    receiver.secret = await province.locator('#new-secret').inputValue();
    expect(receiver.secret).toMatch(/^whsec_/);
  });

  it('a sweep finds the homepage stale: 不合格; 泸州 appeals, the province strikes it off; 合格 after review', async () => {
    await sweep();
    await city.goto(`${service.base}/dashboard/findings?ruleId=content-freshness`);
    const finding = city.locator('li.city-finding', { hasText: STALE });
    expect(await finding.count()).toBe(1);
    await finding.getByLabel(/申诉理由/).fill(APPEAL);
    await clickThrough(city, () => finding.getByRole('button', { name: '提出申诉' }).click());
    expect(await city.locator('.success').textContent()).toBe('申诉已提交，等待省级复核。');

    const item = await queued('appealed');
    expect(await item.count()).toBe(1);
    expect(await item.locator('.appeal-reason').textContent()).toContain(APPEAL);
    const group = province.locator('section.queue-group', { has: item });
    await group.getByLabel(/理由/).fill(OVERTURN);
    await clickThrough(province, () => group.getByRole('button', { name: '核减' }).click());
    expect(await province.locator('.success').textContent()).toBe('已核减 1 个问题，已记入复核记录。');

    await province.goto(`${service.base}/dashboard/sites/hj-county`);
    const card = province.locator('section.adjudicated');
    expect(await card.locator('.struck').textContent()).toBe('1');
    const ratings = await card.locator('.rating').allTextContents();
    expect(ratings[0]).toBe('合格');
    const automated = Number(/自动检查 ([\d.]+)/.exec((await card.textContent()) ?? '')?.[1]);
    expect(Number(await card.locator('.score').textContent())).toBeGreaterThan(automated);
    expect(await card.textContent()).toContain('不合格');
    if (!shots) await screenshot(province, 'loop-site-adjudicated', { shown: true, firstScreen: true });

    await city.goto(`${service.base}/dashboard/findings?ruleId=content-freshness`);
    const answered = city.locator('li.city-finding', { hasText: STALE });
    expect(await answered.locator('.finding-state').textContent()).toBe('已核减');
    expect(await answered.locator('.history-log').textContent()).toContain(OVERTURN);
  }, 240_000);

  it('province: finalises the notice, which counts the finding struck off (核减 1) and lists it so', async () => {
    await province.goto(`${service.base}/dashboard/notices`);
    const struck = province.locator('.notice-counts .stat', {
      has: province.locator('span:text-is("核减")'),
    });
    expect(await struck.locator('b').textContent()).toBe('1');
    await clickThrough(province, () => province.getByRole('button', { name: '定稿' }).click());
    expect(await province.locator('.success').textContent()).toBe('已定稿：第 1 版。');
    const version = province.locator('table.versions tr', { hasText: '第 1 版' });
    const href = await version.getByRole('link', { name: '查看', exact: true }).getAttribute('href');
    const finalised = await province.request.get(new URL(href!, service.base).href);
    expect(finalised.status()).toBe(200);
    const notice = await finalised.text();
    expect(notice).toContain('以下问题予以核减');
    expect(notice).toContain('合江县人民政府');
    expect(finalised.headers()['x-content-sha256']).toBe(
      await version.locator('code.hash').getAttribute('title'),
    );
    if (!shots) await screenshot(province, 'loop-notice-finalised', { shown: true });
  });

  it('a signed finding.decided arrives at the receiver', async () => {
    await expect
      .poll(() => receiver.arrivals.filter((a) => a.type === 'finding.decided').length, { timeout: 30_000 })
      .toBe(1);
    const decided = receiver.arrivals.find((a) => a.type === 'finding.decided')!;
    expect(decided.verified).toBe(true);
    expect(JSON.stringify(decided.body)).toContain('hj-county');
    expect(JSON.stringify(decided.body)).toContain('overturned');
  });

  it('the next sweep of the unchanged site carries the decision: nothing to review', async () => {
    await sweep();
    expect(await (await queued('')).count()).toBe(0);
    const carried = await queued('overturned');
    expect(await carried.count()).toBe(1);
    expect(await carried.textContent()).toContain(OVERTURN);
  }, 240_000);

  it('a sweep after the homepage changed reopens the finding, the earlier decision beside it', async () => {
    site.changeHomepage();
    await sweep();
    const reopened = await queued('open');
    expect(await reopened.count()).toBe(1);
    expect(await reopened.textContent()).toContain('县政府召开第三次常务会议');
    expect(await reopened.textContent()).toContain(OVERTURN);
  }, 240_000);
});
