import { afterEach, describe, expect, it } from 'vitest';
import type { CrawledPage } from '../../../crawlers/artifacts.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { refusedPort } from '../../support/http-server.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const FAST = { connectTimeoutMs: 1000, responseTimeoutMs: 700, totalTimeoutMs: 1500, maxBodyBytes: 100_000 };
const byPath = (pages: CrawledPage[], origin: string) =>
  Object.fromEntries(pages.map((page) => [page.url.slice(origin.length), page]));

describe('crawlSite: every URL tried is a page, failures included', () => {
  it('records statuses and error codes, retrying only 5xx and timeouts, once', async () => {
    site = await serveSite({
      '/': {
        body: html('首页', [
          '/gone.html',
          '/forbidden.html',
          '/error.html',
          '/flaky.html',
          '/loop',
          '/hang',
          '/slow-body',
          '/huge',
          '/report.pdf',
          '/data',
        ]),
      },
      '/forbidden.html': { status: 403, body: html('禁止访问') },
      '/error.html': { status: 500, body: html('服务器错误') },
      '/flaky.html': (_req, res) => {
        const first = site!.hits('/flaky.html') === 1;
        res.writeHead(first ? 503 : 200, { 'content-type': 'text/html' });
        res.end(html(first ? '忙' : '恢复'));
      },
      '/loop': (_req, res) => {
        res.writeHead(302, { location: '/loop-back' });
        res.end();
      },
      '/loop-back': (_req, res) => {
        res.writeHead(302, { location: '/loop' });
        res.end();
      },
      '/hang': () => {},
      '/slow-body': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<title>slow</title>');
      },
      '/huge': { body: `<title>大</title>${'x'.repeat(200_000)}` },
      '/data': { headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(50_000) },
    });
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 30,
      settings: FAST,
      log: quietLog,
    });
    const pages = byPath(crawl.pages, site.origin);

    expect(pages['/gone.html']).toMatchObject({ status: 404, links: [] });
    expect(pages['/forbidden.html']).toMatchObject({ status: 403, title: '禁止访问', links: [] });
    expect(pages['/error.html']).toMatchObject({ status: 500, title: '服务器错误' });
    expect(pages['/error.html']?.error).toBeUndefined();
    expect(pages['/flaky.html']).toMatchObject({ status: 200, title: '恢复' });
    expect(pages['/loop']).toMatchObject({ status: null, error: 'REDIRECT_LOOP' });
    expect(pages['/hang']).toMatchObject({ status: null, error: 'TIMEOUT' });
    expect(pages['/slow-body']).toMatchObject({ error: 'TIMEOUT' });
    expect(pages['/huge']).toMatchObject({ status: 200, error: 'TOO_LARGE' });
    expect(pages['/data']).toMatchObject({ status: 200, contentType: 'application/octet-stream', links: [] });
    expect(pages['/data']?.error).toBeUndefined();
    expect(pages['/report.pdf']).toBeUndefined();
    expect(crawl.pages[0]?.links.find((link) => link.url.endsWith('/report.pdf'))?.kind).toBe('attachment');

    expect(site.hits('/gone.html')).toBe(1);
    expect(site.hits('/forbidden.html')).toBe(1);
    expect(site.hits('/huge')).toBe(1);
    expect(site.hits('/error.html')).toBe(2);
    expect(site.hits('/flaky.html')).toBe(2);
    expect(site.hits('/hang')).toBe(2);
    expect(site.hits('/loop')).toBeLessThanOrEqual(11);
  });

  it('records a refused connection, of the homepage and of a seed, without retrying', async () => {
    const port = await refusedPort();
    const seedPort = await refusedPort();
    const crawl = await crawlSite({
      homepage: `http://127.0.0.1:${port}/`,
      seeds: [{ url: `http://127.0.0.1:${seedPort}/zfgb/` }],
      maxPages: 5,
      settings: FAST,
      log: quietLog,
    });
    expect(crawl.pages.map((page) => [page.url, page.depth, page.status, page.error])).toEqual([
      [`http://127.0.0.1:${port}/`, 0, null, 'ECONNREFUSED'],
      [`http://127.0.0.1:${seedPort}/zfgb/`, 1, null, 'ECONNREFUSED'],
    ]);
  });

  it('flags a soft 404 but not a page that mentions a document number', async () => {
    site = await serveSite({
      '/': { body: html('首页', ['/deleted.html', '/doc.html']) },
      '/deleted.html': { body: html('页面不存在') },
      '/doc.html': { body: html('关于印发第404号文件的通知') },
    });
    const pages = byPath(
      (await crawlSite({ homepage: `${site.origin}/`, maxPages: 5, log: quietLog })).pages,
      site.origin,
    );
    expect(pages['/deleted.html']?.softNotFound?.evidence).toContain('页面不存在');
    expect(pages['/doc.html']?.softNotFound).toBeUndefined();
  });

  it('records a bot challenge without retrying it or following its links', async () => {
    site = await serveSite({
      '/': { body: html('首页', ['/waf-412.html', '/waf-521.html']) },
      '/waf-412.html': {
        status: 412,
        body: '<script>document.cookie="__jsl_clearance=1"</script><a href="/trap">x</a>',
      },
      '/waf-521.html': { status: 521, body: '<script>var _waf_=1</script><a href="/trap">x</a>' },
    });
    const pages = byPath(
      (await crawlSite({ homepage: `${site.origin}/`, maxPages: 5, log: quietLog })).pages,
      site.origin,
    );
    expect(pages['/waf-412.html']).toMatchObject({
      status: 412,
      challenge: { vendor: 'waf-412', status: 412 },
      links: [],
    });
    expect(pages['/waf-521.html']).toMatchObject({
      status: 521,
      challenge: { vendor: 'waf-521', status: 521 },
    });
    expect(site.hits('/waf-521.html')).toBe(1);
    expect(site.hits('/trap')).toBe(0);
  });
});
