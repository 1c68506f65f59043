import type { IncomingMessage, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { CrawledPage } from '../../../crawlers/artifacts.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const byPath = (pages: CrawledPage[], origin: string) =>
  Object.fromEntries(pages.map((page) => [page.url.slice(origin.length), page]));

describe('crawlSite: redirects, cookies and unlabelled bodies', () => {
  it('records where a redirect led', async () => {
    site = await serveSite({
      '/': (_req, res) => {
        res.writeHead(301, { location: '/index.shtml;jsessionid=ABC' });
        res.end();
      },
      '/index.shtml;jsessionid=ABC': { body: html('首页', ['news.html']) },
      '/news.html': { body: html('新闻') },
    });
    const crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 5, log: quietLog });
    expect(crawl.pages.map((page) => [page.url, page.finalUrl, page.status])).toEqual([
      [`${site.origin}/`, `${site.origin}/index.shtml`, 200],
      [`${site.origin}/news.html`, `${site.origin}/news.html`, 200],
    ]);
  });

  it('keeps the cookies a site sets before it serves pages (set-cookie-and-redirect gates)', async () => {
    const gate =
      (title: string, links: string[] = []) =>
      (req: IncomingMessage, res: ServerResponse) => {
        if (!/visited=yes/.test(req.headers.cookie ?? '')) {
          res.writeHead(302, { location: req.url, 'set-cookie': 'visited=yes; Path=/' });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(html(title, links));
      };
    site = await serveSite({ '/': gate('首页', ['/news.html']), '/news.html': gate('新闻') });
    const crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 5, log: quietLog });
    expect(crawl.pages.map((page) => [page.title, page.status, page.error])).toEqual([
      ['首页', 200, undefined],
      ['新闻', 200, undefined],
    ]);
  });

  it('follows the site to where its homepage redirects, even on another host', async () => {
    const moved = await serveSite({
      '/index.shtml': { body: html('新首页', ['/zwgk/']) },
      '/zwgk/': { body: html('政务公开') },
    });
    try {
      site = await serveSite({
        '/': (_req, res) => {
          res.writeHead(301, { location: `${moved.origin}/index.shtml` });
          res.end();
        },
      });
      const crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 5, log: quietLog });
      expect(crawl.pages.map((page) => [page.url, page.finalUrl, page.title])).toEqual([
        [`${site.origin}/`, `${moved.origin}/index.shtml`, '新首页'],
        [`${moved.origin}/zwgk/`, `${moved.origin}/zwgk/`, '政务公开'],
      ]);
    } finally {
      await moved.close();
    }
  });

  it('reads an HTML body sent without Content-Type, and nothing else', async () => {
    const bare = (body: string | Buffer) => (_req: IncomingMessage, res: ServerResponse) => {
      // Node sends no Content-Type unless told to.
      res.end(body);
    };
    site = await serveSite({
      '/': { body: html('首页', ['/bare.html', '/blob']) },
      '/bare.html': bare(
        iconv.encode('<html><head><meta charset="gb2312"><title>无类型页面</title></head></html>', 'gb2312'),
      ),
      '/blob': bare(Buffer.from([0, 1, 2, 3])),
    });
    const pages = byPath(
      (await crawlSite({ homepage: `${site.origin}/`, maxPages: 5, log: quietLog })).pages,
      site.origin,
    );
    expect(pages['/bare.html']).toMatchObject({
      status: 200,
      contentType: '',
      charset: 'gbk',
      title: '无类型页面',
    });
    expect(pages['/blob']).toMatchObject({ status: 200, contentType: '', title: '' });
    expect(pages['/blob']?.charset).toBeUndefined();
  });
});
