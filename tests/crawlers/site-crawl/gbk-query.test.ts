import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkOccurrence } from '../../../crawlers/artifacts.ts';
import { checkLinks } from '../../../crawlers/link-status/check-links.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';
import { FIXTURE_REACH } from '../../support/reach.ts';
import { quietLog } from './fixture-site.ts';

const QUERY = '搜索';
const page = (charset: string) =>
  `<!doctype html><html><head><meta charset="${charset}"><title>四川省人民政府</title></head>` +
  `<body><h1>首页</h1><a href="/search.jsp?q=${QUERY}">站内搜索</a></body></html>`;

/** The query as a browser sends it from a page in `charset`: its bytes in that charset, percent-encoded. */
const encodedQuery = (charset: string) =>
  [...iconv.encode(QUERY, charset)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');

/**
 * A site whose homepage, in `charset`, links to a search with a Chinese query. Like a TRS or 大汉 CMS
 * server, the search answers only a query in the site's charset; any other bytes get a 404.
 */
function serveSearchSite(charset: string): Promise<RunningServer> {
  const expected = `/search.jsp?q=${encodedQuery(charset)}`;
  return startServer((req, res) => {
    const type = { 'content-type': `text/html; charset=${charset}` };
    if (req.url === '/') {
      res.writeHead(200, type).end(iconv.encode(page(charset), charset));
    } else if (req.url === expected) {
      res.writeHead(200, type).end(iconv.encode('<title>搜索结果</title><h1>搜索结果</h1>', charset));
    } else {
      res.writeHead(404, type).end(iconv.encode('<title>页面不存在</title>', charset));
    }
  });
}

let site: RunningServer | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

describe('a Chinese query is requested in the encoding of the page that links it', () => {
  it.each([
    ['gbk', '%CB%D1%CB%F7'],
    ['gb2312', '%CB%D1%CB%F7'],
    ['utf-8', '%E6%90%9C%E7%B4%A2'],
  ])('%s page', async (charset, bytes) => {
    site = await serveSearchSite(charset);
    const search = `${site.origin}/search.jsp?q=${bytes}`;

    const crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 5, log: quietLog });
    const homepage = crawl.pages.find((p) => p.depth === 0);
    expect(homepage?.links).toEqual([{ url: search, kind: 'anchor', text: '站内搜索' }]);
    expect(crawl.pages.find((p) => p.url === search)).toMatchObject({ status: 200, title: '搜索结果' });

    // The link checker fetches the target itself (nothing known from the crawl) and must send it as is.
    const occurrences: LinkOccurrence[] = crawl.pages.flatMap((p) =>
      p.links.map((link) => ({ page: p.url, target: link.url, kind: link.kind, text: link.text })),
    );
    const checked = await checkLinks({ occurrences, settings: { reach: FIXTURE_REACH }, log: quietLog });
    expect(Object.values(checked.statuses).filter((s) => s.verdict === 'broken')).toEqual([]);
    expect(checked.statuses[search]).toMatchObject({ status: 200, verdict: 'ok' });
  });
});
