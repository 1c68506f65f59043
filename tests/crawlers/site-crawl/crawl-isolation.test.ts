import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type Answer, type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

const PAGES = ['/', '/a.html', '/b.html', '/c.html', '/c/d.html'];
let site: FixtureSite;
let workDir: string;
const startDir = process.cwd();

beforeAll(async () => {
  site = await serveSite({
    '/': { body: html('首页', ['/a.html', '/b.html', '/c.html']) },
    '/a.html': { body: html('A') },
    '/b.html': { body: html('B') },
    '/c.html': { body: html('C', ['/c/d.html']) },
    '/c/d.html': { body: html('D') },
  });
  // Crawlee would create ./storage relative to the working directory: watch an empty one.
  workDir = mkdtempSync(join(tmpdir(), 'site-crawl-cwd-'));
  process.chdir(workDir);
});

afterAll(async () => {
  process.chdir(startDir);
  rmSync(workDir, { recursive: true, force: true });
  await site.close();
});

const crawlAll = () => crawlSite({ homepage: `${site.origin}/`, maxPages: 50, log: quietLog });
const paths = (crawl: Awaited<ReturnType<typeof crawlAll>>) =>
  crawl.pages.map((page) => page.url.slice(site.origin.length)).sort();

describe('crawlSite: each crawl has its own queue and storage', () => {
  it('crawls the whole site again when called twice in a row', async () => {
    const first = await crawlAll();
    const second = await crawlAll();
    expect(paths(first)).toEqual([...PAGES].sort());
    expect(paths(second)).toEqual([...PAGES].sort());
  });

  it('crawls the whole site in each of two concurrent crawls', async () => {
    const before = site.requests.length;
    const [one, two] = await Promise.all([crawlAll(), crawlAll()]);
    expect(paths(one)).toEqual([...PAGES].sort());
    expect(paths(two)).toEqual([...PAGES].sort());
    expect(site.requests.length - before).toBe(2 * PAGES.length);
  });

  it('leaves no storage folder behind', () => {
    expect(process.cwd()).toBe(workDir);
    expect(existsSync(join(workDir, 'storage'))).toBe(false);
    expect(readdirSync(workDir)).toEqual([]);
    expect(existsSync(join(startDir, 'storage'))).toBe(false);
  });

  it('does not start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('sweep cancelled'));
    const crawl = crawlSite({ homepage: `${site.origin}/`, maxPages: 5, signal: controller.signal });
    await expect(crawl).rejects.toThrow('sweep cancelled');
  });

  it('stops fetching when aborted mid-crawl, letting the requests in flight finish', async () => {
    const slowPage =
      (i: number): Answer =>
      (_req, res) =>
        setTimeout(() => res.end(html(`p${i}`)), 200);
    const slow = await serveSite({
      '/': {
        body: html(
          '首页',
          Array.from({ length: 20 }, (_, i) => `/p${i}.html`),
        ),
      },
      ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/p${i}.html`, slowPage(i)])),
    });
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('sweep cancelled')), 300);
      const crawl = crawlSite({
        homepage: `${slow.origin}/`,
        maxPages: 50,
        settings: { concurrency: 2 },
        signal: controller.signal,
        log: quietLog,
      });
      await expect(crawl).rejects.toThrow('sweep cancelled');
      expect(slow.requests.length).toBeLessThan(10);
    } finally {
      await slow.close();
    }
  });
});
