import type { IncomingMessage, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawledPage, LinkStatuses, SiteCrawl } from '../../../crawlers/artifacts.ts';
import { checkLinks } from '../../../crawlers/link-status/check-links.ts';
import { knownFromCrawl } from '../../../crawlers/link-status/from-crawl.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { MADE_UP_NAME } from '../../../crawlers/soft-404/made-up-url.ts';
import { NotFoundPages } from '../../../crawlers/soft-404/not-found-pages.ts';
import { linkOccurrences } from '../../../src/inspection/occurrences.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';
import { FIXTURE_REACH } from '../../support/reach.ts';
import {
  BODY,
  HANWEB_DELETED,
  hanwebArticle,
  hanwebPage,
  TRS_NOT_FOUND,
  trsArticle,
  trsColumn,
  trsPage,
} from '../soft-404/templates.ts';
import { quietLog } from './fixture-site.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const FAST = {
  connectTimeoutMs: 1_000,
  responseTimeoutMs: 1_000,
  totalTimeoutMs: 2_000,
  reach: FIXTURE_REACH,
};

interface Host extends RunningServer {
  /** Requests for made-up missing pages, by path. */
  madeUp: string[];
}

/** Serves `pages` (decoded paths), answering every other path with `missing`. */
async function serveHost(pages: Record<string, string | Buffer | Handler>, missing: Handler): Promise<Host> {
  const madeUp: string[] = [];
  const server = await startServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (MADE_UP_NAME.test(path.slice(path.lastIndexOf('/') + 1))) madeUp.push(path);
    const page = pages[path];
    if (page === undefined) return missing(req, res);
    if (typeof page === 'function') return page(req, res);
    const gbk = Buffer.isBuffer(page);
    res.writeHead(200, { 'content-type': gbk ? 'text/html' : 'text/html; charset=utf-8' }).end(page);
  });
  return { ...server, madeUp };
}

const html =
  (status: number, body: string | Buffer): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  };
const redirect =
  (location: string): Handler =>
  (_req, res) => {
    res.writeHead(302, { location }).end();
  };
const gbk = (page: string) => iconv.encode(page, 'gbk');

describe('soft 404s told by each host’s own not-found page, crawled and link-checked', () => {
  /** TRS WCM: every missing path gets the site's 404.html template with status 200. */
  let trs: Host;
  /** Missing pages are redirected to a 200 error page. */
  let toErrorPage: Host;
  /** 大汉 Hanweb county portal in GBK: real 404s, and the CMS's 该信息已删除 page for a withdrawn article. */
  let hanweb: Host;
  /** Every missing page is redirected to the homepage. */
  let toHome: Host;
  const notFound = new NotFoundPages({ settings: FAST });
  const crawls: SiteCrawl[] = [];
  let links: LinkStatuses;

  beforeAll(async () => {
    toErrorPage = await serveHost(
      {
        '/': trsPage('某某市人民政府', '<p><a href="/xxgk/tzgg/index.shtml">通知公告</a></p>'),
        '/xxgk/tzgg/index.shtml': trsColumn('通知公告', [
          ['关于2024年端午节放假的通知', '/xxgk/tzgg/202406/t20240605_88.shtml', '2024-06-05'],
          ['关于2019年清明节放假的通知', '/xxgk/tzgg/201904/t20190401_12.shtml', '2019-04-01'],
        ]),
        '/xxgk/tzgg/202406/t20240605_88.shtml': trsArticle('关于2024年端午节放假的通知', '2024-06-05', BODY),
        '/error/404.html': TRS_NOT_FOUND,
      },
      redirect('/error/404.html'),
    );
    toHome = await serveHost(
      {
        '/': trsPage(
          '某某区人民政府',
          `<div class="news">${BODY.join('')}</div><a href="/zwgk/">政务公开</a>`,
        ),
        '/zwgk/': trsColumn('政务公开', [['区政府工作报告', '/zwgk/gzbg.html', '2024-02-01']]),
        '/zwgk/gzbg.html': trsArticle('区政府工作报告', '2024-02-01', BODY),
        '/index.html': redirect('/'),
      },
      redirect('/'),
    );
    hanweb = await serveHost(
      {
        '/': gbk(
          hanwebPage(
            '某某县人民政府',
            `<a href="/col/col1002/index.html">政务动态</a><ul>
<li><a href="/art/2024/6/12/art_1002_5.html">某某县政务信息（第404期）</a><span>2024-06-12</span></li>
<li><a href="/art/2024/5/20/art_1002_4.html">关于县政协十届三次会议第410号提案的答复</a><span>2024-05-20</span></li>
<li><a href="/art/2019/3/1/art_1002_77.html">关于2019年春耕生产的通知</a><span>2019-03-01</span></li>
<li><a href="/art/2018/9/9/art_1002_12.html">2018年工作总结</a><span>2018-09-09</span></li></ul>`,
          ),
        ),
        '/col/col1002/index.html': gbk(hanwebPage('政务动态_某某县人民政府', '<p>暂无信息</p>')),
        '/art/2024/6/12/art_1002_5.html': gbk(hanwebArticle('某某县政务信息（第404期）', '2024-06-12', BODY)),
        '/art/2024/5/20/art_1002_4.html': gbk(
          hanwebArticle('关于县政协十届三次会议第410号提案的答复', '2024-05-20', BODY),
        ),
        '/art/2019/3/1/art_1002_77.html': gbk(HANWEB_DELETED),
      },
      html(404, gbk(hanwebPage('404_某某县人民政府', '<p>404 您访问的页面不存在</p>'))),
    );
    trs = await serveHost(
      {
        '/': trsPage(
          '四川省某某厅',
          `<div class="news"><a href="/xwzx/gzdt/">工作动态</a> <a href="/xwzx/tzgg/">通知公告</a></div>
<div class="links"><a href="${toErrorPage.origin}/">某某市人民政府</a> <a href="${toErrorPage.origin}/xxgk/tzgg/201904/t20190401_12.shtml">清明节放假通知</a>
<a href="${toHome.origin}/index.html">某某区人民政府</a> <a href="${toHome.origin}/zwgk/2017/old.html">区政府2017年工作报告</a>
<a href="${hanweb.origin}/">某某县人民政府</a></div>`,
        ),
        '/xwzx/gzdt/': trsColumn('工作动态', [
          ['四川科技信息（第404期）', '/xwzx/gzdt/202406/t20240612_101.html', '2024-06-12'],
          ['Page 404', '/xwzx/gzdt/202406/t20240611_100.html', '2024-06-11'],
          ['关于开展科技活动周的通知', '/xwzx/gzdt/201905/t20190510_9.html', '2019-05-10'],
        ]),
        '/xwzx/gzdt/202406/t20240612_101.html': trsArticle('四川科技信息（第404期）', '2024-06-12', BODY),
        '/xwzx/gzdt/202406/t20240611_100.html': trsArticle('Page 404', '2024-06-11', BODY),
        '/xwzx/tzgg/': trsPage('通知公告_四川省某某厅', '<div class="list"><p>暂无信息</p></div>'),
      },
      html(200, TRS_NOT_FOUND),
    );
    for (const host of [trs, toErrorPage, toHome, hanweb]) {
      crawls.push(
        await crawlSite({
          homepage: `${host.origin}/`,
          maxPages: 20,
          settings: FAST,
          notFound,
          log: quietLog,
        }),
      );
    }
    links = await checkLinks({
      occurrences: crawls.flatMap((crawl) => linkOccurrences(crawl.startUrl, undefined, crawl)),
      known: knownFromCrawl(crawls.flatMap((crawl) => crawl.pages)),
      notFound,
      settings: FAST,
      log: quietLog,
    });
  }, 60_000);

  afterAll(async () => {
    await notFound.close();
    await Promise.all([trs, toErrorPage, toHome, hanweb].map((host) => host?.close()));
  });

  const crawled = (host: Host, path: string): CrawledPage => {
    const found = crawls.flatMap((crawl) => crawl.pages).find((page) => page.url === `${host.origin}${path}`);
    if (!found) throw new Error(`${path} was not crawled`);
    return found;
  };

  it('asks each host once for a made-up missing page, shaped like its first page', () => {
    expect(trs.madeUp).toHaveLength(1);
    expect(toErrorPage.madeUp).toHaveLength(1);
    expect(toHome.madeUp).toHaveLength(1);
    expect(hanweb.madeUp).toHaveLength(1);
    expect(trs.madeUp[0]).toMatch(/^\/[0-9a-f]{16}\.html$/);
  });

  it('TRS, 200 template: a missing article is a soft 404 showing the fingerprint it matched', () => {
    const missing = crawled(trs, '/xwzx/gzdt/201905/t20190510_9.html');
    expect(missing).toMatchObject({
      status: 200,
      softNotFound: {
        by: 'not-found-page',
        fingerprint: { status: 200, title: '页面不存在_四川省某某厅', url: `${trs.origin}${trs.madeUp[0]}` },
      },
    });
    expect(links.statuses[missing.url]).toMatchObject({ verdict: 'broken', method: 'crawl' });
  });

  it.each([
    ['/', 'the homepage'],
    ['/xwzx/gzdt/', 'a column'],
    ['/xwzx/tzgg/', 'a blank column of the same template'],
    ['/xwzx/gzdt/202406/t20240612_101.html', 'an article titled 第404期'],
    ['/xwzx/gzdt/202406/t20240611_100.html', 'an article titled Page 404'],
  ])('TRS, 200 template: %s (%s) is not a soft 404', (path) => {
    expect(crawled(trs, path).softNotFound).toBeUndefined();
  });

  it('redirected to a 200 error page: the missing notice is a soft 404, from the crawl and from another site’s link', () => {
    const missing = `${toErrorPage.origin}/xxgk/tzgg/201904/t20190401_12.shtml`;
    expect(crawled(toErrorPage, '/xxgk/tzgg/201904/t20190401_12.shtml').softNotFound?.by).toBe(
      'not-found-page',
    );
    expect(links.statuses[missing]?.softNotFound?.evidence).toMatch(
      /^跳转到 .*\/error\/404\.html，与本站不存在网页的应答一致/,
    );
    expect(crawled(toErrorPage, '/xxgk/tzgg/202406/t20240605_88.shtml').softNotFound).toBeUndefined();
  });

  it('redirected to the homepage: a missing page linked is a soft 404, the homepage’s own addresses are not', () => {
    expect(links.statuses[`${toHome.origin}/zwgk/2017/old.html`]).toMatchObject({
      verdict: 'broken',
      softNotFound: { by: 'redirect', fingerprint: { finalUrl: `${toHome.origin}/` } },
    });
    expect(links.statuses[`${toHome.origin}/index.html`]?.verdict).toBe('ok');
    expect(crawled(toHome, '/zwgk/gzbg.html').softNotFound).toBeUndefined();
  });

  it('大汉, GBK, real 404s: 该信息已删除 is a soft 404 by its wording; 第404期 and 第410号 are articles', () => {
    expect(crawled(hanweb, '/art/2019/3/1/art_1002_77.html').softNotFound).toEqual({
      by: 'wording',
      evidence: '正文：该信息已删除！',
    });
    expect(crawled(hanweb, '/art/2018/9/9/art_1002_12.html')).toMatchObject({ status: 404 });
    expect(crawled(hanweb, '/art/2018/9/9/art_1002_12.html').softNotFound).toBeUndefined();
    for (const path of [
      '/',
      '/col/col1002/index.html',
      '/art/2024/6/12/art_1002_5.html',
      '/art/2024/5/20/art_1002_4.html',
    ]) {
      expect(crawled(hanweb, path).softNotFound).toBeUndefined();
    }
  });
});
