import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { contentFreshness } from '../../checks/content-freshness.ts';
import { crawlSite } from '../../crawlers/site-crawl/crawl-site.ts';
import { homepage, site } from '../checks/fixtures/builders.ts';
import { navLink } from '../checks/fixtures/list-pages.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { quietLog } from './site-crawl/fixture-site.ts';

const NOW = new Date('2026-11-25T10:00:00+08:00');

/** The site-wide sidebar every page prints, fresh whatever the column beside it. */
const SIDEBAR = `<div class="side"><h3>最新动态</h3><ul>
  <li><a href="/zwyw/202611/t20261124_6.html">全省冬季农业生产工作推进会召开</a><span>2026-11-24</span></li>
  <li><a href="/tzgg/202611/t20261122_4.htm">关于做好冬季供暖保障工作的通知</a><span>2026-11-22</span></li>
</ul></div>`;

const HOMEPAGE = `<!doctype html><html><head><meta charset="utf-8"><title>某某市人民政府</title></head><body>
<div class="top"><span>今天是2026年11月25日 星期三</span><a href="/wza/">无障碍</a></div>
<nav class="mainNav"><a href="/">首页</a><a href="/gzdt/">工作动态</a><a href="/tzgg/">通知公告</a><a href="/zwyw/">政务要闻</a><a href="/bmdt/">部门动态</a></nav>
<div class="news"><h3><a href="/gzdt/">工作动态</a></h3><ul>
  <li><a href="/gzdt/202611/t20261123_1.html">全市冬季安全生产工作会议召开</a><p>今天上午，全市冬季安全生产工作会议召开，会议传达学习了上级有关会议精神并部署冬季安全生产工作。</p><span>2026-11-23</span></li>
  <li><a href="/gzdt/202611/t20261120_2.html">市政府常务会议研究部署冬季供暖</a><span>2026-11-20</span></li>
</ul></div>
${SIDEBAR}
</body></html>`;

/** A news column whose list stopped a month ago, beside the fresh sidebar. */
const NEWS_COLUMN = `<!doctype html><html><head><meta charset="utf-8"><title>工作动态</title></head><body>
<ul class="list">
  <li><span class="date">[10-24]</span><a href="/gzdt/202610/t20261024_9.html">全市秋季农业生产现场会召开</a></li>
  <li><span class="date">[10-20]</span><a href="/gzdt/202610/t20261020_8.html">市政府召开第三季度经济形势分析会</a></li>
</ul>
<div class="page"><a href="/gzdt/">首页</a><a href="/gzdt/">上一页</a><span>1/25</span><a href="/gzdt/index_1.html">下一页</a><a href="/gzdt/index_24.html">尾页</a></div>
${SIDEBAR}
</body></html>`;

/** A column printing each day apart from its year and month, and one as 11.20: five and six days old. */
const SPLIT_DATE_COLUMN = `<!doctype html><html><head><meta charset="utf-8"><title>政务要闻</title></head><body>
<ul class="list">
  <li><div class="date"><span>20</span><span>2026-11</span></div><a href="/zwyw/202611/t20261120_5.html">省政府召开常务会议</a></li>
  <li><a href="/zwyw/202611/t20261119_4.html">全省经济工作会议召开</a><span>11.19</span></li>
</ul>${SIDEBAR}</body></html>`;

/** A news column printing month and day only, whose entry URLs say it stopped two years ago. */
const OLD_COLUMN = `<!doctype html><html><head><meta charset="utf-8"><title>部门动态</title></head><body>
<ul class="list">
  <li><a href="/bmdt/202411/t20241120_7.html">市场监管局开展冬季食品安全检查</a><span>[11-20]</span></li>
  <li><a href="/bmdt/202411/t20241112_6.html">交通运输局部署冬季道路安全工作</a><span>[11-12]</span></li>
</ul>${SIDEBAR}</body></html>`;

/** A notice column of an older site, GBK-encoded, in a table: twenty days old, fresh for its kind. */
const NOTICE_COLUMN = iconv.encode(
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>通知公告</title></head>
<body><table><tr><td><a href="/tzgg/202611/t20261105_3.htm">关于开展冬季消防安全检查的通知</a></td><td>2026年11月05日</td></tr>
<tr><td><a href="/tzgg/202610/t20261030_2.htm">关于国庆节放假安排的通知</a></td><td>2026年09月28日</td></tr></table></body></html>`,
  'gbk',
);

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('content-freshness on a crawled site', () => {
  it('finds the news column a month stale and the one two years stale, whatever the sidebar says', async () => {
    server = await startServer((req, res) => {
      const body = {
        '/': HOMEPAGE,
        '/gzdt/': NEWS_COLUMN,
        '/tzgg/': NOTICE_COLUMN,
        '/zwyw/': SPLIT_DATE_COLUMN,
        '/bmdt/': OLD_COLUMN,
      }[req.url ?? ''];
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<title>Not Found</title>');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(body);
    });
    const origin = server.origin;
    const crawl = await crawlSite({ homepage: `${origin}/`, maxPages: 10, log: quietLog });
    const byPath = (path: string) => crawl.pages.find((page) => page.url === `${origin}${path}`);
    const dates = (path: string) => byPath(path)?.listItems?.map((item) => [item.dateText, item.list]);
    const side = [
      ['2026-11-24', 'body>div.side>ul'],
      ['2026-11-22', 'body>div.side>ul'],
    ];
    expect(dates('/')).toEqual([
      ['2026-11-23', 'body>div.news>ul'],
      ['2026-11-20', 'body>div.news>ul'],
      ...side,
    ]);
    expect(dates('/gzdt/')).toEqual([['[10-24]', 'body>ul.list'], ['[10-20]', 'body>ul.list'], ...side]);
    expect(dates('/zwyw/')).toEqual([['20 2026-11', 'body>ul.list'], ['11.19', 'body>ul.list'], ...side]);
    expect(byPath('/tzgg/')?.listItems?.[0]).toEqual({
      title: '关于开展冬季消防安全检查的通知',
      url: `${origin}/tzgg/202611/t20261105_3.htm`,
      dateText: '2026年11月05日',
      list: 'body>table',
    });

    const rendered = homepage({
      url: `${origin}/`,
      finalUrl: `${origin}/`,
      links: [
        navLink('首页', `${origin}/`),
        navLink('工作动态', `${origin}/gzdt/`),
        navLink('通知公告', `${origin}/tzgg/`),
        navLink('政务要闻', `${origin}/zwyw/`),
        navLink('部门动态', `${origin}/bmdt/`),
      ],
    });
    const result = contentFreshness.run(
      { siteCrawl: crawl, renderedHomepage: rendered },
      { site: site({ homepage: `${origin}/` }), now: NOW },
    );
    expect(result.outcome).toBe('review');
    expect(result.singleVeto).toBeUndefined();
    expect(result.findings).toHaveLength(2);
    expect(result.findings[0]).toMatchObject({
      url: `${origin}/gzdt/`,
      evidence: {
        column: '工作动态',
        kind: 'news',
        newestDateText: '[10-24]',
        newestDate: '2026-10-24',
        daysSince: 32,
        thresholdDays: 14,
        selector: 'body>ul.list',
      },
    });
    expect(result.findings[1]).toMatchObject({
      url: `${origin}/bmdt/`,
      evidence: { column: '部门动态', newestDateText: '[11-20]', newestDate: '2024-11-20', daysSince: 735 },
    });
  });
});
