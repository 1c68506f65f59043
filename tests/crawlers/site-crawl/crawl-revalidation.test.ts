import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { CrawledPage, SiteCrawl } from '../../../crawlers/artifacts.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const FAST = { connectTimeoutMs: 1000, responseTimeoutMs: 1000, totalTimeoutMs: 2000 };
const LAST_MODIFIED = 'Wed, 18 Nov 2026 02:00:00 GMT';
const PATHS = ['/', '/col/col1/index.html', '/t20261120_1.html', '/t20261120_2.html', '/t20261201_3.html'];

/**
 * A TRS-style site whose server validates as nginx does: an ETag of the body on every page, and
 * Last-Modified alone on the column page; a conditional request for an unchanged page answers 304
 * with no body. `bodies` may be changed between crawls.
 */
function conditionalSite(bodies: Map<string, string>, bytesSent: { total: number }) {
  const answers: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {};
  for (const path of PATHS) {
    answers[path] = (req, res) => {
      const body = bodies.get(path);
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<title>404</title>');
        return;
      }
      const byDate = path.startsWith('/col/');
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
      const validators: Record<string, string> = byDate ? { 'last-modified': LAST_MODIFIED } : { etag };
      const unchanged = byDate
        ? req.headers['if-modified-since'] === LAST_MODIFIED
        : req.headers['if-none-match'] === etag;
      if (unchanged) {
        res.writeHead(304, validators).end();
        return;
      }
      const bytes = Buffer.from(body);
      bytesSent.total += bytes.length;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...validators }).end(bytes);
    };
  }
  return answers;
}

const dated = (title: string, items: [string, string][]) =>
  html(
    title,
    [],
    `<ul class="list">${items.map(([href, date]) => `<li><a href="${href}">${date} 通知</a><span>${date}</span></li>`).join('')}</ul>`,
  );

function startBodies(): Map<string, string> {
  return new Map([
    ['/', html('示例市人民政府', ['/col/col1/index.html', '/t20261120_1.html'])],
    ['/col/col1/index.html', dated('通知公告', [['/t20261120_1.html', '2026-11-20']])],
    ['/t20261120_1.html', html('关于开展检查的通知', ['/t20261120_2.html'])],
    ['/t20261120_2.html', html('附件说明')],
  ]);
}

const byPath = (crawl: SiteCrawl, origin: string) =>
  new Map(crawl.pages.map((page) => [page.url.slice(origin.length), page]));
const previousOf = (crawl: SiteCrawl) => new Map(crawl.pages.map((page) => [page.url, page]));
const facts = ({ revalidated: _r, validators: _v, ...rest }: CrawledPage) => rest;
/** A crawl of the fixture site, asking conditionally for the pages of `before` when given. */
const crawl = (homepage: string, before?: SiteCrawl) =>
  crawlSite({
    homepage,
    maxPages: 20,
    settings: FAST,
    ...(before ? { previous: previousOf(before) } : {}),
    log: quietLog,
  });

describe('crawlSite with the previous sweep’s pages: conditional requests, 304s reuse the facts', () => {
  it('keeps each answer’s ETag or Last-Modified, asks with them next time, and reuses the facts of every 304', async () => {
    const bodies = startBodies();
    const bytes = { total: 0 };
    site = await serveSite(conditionalSite(bodies, bytes));
    const homepage = `${site.origin}/`;
    const first = await crawl(homepage);
    const firstBytes = bytes.total;
    const before = byPath(first, site.origin);
    expect(before.get('/')?.validators?.etag).toMatch(/^"[0-9a-f]{12}"$/);
    expect(before.get('/col/col1/index.html')?.validators).toEqual({ lastModified: LAST_MODIFIED });
    expect(first.pages.some((page) => page.revalidated)).toBe(false);

    bytes.total = 0;
    const second = await crawl(homepage, first);
    const after = byPath(second, site.origin);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, page] of after) {
      expect(page.revalidated, path).toBe(true);
      expect(page.status).toBe(200);
      expect(facts(page)).toEqual(facts(before.get(path)!));
    }
    expect(after.get('/col/col1/index.html')?.listItems?.map((item) => item.dateText)).toEqual([
      '2026-11-20',
    ]);
    expect(bytes.total).toBe(0);
    expect(firstBytes).toBeGreaterThan(0);
  });

  it('reads a changed page afresh, follows its new links, and finds a page an unchanged one links to gone', async () => {
    const bodies = startBodies();
    site = await serveSite(conditionalSite(bodies, { total: 0 }));
    const homepage = `${site.origin}/`;
    const first = await crawl(homepage);

    // The homepage changes (a new ETag) and links a new notice; the attachment page an unchanged
    // article links to is gone.
    bodies.set(
      '/',
      html('示例市人民政府', ['/col/col1/index.html', '/t20261120_1.html', '/t20261201_3.html']),
    );
    bodies.set('/t20261201_3.html', html('新通知'));
    bodies.delete('/t20261120_2.html');
    const second = await crawl(homepage, first);
    const origin = site.origin;
    const after = byPath(second, origin);
    expect(after.get('/')?.revalidated).toBeUndefined();
    expect(after.get('/')?.links.map((link) => link.url.slice(origin.length))).toContain('/t20261201_3.html');
    expect(after.get('/t20261201_3.html')).toMatchObject({ status: 200, title: '新通知' });
    expect(after.get('/t20261120_1.html')?.revalidated).toBe(true);
    expect(after.get('/t20261120_2.html')).toMatchObject({ status: 404 });
    expect(after.get('/t20261120_2.html')?.revalidated).toBeUndefined();
  });

  it('reads every page in full from a server that ignores conditional requests', async () => {
    const bodies = startBodies();
    const plain: Record<string, { body: string; headers: Record<string, string> }> = {};
    for (const [path, body] of bodies) plain[path] = { body, headers: { etag: '"same"' } };
    site = await serveSite(plain);
    const homepage = `${site.origin}/`;
    const first = await crawl(homepage);
    const second = await crawl(homepage, first);
    expect(second.pages).toHaveLength(first.pages.length);
    expect(second.pages.every((page) => page.status === 200 && !page.revalidated)).toBe(true);
  });
});
