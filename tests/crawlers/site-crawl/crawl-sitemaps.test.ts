import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const FAST = { connectTimeoutMs: 1000, responseTimeoutMs: 1000, totalTimeoutMs: 2000 };
const XML = { 'content-type': 'application/xml; charset=utf-8' };

const urlset = (origin: string, paths: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths
    .map((path) => `<url><loc>${origin}${path}</loc><lastmod>2026-11-20</lastmod></url>`)
    .join('')}</urlset>`;

/** 大汉-style article pages that no link reaches: only the sitemaps list them. */
const ORPHANS = [
  '/art/2026/11/3/art_1_101.html',
  '/art/2026/10/9/art_1_102.html',
  '/art/2025/6/1/art_1_103.html',
];

function pages(origin: string) {
  const answers: Parameters<typeof serveSite>[0] = {
    '/': { body: html('示例市人民政府', ['/col/col1/index.html']) },
    '/col/col1/index.html': { body: html('政务动态') },
    '/robots.txt': {
      headers: { 'content-type': 'text/plain' },
      body: `User-agent: *\nDisallow: /admin/\nSitemap: ${origin}/sitemap_index.xml\nSitemap: https://elsewhere.example.com/sitemap.xml\n`,
    },
    '/sitemap_index.xml': {
      headers: XML,
      body: `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/sitemap-news.xml.gz</loc></sitemap><sitemap><loc>${origin}/sitemap-pages.txt</loc></sitemap></sitemapindex>`,
    },
    '/sitemap-news.xml.gz': {
      headers: { 'content-type': 'application/x-gzip' },
      body: gzipSync(urlset(origin, [ORPHANS[0]!, ORPHANS[1]!, '/col/col1/index.html'])),
    },
    '/sitemap-pages.txt': {
      headers: { 'content-type': 'text/plain' },
      body: `${origin}${ORPHANS[2]}\nhttps://other-site.example.org/page.html\n${origin}/files/plan.pdf\n`,
    },
  };
  for (const path of ORPHANS) answers[path] = { body: html('要闻') };
  return answers;
}

describe('crawlSite with sitemaps: a whole-site crawl seeded from robots.txt and /sitemap.xml', () => {
  it('crawls the pages robots.txt’s sitemaps list (an index, gzip, plain text), the site’s own only', async () => {
    // The answers name the server's own origin: filled in once it listens (the server reads them per request).
    const answers: Parameters<typeof serveSite>[0] = {};
    site = await serveSite(answers);
    Object.assign(answers, pages(site.origin));
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 20,
      settings: { ...FAST, sitemaps: true },
      log: quietLog,
    });
    const crawled = crawl.pages.map((page) => page.url.slice(site!.origin.length)).sort();
    expect(crawled).toEqual(['/', '/col/col1/index.html', ...ORPHANS].sort());
    expect(site.hits('/robots.txt')).toBe(1);
    expect(site.hits('/sitemap.xml')).toBe(0);
    expect(crawl.truncated).toBe(false);
  });

  it('falls back on /sitemap.xml when robots.txt names none, and takes no more URLs than the budget', async () => {
    const answers: Parameters<typeof serveSite>[0] = {};
    site = await serveSite(answers);
    Object.assign(answers, {
      '/': { body: html('示例县人民政府') },
      '/sitemap.xml': { headers: XML, body: urlset(site.origin, ORPHANS) },
      ...Object.fromEntries(ORPHANS.map((path) => [path, { body: html('要闻') }])),
    });
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 3,
      settings: { ...FAST, sitemaps: true },
      log: quietLog,
    });
    expect(site.hits('/robots.txt')).toBe(1);
    expect(site.hits('/sitemap.xml')).toBe(1);
    expect(crawl.pages.map((page) => page.url.slice(site!.origin.length))).toEqual([
      '/',
      ORPHANS[0],
      ORPHANS[1],
    ]);
  });

  it('asks for no sitemap when the setting is off (the one-shot CLI), and crawls as before', async () => {
    const answers: Parameters<typeof serveSite>[0] = {};
    site = await serveSite(answers);
    Object.assign(answers, pages(site.origin));
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 20,
      settings: FAST,
      log: quietLog,
    });
    expect(crawl.pages.map((page) => page.url.slice(site!.origin.length))).toEqual([
      '/',
      '/col/col1/index.html',
    ]);
    expect(site.hits('/robots.txt') + site.hits('/sitemap.xml')).toBe(0);
  });
});
