import { afterEach, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** `/` → 302 → `/index.shtml`, whose logo links `/index.shtml` and whose menu links /a.html and /b.html. */
async function redirectingSite(): Promise<FixtureSite> {
  return serveSite({
    '/': { status: 302, headers: { location: '/index.shtml' } },
    '/index.shtml': { body: html('首页', ['/index.shtml', '/a.html', '/b.html']) },
    '/a.html': { body: html('A', ['/index.shtml', '/']) },
    '/b.html': { body: html('B', ['/index.shtml', '/gone.html']) },
  });
}

describe('crawlSite: a homepage that redirects and links to its own final URL', () => {
  it('crawls the homepage once', async () => {
    site = await redirectingSite();
    const crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 20, log: quietLog });
    expect(crawl.pages.map((page) => page.url.slice(site!.origin.length))).toEqual([
      '/',
      '/a.html',
      '/b.html',
      '/gone.html',
    ]);
    expect(crawl.pages[0]?.finalUrl).toBe(`${site.origin}/index.shtml`);
    expect(site.hits('/index.shtml')).toBe(1);
  });

  it('crawls it once when the rendered homepage seeded its final URL too', async () => {
    site = await redirectingSite();
    const seeds = ['/index.shtml', '/a.html', '/b.html'].map((path) => ({ url: `${site!.origin}${path}` }));
    const crawl = await crawlSite({ homepage: `${site.origin}/`, seeds, maxPages: 20, log: quietLog });
    expect(crawl.pages.map((page) => page.url.slice(site!.origin.length))).toEqual([
      '/',
      '/a.html',
      '/b.html',
      '/gone.html',
    ]);
    expect(site.hits('/index.shtml')).toBe(1);
  });

  it('does not fetch again a page reached under its final URL', async () => {
    site = await serveSite({
      '/': { body: html('首页', ['/old.html', '/list.html']) },
      '/old.html': { status: 301, headers: { location: '/new.html' } },
      '/list.html': { body: html('列表', ['/new.html']) },
      '/new.html': { body: html('新') },
    });
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 20,
      settings: { concurrency: 1 },
      log: quietLog,
    });
    expect(crawl.pages.map((page) => page.url.slice(site!.origin.length))).toEqual([
      '/',
      '/old.html',
      '/list.html',
    ]);
    expect(site.hits('/new.html')).toBe(1);
  });
});
