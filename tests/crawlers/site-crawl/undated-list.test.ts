import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawledPage, SiteCrawl } from '../../../crawlers/artifacts.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type FixtureSite, quietLog, serveSite } from './fixture-site.ts';

/**
 * `CrawledPage.undatedList` on column pages as the platforms print them, read by a real crawl: a TRS
 * column listing its rules with no date (未注明信息发布时间), a dated column, a page of nothing but a
 * menu, a 大汉 table in GBK, and lists that are not wholly articles.
 */
const MENU = `<div class="nav"><ul class="menu">
<li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwdt/">政务动态</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>`;

function page(title: string, body: string, head = '<meta charset="utf-8">'): string {
  return `<!DOCTYPE html><html><head>${head}<title>${title}_某某县人民政府</title></head><body>${MENU}
<div class="main">${body}</div></body></html>`;
}

/** A TRS column of rules (工作制度) whose list prints no date: the menu beside it is no such list. */
const UNDATED = page(
  '工作制度',
  `<div class="wz">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 工作制度</div>
<ul class="list">
<li><a href="./202403/t20240312_3301.html" target="_blank">某某县人民政府工作规则</a></li>
<li><a href="./202311/t20231105_3288.html" target="_blank">某某县人民政府重大行政决策程序规定</a></li>
<li><a href="./202306/t20230620_3250.html" target="_blank">某某县人民政府常务会议议事规则</a></li>
<li><a href="./202209/t20220901_3101.html" target="_blank" title="某某县政务公开工作制度">某某县政务公开工作制度</a></li>
</ul>
<div class="page"><a href="./index.html">首页</a><a href="./index_1.html">下一页</a><a href="./index_2.html">尾页</a></div>`,
);

/** The same list with its dates: dated entries (listItems), no undated list. */
const DATED = page(
  '政务动态',
  `<ul class="list">
<li><a href="./202611/t20261120_4501.html">全县冬季安全生产工作会议召开</a><span>2026-11-20</span></li>
<li><a href="./202611/t20261118_4500.html">县政府召开第三十二次常务会议</a><span>2026-11-18</span></li>
<li><a href="./202611/t20261112_4499.html">县委常委会召开会议传达学习全会精神</a><span>2026-11-12</span></li>
</ul>`,
);

/** A 大汉 column of an older site in GBK: a table of articles between a header row and a pager row, no dates. */
const GBK_TABLE = iconv.encode(
  page(
    '机构职能',
    `<table class="xxgk-list" width="100%"><tbody>
<tr><th>标题</th></tr>
<tr><td><a href="/art/2023/3/1/art_1201_5501.html">某某县发展和改革局主要职责</a></td></tr>
<tr><td><a href="/art/2023/3/1/art_1201_5502.html">某某县财政局主要职责及内设机构</a></td></tr>
<tr><td><a href="/art/2023/3/2/art_1201_5503.html">某某县教育局主要职责及内设机构</a></td></tr>
<tr><td align="center">共3条记录 1/1页 <a href="/zwgk/jgzn/">首页</a> <a href="/zwgk/jgzn/">上一页</a> <a href="/zwgk/jgzn/">下一页</a> <a href="/zwgk/jgzn/">尾页</a></td></tr>
</tbody></table>`,
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
  ),
  'gbk',
);

/** A list one of whose entries leads to a column, not an article: unclear, left out. */
const MIXED = page(
  '专题专栏',
  `<ul class="zt">
<li><a href="/zwgk/202410/t20241011_3401.html">某某县优化营商环境工作方案</a></li>
<li><a href="/ztzl/xczx/">乡村振兴专题专栏</a></li>
<li><a href="/zwgk/202409/t20240920_3390.html">某某县安全生产专项整治方案</a></li>
</ul>`,
);

/** Two articles only: a sidebar's few links rather than a column's list. */
const SHORT = page(
  '图片新闻',
  `<ul class="pic">
<li><a href="/zwdt/202611/t20261120_4501.html">全县冬季安全生产工作会议召开</a></li>
<li><a href="/zwdt/202611/t20261118_4500.html">县政府召开第三十二次常务会议</a></li>
</ul>`,
);

const gbk = { 'content-type': 'text/html' };
let site: FixtureSite;
let crawl: SiteCrawl;
const at = (path: string): CrawledPage | undefined =>
  crawl.pages.find((p) => p.url === `${site.origin}${path}`);

beforeAll(async () => {
  site = await serveSite({
    '/': {
      body: page(
        '首页',
        '<a href="/zwgk/gzzd/">工作制度</a><a href="/zwgk/jgzn/">机构职能</a><a href="/ztzl/">专题专栏</a><a href="/tpxw/">图片新闻</a>',
      ),
    },
    '/zwgk/': { body: page('政务公开', '<p>政府信息公开目录</p>') },
    '/zwgk/gzzd/': { body: UNDATED },
    '/zwdt/': { body: DATED },
    '/zwgk/jgzn/': { headers: gbk, body: GBK_TABLE },
    '/ztzl/': { body: MIXED },
    '/tpxw/': { body: SHORT },
  });
  crawl = await crawlSite({
    homepage: `${site.origin}/`,
    maxPages: 12,
    settings: { maxDepth: 1 },
    log: quietLog,
  });
}, 60_000);

afterAll(async () => {
  await site?.close();
});

describe('undatedList: the article lists a crawled page prints with no date', () => {
  it('reads a TRS list of articles printing no date, not the menu or the pager beside it', () => {
    expect(at('/zwgk/gzzd/')?.undatedList).toEqual({
      list: 'body>div.main>ul.list',
      entries: 4,
      urls: [
        `${site.origin}/zwgk/gzzd/202403/t20240312_3301.html`,
        `${site.origin}/zwgk/gzzd/202311/t20231105_3288.html`,
        `${site.origin}/zwgk/gzzd/202306/t20230620_3250.html`,
        `${site.origin}/zwgk/gzzd/202209/t20220901_3101.html`,
      ],
      titles: [
        '某某县人民政府工作规则',
        '某某县人民政府重大行政决策程序规定',
        '某某县人民政府常务会议议事规则',
      ],
    });
  });

  it('finds none on a dated list, whose entries are dated list items instead', () => {
    expect(at('/zwdt/')?.undatedList).toBeUndefined();
    expect(at('/zwdt/')?.listItems).toHaveLength(3);
  });

  it('finds none on a page of nothing but a navigation menu', () => {
    expect(at('/zwgk/')?.status).toBe(200);
    expect(at('/zwgk/')?.undatedList).toBeUndefined();
  });

  it('reads a GBK 大汉 table, skipping its header and pager rows, with its titles decoded', () => {
    expect(at('/zwgk/jgzn/')?.undatedList).toEqual({
      list: 'body>div.main>table.xxgk-list',
      entries: 3,
      urls: [
        `${site.origin}/art/2023/3/1/art_1201_5501.html`,
        `${site.origin}/art/2023/3/1/art_1201_5502.html`,
        `${site.origin}/art/2023/3/2/art_1201_5503.html`,
      ],
      titles: [
        '某某县发展和改革局主要职责',
        '某某县财政局主要职责及内设机构',
        '某某县教育局主要职责及内设机构',
      ],
    });
  });

  it('leaves out a list with an entry that is no article, and a list of two', () => {
    expect(at('/ztzl/')?.status).toBe(200);
    expect(at('/ztzl/')?.undatedList).toBeUndefined();
    expect(at('/tpxw/')?.status).toBe(200);
    expect(at('/tpxw/')?.undatedList).toBeUndefined();
  });
});
