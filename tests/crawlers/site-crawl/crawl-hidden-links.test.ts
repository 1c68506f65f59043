import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteCrawl } from '../../../crawlers/artifacts.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

let site: FixtureSite;
let crawl: SiteCrawl;

beforeAll(async () => {
  site = await serveSite({
    '/': { body: html('首页', ['/xwdt/1.html', '/xwdt/2.html']) },
    // An article page injected with casino links, as hijacked CMS templates are.
    '/xwdt/1.html': {
      body: html('县政府召开常务会议').replace(
        '</body>',
        '<div style="position:absolute;top:-3000px"><a href="http://www.ag-casino.example/">澳门博彩</a></div></body>',
      ),
    },
    '/xwdt/2.html': {
      body: html('政策解读').replace(
        '<head>',
        '<head><meta http-equiv="refresh" content="0;url=http://news.example.com/">',
      ),
    },
  });
  crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 10, log: quietLog });
});

afterAll(async () => {
  await site?.close();
});

describe('crawlSite: hidden links and redirects in the pages’ markup', () => {
  it('records the hidden external link of the page that has one, and nothing on the others', () => {
    const byPath = Object.fromEntries(crawl.pages.map((page) => [page.url.slice(site.origin.length), page]));
    expect(byPath['/xwdt/1.html']?.hiddenLinks).toEqual([
      expect.objectContaining({ target: 'http://www.ag-casino.example/', text: '澳门博彩', how: 'off-page' }),
    ]);
    expect(byPath['/']?.hiddenLinks).toBeUndefined();
    expect(byPath['/xwdt/2.html']?.redirects).toEqual([
      { target: 'http://news.example.com/', by: 'meta-refresh' },
    ]);
  });
});
