import { afterEach, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type Answer, type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** A tree: / links to /s1../sN, each /sK links to /sK/p1../sK/pM. */
function tree(sections: number, perSection: number): Record<string, Answer> {
  const pages: Record<string, Answer> = {};
  const sectionPaths = Array.from({ length: sections }, (_, i) => `/s${i + 1}/`);
  pages['/'] = { body: html('首页', sectionPaths) };
  for (const section of sectionPaths) {
    const children = Array.from({ length: perSection }, (_, i) => `${section}p${i + 1}.html`);
    pages[section] = { body: html(section, children) };
    for (const child of children) pages[child] = { body: html(child, ['/', section]) };
  }
  return pages;
}

describe('crawlSite: breadth-first order and the page budget', () => {
  it('crawls breadth-first, one request per page, homepage first, with depth and referrer', async () => {
    site = await serveSite(tree(3, 2));
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 50,
      settings: { concurrency: 1 },
      log: quietLog,
    });
    expect(crawl.pages.map((page) => page.url.slice(site!.origin.length))).toEqual([
      '/',
      '/s1/',
      '/s2/',
      '/s3/',
      '/s1/p1.html',
      '/s1/p2.html',
      '/s2/p1.html',
      '/s2/p2.html',
      '/s3/p1.html',
      '/s3/p2.html',
    ]);
    expect(crawl.pages.map((page) => page.depth)).toEqual([0, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
    expect(crawl.pages[4]?.referrer).toBe(`${site.origin}/s1/`);
    expect(site.requests).toHaveLength(10);
    // Besides, one made-up missing page: the host's not-found answer, to tell soft 404s by.
    expect(site.madeUp).toHaveLength(1);
    expect(crawl.truncated).toBe(false);
    expect(crawl.startUrl).toBe(`${site.origin}/`);
    expect(crawl.durationMs).toBeGreaterThan(0);
  });

  it('keeps breadth-first depth order with concurrency', async () => {
    site = await serveSite(tree(6, 6));
    const crawl = await crawlSite({ homepage: site.origin, maxPages: 100, log: quietLog });
    const depths = crawl.pages.map((page) => page.depth);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    expect(crawl.pages).toHaveLength(43);
  });

  it.each([1, 4])(
    'fetches exactly maxPages pages with concurrency %i and says it was truncated',
    async (concurrency) => {
      site = await serveSite(tree(5, 10));
      const crawl = await crawlSite({
        homepage: `${site.origin}/`,
        maxPages: 7,
        settings: { concurrency },
        log: quietLog,
      });
      expect(crawl.pages).toHaveLength(7);
      expect(site.requests).toHaveLength(7);
      expect(crawl.pages[0]?.depth).toBe(0);
      expect(crawl.truncated).toBe(true);
    },
  );

  it('is not truncated when the site fits the budget exactly', async () => {
    site = await serveSite(tree(2, 2));
    const crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 7, log: quietLog });
    expect(crawl.pages).toHaveLength(7);
    expect(crawl.truncated).toBe(false);
  });

  it('crawls a priority seed and the pages it links to before ordinary pages when the budget is tight', async () => {
    const issues = Array.from({ length: 5 }, (_, i) => `/zwgk/zfgb/2025/${i + 1}.html`);
    site = await serveSite({
      ...tree(30, 3),
      '/zwgk/zfgb/': { body: html('政府公报', issues) },
      ...Object.fromEntries(issues.map((issue) => [issue, { body: html(`公报 ${issue}`, ['/s1/']) }])),
    });
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      seeds: [{ url: `${site.origin}/s29/` }, { url: `${site.origin}/zwgk/zfgb/`, priority: true }],
      maxPages: 8,
      log: quietLog,
    });
    const paths = crawl.pages.map((page) => page.url.slice(site!.origin.length));
    expect(paths.slice(0, 7)).toEqual(['/', '/zwgk/zfgb/', ...issues]);
    expect(paths).toHaveLength(8);
    expect(crawl.pages[1]?.depth).toBe(1);
    expect(crawl.pages[2]?.depth).toBe(2);
    expect(crawl.truncated).toBe(true);
  });

  it('goes on with ordinary pages when priority pages fail or the budget refuses them', async () => {
    site = await serveSite({
      ...tree(2, 2),
      '/gb/': { body: html('公报', ['/gb/1.html', '/gb/2.html', '/gb/3.html']) },
      '/gb/1.html': { status: 500, body: html('错误') },
    });
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      seeds: [
        { url: `${site.origin}/missing/`, priority: true },
        { url: `${site.origin}/gb/`, priority: true },
      ],
      maxPages: 20,
      log: quietLog,
    });
    const paths = crawl.pages.map((page) => page.url.slice(site!.origin.length));
    expect(paths.slice(0, 6)).toEqual(['/', '/missing/', '/gb/', '/gb/1.html', '/gb/2.html', '/gb/3.html']);
    expect(paths).toHaveLength(12);

    const tight = await crawlSite({
      homepage: `${site.origin}/`,
      seeds: [{ url: `${site.origin}/gb/`, priority: true }],
      maxPages: 3,
      log: quietLog,
    });
    expect(tight.pages.map((page) => page.url.slice(site!.origin.length))).toEqual([
      '/',
      '/gb/',
      '/gb/1.html',
    ]);
    expect(tight.truncated).toBe(true);
  });

  it('crawls seeds, even off-site ones, at depth 1, without following their off-site links or fetching documents', async () => {
    const other = await serveSite({ '/gb/': { body: html('公报栏目', ['/gb/1.html', '/gb/2.html']) } });
    try {
      site = await serveSite({
        '/': { body: html('首页') },
        '/extra.html': { body: html('附加', ['/more.html']) },
      });
      const crawl = await crawlSite({
        homepage: `${site.origin}/`,
        seeds: [
          { url: `${site.origin}/extra.html` },
          { url: `${other.origin}/gb/` },
          { url: `${site.origin}/2025年度报表.pdf`, priority: true },
          { url: 'javascript:void(0)' },
        ],
        maxPages: 20,
        log: quietLog,
      });
      expect(crawl.pages.map((page) => [page.url, page.depth, page.status])).toEqual([
        [`${site.origin}/`, 0, 200],
        [`${site.origin}/extra.html`, 1, 200],
        [`${other.origin}/gb/`, 1, 200],
        [`${site.origin}/more.html`, 2, 404],
      ]);
      expect(crawl.pages[2]?.links).toHaveLength(2);
      expect(other.requests).toEqual(['/gb/']);
      expect(other.madeUp).toEqual([expect.stringMatching(/^\/gb\/[0-9a-f]{16}\.html$/)]);
    } finally {
      await other.close();
    }
  });

  it('follows the links of an off-site priority seed on its own host', async () => {
    const other = await serveSite({
      '/gb/': { body: html('公报栏目', ['/gb/1.html']) },
      '/gb/1.html': { body: html('第1期', ['/gb/deeper.html']) },
    });
    try {
      site = await serveSite({ '/': { body: html('首页') } });
      const crawl = await crawlSite({
        homepage: `${site.origin}/`,
        seeds: [{ url: `${other.origin}/gb/`, priority: true }],
        maxPages: 20,
        log: quietLog,
      });
      expect(crawl.pages.map((page) => page.url)).toEqual([
        `${site.origin}/`,
        `${other.origin}/gb/`,
        `${other.origin}/gb/1.html`,
      ]);
    } finally {
      await other.close();
    }
  });

  it('rejects a homepage that is not an http(s) URL and a budget that is not a positive integer', async () => {
    await expect(crawlSite({ homepage: 'ftp://example.gov.cn/', maxPages: 5 })).rejects.toThrow('首页地址');
    await expect(crawlSite({ homepage: 'http://127.0.0.1/', maxPages: 0 })).rejects.toThrow('maxPages');
  });
});
