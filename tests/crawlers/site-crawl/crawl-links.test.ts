import { afterEach, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const pathsOf = (urls: string[]) => urls.map((url) => url.slice(site!.origin.length));

describe('crawlSite: resolving and normalizing links', () => {
  it('follows <base href>, encodes Chinese paths and treats session-id variants as one page', async () => {
    site = await serveSite({
      '/': {
        body: html('首页', [
          '/政务公开/通知.html',
          '/list.jsp;jsessionid=A1?page=2',
          '/list.jsp;jsessionid=B2?page=2',
          '/list.jsp?page=2&sid=77',
          '/news.html#top',
          'mailto:office@sc.gov.cn',
          'tel:028-12345',
          'javascript:void(0)',
          '/sub/',
        ]),
      },
      '/政务公开/通知.html': { body: html('关于做好政务公开工作的通知') },
      '/list.jsp': { body: html('列表') },
      '/news.html': { body: html('新闻') },
      '/sub/': { body: html('子站', ['page.html'], '').replace('<head>', '<head><base href="/base/dir/">') },
      '/base/dir/page.html': { body: html('基准页面') },
    });
    const crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 20, log: quietLog });
    expect(pathsOf(crawl.pages.map((page) => page.url))).toEqual([
      '/',
      '/%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80/%E9%80%9A%E7%9F%A5.html',
      '/list.jsp?page=2',
      '/news.html',
      '/sub/',
      '/base/dir/page.html',
    ]);
    expect(crawl.pages[1]).toMatchObject({ status: 200, title: '关于做好政务公开工作的通知' });
    expect(site.requests).toContain('/%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80/%E9%80%9A%E7%9F%A5.html');
    expect(site.hits('/list.jsp?page=2')).toBe(1);
    expect(crawl.pages[0]?.links.map((link) => link.url)).not.toContain(
      expect.stringMatching(/mailto|tel:|javascript/),
    );
  });
});

describe('crawlSite: crawler traps are bounded', () => {
  it('stops an endless day-by-day calendar at the query-variant limit and says why', async () => {
    site = await serveSite({
      '/': { body: html('首页', ['/cal.html?date=2026-01-01']) },
      '/cal.html': (req, res) => {
        const date = new Date(`${new URL(req.url!, 'http://x').searchParams.get('date')}T00:00:00Z`);
        const day = (offset: number) =>
          new Date(date.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(html(`日历 ${day(0)}`, [`/cal.html?date=${day(-1)}`, `/cal.html?date=${day(1)}`]));
      },
    });
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 200,
      settings: { maxDepth: 100 },
      log: quietLog,
    });
    const calendarPages = crawl.pages.filter((page) => page.url.includes('/cal.html'));
    expect(calendarPages).toHaveLength(25);
    expect(crawl.truncated).toBe(false);
    expect(crawl.trapsSkipped.length).toBeGreaterThan(0);
    expect(crawl.trapsSkipped.length).toBeLessThanOrEqual(50);
    expect(crawl.trapsSkipped[0]?.reason).toBe('同一路径的查询参数变体超过 25 个');
  });

  it('stops a year calendar that runs into the future, and recursive relative links', async () => {
    site = await serveSite({
      '/': { body: html('首页', ['/year.html?year=2026', 'a/']) },
      '/year.html': (req, res) => {
        const year = Number(new URL(req.url!, 'http://x').searchParams.get('year'));
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(html(`${year} 年`, [`/year.html?year=${year + 1}`]));
      },
      '/a/': { body: html('a', ['b/']) },
      '/a/b/': { body: html('b', ['a/']) },
      '/a/b/a/': { body: html('a', ['b/']) },
      '/a/b/a/b/': { body: html('b', ['a/']) },
      '/a/b/a/b/a/': { body: html('a', ['b/']) },
    });
    const crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 100, log: quietLog });
    const thisYear = new Date().getUTCFullYear();
    const years = crawl.pages.filter((page) => page.url.includes('year=')).map((page) => page.title);
    expect(years.at(-1)).toBe(`${thisYear + 2} 年`);
    expect(pathsOf(crawl.pages.map((page) => page.url)).filter((path) => path.startsWith('/a/'))).toEqual([
      '/a/',
      '/a/b/',
      '/a/b/a/',
      '/a/b/a/b/',
    ]);
    expect(crawl.trapsSkipped.map((trap) => trap.reason)).toEqual(
      expect.arrayContaining([`日历参数指向 ${thisYear + 3} 年，离当前年份过远`, '路径段“a”重复 3 次以上']),
    );
  });

  it('does not go deeper than maxDepth', async () => {
    const chain = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`/d${i}.html`, { body: html(`第${i}层`, [`/d${i + 1}.html`]) }]),
    );
    site = await serveSite({ '/': { body: html('首页', ['/d0.html']) }, ...chain });
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 100,
      settings: { maxDepth: 3 },
      log: quietLog,
    });
    expect(crawl.pages.map((page) => page.depth)).toEqual([0, 1, 2, 3]);
    expect(crawl.trapsSkipped).toEqual([{ url: `${site.origin}/d3.html`, reason: '链接深度超过 3 层' }]);
  });
});
