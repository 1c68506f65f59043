import { describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { DEFAULT_CRAWL_SETTINGS, resolveCrawlSettings } from '../../../crawlers/site-crawl/settings.ts';
import { html, quietLog, serveSite } from './fixture-site.ts';

describe('crawl settings', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_CRAWL_SETTINGS).toMatchObject({
      concurrency: 4,
      connectTimeoutMs: 10_000,
      responseTimeoutMs: 20_000,
      totalTimeoutMs: 30_000,
      maxBodyBytes: 5 * 1024 * 1024,
      maxDepth: 10,
      maxUrlLength: 512,
      maxQueryVariants: 25,
    });
    expect(DEFAULT_CRAWL_SETTINGS.userAgent).toMatch(/Chrome\/\d+/);
    expect(DEFAULT_CRAWL_SETTINGS.acceptLanguage).toMatch(/^zh-CN/);
  });

  it('merges overrides and rejects meaningless values', () => {
    expect(resolveCrawlSettings({ concurrency: 2 }).concurrency).toBe(2);
    expect(() => resolveCrawlSettings({ concurrency: 0 })).toThrow('concurrency');
    expect(() => resolveCrawlSettings({ totalTimeoutMs: Number.NaN })).toThrow('totalTimeoutMs');
    expect(() => resolveCrawlSettings({ maxBodyBytes: -1 })).toThrow('maxBodyBytes');
  });

  it('sends a desktop Chrome user agent and asks for Chinese', async () => {
    const seen: Record<string, string | undefined>[] = [];
    const site = await serveSite({
      '/': (req, res) => {
        seen.push({ ua: req.headers['user-agent'], lang: req.headers['accept-language'] });
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(html('首页'));
      },
    });
    try {
      await crawlSite({ homepage: `${site.origin}/`, maxPages: 1, log: quietLog });
      expect(seen).toEqual([
        { ua: DEFAULT_CRAWL_SETTINGS.userAgent, lang: DEFAULT_CRAWL_SETTINGS.acceptLanguage },
      ]);
    } finally {
      await site.close();
    }
  });
});
