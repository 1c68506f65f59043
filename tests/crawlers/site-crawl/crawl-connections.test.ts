import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { MADE_UP_NAME } from '../../../crawlers/soft-404/made-up-url.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

const ARTICLES = Array.from({ length: 30 }, (_, k) => `/art/${k}.html`);

let site: FixtureSite;
let open = 0;
let peakOpen = 0;
let delayMs = 0;

/** Answers after `delayMs`, counting the crawl's exchanges open at the server (the made-up probe aside). */
function slowPage(title: string, links: string[] = []) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const counted = !MADE_UP_NAME.test((req.url ?? '').slice((req.url ?? '').lastIndexOf('/') + 1));
    if (counted) peakOpen = Math.max(peakOpen, ++open);
    setTimeout(() => {
      if (counted) open--;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(title, links));
    }, delayMs);
  };
}

beforeAll(async () => {
  site = await serveSite({
    '/': slowPage('首页', ARTICLES),
    ...Object.fromEntries(ARTICLES.map((path, k) => [path, slowPage(`文章${k}`)])),
  });
});

afterAll(() => site.close());

describe('crawlSite: connections to the site', () => {
  it('never has more exchanges open at once than its concurrency, and keeps that many busy', async () => {
    delayMs = 30;
    peakOpen = 0;
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 40,
      settings: { concurrency: 3 },
      log: quietLog,
    });
    expect(crawl.pages.filter((page) => page.status === 200)).toHaveLength(31);
    expect(peakOpen).toBe(3);
  });

  it('starts a page’s deadline when its exchange gets a connection, not while it waits for one', async () => {
    // Sixteen pages of 120 ms each through one connection, each within its 200 ms deadline; a page waiting
    // for the connection (the crawl runs more tasks than connections) would have spent most of it.
    delayMs = 120;
    peakOpen = 0;
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 16,
      settings: { concurrency: 1, totalTimeoutMs: 200 },
      log: quietLog,
    });
    expect(crawl.pages.filter((page) => page.error !== undefined)).toEqual([]);
    expect(crawl.pages.filter((page) => page.status === 200)).toHaveLength(16);
    expect(peakOpen).toBe(1);
  });
});
