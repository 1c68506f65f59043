import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotChallenge, Gathered, RenderedHomepage, SiteCrawl } from '../../crawlers/artifacts.ts';
import { renderHomepage } from '../../crawlers/rendered-homepage/render-homepage.ts';
import { crawlSite } from '../../crawlers/site-crawl/crawl-site.ts';
import { launchBrowser } from '../../src/browser.ts';
import { unreachableReason } from '../../src/inspection/reachability.ts';
import { wafGatedSite } from '../crawlers/rendered-homepage/waf-site.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { crawledPage, renderedHomepage, siteCrawl } from './artifact-builders.ts';

const ok = <T>(value: T): Gathered<T> => ({ ok: true, value });
const failed: Gathered<never> = { ok: false, error: 'boom' };
const waf412: BotChallenge = { vendor: 'waf-412', status: 412, evidence: 'HTTP 412' };
const slider: BotChallenge = { vendor: 'generic', status: 200, evidence: '防护系统验证页：安全验证' };
const crawlOnlyChallenged: Gathered<SiteCrawl> = ok(
  siteCrawl([crawledPage({ status: 412, challenge: waf412 })]),
);

describe('unreachableReason', () => {
  it('a rendered page that got past the WAF makes the site reachable though the crawl saw only the challenge', () => {
    const rendered = ok(renderedHomepage({ status: 200, challengeStatus: 412 }));
    expect(unreachableReason(rendered, crawlOnlyChallenged)).toBeUndefined();
  });

  it('a rendered page that is still a challenge does not', () => {
    const rendered: Gathered<RenderedHomepage> = ok(renderedHomepage({ status: 200, challenge: slider }));
    expect(unreachableReason(rendered, crawlOnlyChallenged)).toContain('防护系统拦截（HTTP 200）');
    expect(unreachableReason(rendered, failed)).toContain('防护系统拦截');
  });

  it('the crawl alone is enough when the browser failed', () => {
    expect(unreachableReason(failed, ok(siteCrawl([crawledPage()])))).toBeUndefined();
  });

  it('says what went wrong otherwise', () => {
    const rendered = ok(renderedHomepage({ status: 404 }));
    expect(unreachableReason(rendered, ok(siteCrawl([crawledPage({ status: 404 })])))).toBe(
      '首页返回 HTTP 404，无法检查。',
    );
    expect(unreachableReason(rendered, failed)).toBe('首页返回 HTTP 404，无法检查。');
    const refused = crawledPage({ status: null, error: 'ECONNREFUSED' });
    expect(unreachableReason(failed, ok(siteCrawl([refused])))).toBe('首页无法访问（ECONNREFUSED）。');
    expect(unreachableReason(failed, failed)).toBe('首页无法访问：boom');
  });
});

describe('a site behind a 瑞数-style WAF, gathered for real', () => {
  let browser: Browser;
  let site: RunningServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    site = await startServer(wafGatedSite());
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('is reachable: Chromium got through, though the crawl only met the 412', async () => {
    const rendered = await renderHomepage(browser, `${site.origin}/`, { settleCapMs: 4_000 });
    const crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 3 });
    expect(rendered.status).toBe(200);
    expect(crawl.pages[0]).toMatchObject({ status: 412, challenge: { vendor: 'waf-412' } });
    expect(unreachableReason(ok(rendered), ok(crawl))).toBeUndefined();
  });
});
