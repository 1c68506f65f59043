import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHomepage } from '../../../crawlers/rendered-homepage/render-homepage.ts';
import { launchBrowser } from '../../../src/browser.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';
import { wafGatedSite } from './waf-site.ts';

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

describe('renderHomepage behind a 瑞数-style WAF', () => {
  it('reports the page that finally rendered, and the challenge it got past', async () => {
    const homepage = await renderHomepage(browser, `${site.origin}/`, { settleCapMs: 4_000 });
    expect(homepage).toMatchObject({
      finalUrl: `${site.origin}/`,
      status: 200,
      challengeStatus: 412,
      title: '四川省某某县人民政府',
    });
    expect(homepage.challenge).toBeUndefined();
    expect(homepage.links.map((link) => link.text)).toContain('政务公开');
  });

  it('a challenge the browser cannot pass stays one', async () => {
    const homepage = await renderHomepage(browser, `${site.origin}/stuck/`, { settleCapMs: 2_000 });
    expect(homepage.status).toBe(412);
    expect(homepage.challenge).toMatchObject({ vendor: 'waf-412', status: 412 });
  });
});
