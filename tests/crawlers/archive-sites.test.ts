import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveLabel } from '../../checks/archive-label.ts';
import type { CheckResult } from '../../checks/check.ts';
import type { SiteCrawl } from '../../crawlers/artifacts.ts';
import { crawlSite } from '../../crawlers/site-crawl/crawl-site.ts';
import { crawlSeeds } from '../../src/inspection/seeds.ts';
import type { Site } from '../../src/registry/site.ts';
import { site as siteEntry } from '../checks/fixtures/builders.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { quietLog } from './site-crawl/fixture-site.ts';
import { hanwebPage, trsPage } from './soft-404/templates.ts';

const NOW = new Date('2026-11-25T10:00:00+08:00');
const BODY =
  '<p style="text-indent:2em">为进一步规范政府信息公开工作，现将有关事项通知如下。各单位要高度重视，认真组织实施。</p>';

/** Sidebar of the TRS site: the latest news, with dates, on every page. */
const NEWS = `<div class="side"><h3>最新动态</h3><ul>
<li><a href="/xwzx/202611/t20261120_9.html">全省科技工作会议召开</a><span>2026-11-20</span></li>
<li><a href="/xwzx/202611/t20261118_8.html">省科技厅部署冬季安全生产工作</a><span>2026-11-18</span></li></ul></div>`;

function trsArchived(title: string, label: string, position: 'banner' | 'under', extra = ''): string {
  const article = `<div class="article"><h1>${title}</h1><div class="info">发布时间：2019-06-12　来源：办公室</div>
<div class="TRS_Editor">${BODY}</div>${position === 'under' ? label : ''}</div>`;
  return trsPage(`${title}_四川省某某厅`, `${position === 'banner' ? label : ''}${article}${extra}`);
}

/** TRS WCM department site, UTF-8, archive root /gdwz/ registered. */
const TRS_PAGES: Record<string, string> = {
  '/': trsPage(
    '四川省某某厅',
    `<div class="news"><a href="/xwzx/">新闻中心</a> <a href="/xwzx/202406/t20240612_1.html">全省科技活动周启动</a></div>
<div class="menu"><a href="/gdwz/">网站归档</a> <a href="/lsgd/">历史归档</a> <a href="/archive/">旧版网站</a></div>`,
  ),
  '/gdwz/': trsPage(
    '网站归档_四川省某某厅',
    `<div class="position">当前位置：<a href="/">首页</a> &gt; 网站归档</div><ul>
<li><a href="/gdwz/201906/t20190612_101.html">关于2019年科技计划项目申报的通知</a><span>2019-06-12</span></li>
<li><a href="/gdwz/201805/t20180520_77.html">关于公布2018年度科技型企业名单的通知</a><span>2018-05-20</span></li>
<li><a href="/gdwz/201712/t20171201_5.html">2017年科技统计公报</a><span>2017-12-01</span></li>
<li><a href="/gdwz/201701/t20170101_3.html">关于开展2017年科技下乡活动的通知</a><span>2017-01-01</span></li></ul>`,
  ),
  // The label and its time in one banner above the article.
  '/gdwz/201906/t20190612_101.html': trsArchived(
    '关于2019年科技计划项目申报的通知',
    '<div class="gdxx">本页面已归档 归档时间：2023-06-30</div>',
    'banner',
  ),
  // The label in the title only; the only date is the article's 发布时间, in another block.
  '/gdwz/201805/t20180520_77.html': trsArchived(
    '【已归档】关于公布2018年度科技型企业名单的通知',
    '',
    'banner',
  ),
  // Label and date in a note under the article, on two lines.
  '/gdwz/201712/t20171201_5.html': trsArchived(
    '2017年科技统计公报',
    '<div class="gd-note"><p>本信息已归档</p><p>归档日期：2022年12月31日</p></div>',
    'under',
  ),
  // The label without a date; dates only in the news list beside it.
  '/gdwz/201701/t20170101_3.html': trsArchived(
    '关于开展2017年科技下乡活动的通知',
    '<div class="gdxx">本页面已归档</div>',
    'banner',
    NEWS,
  ),
  '/xwzx/': trsPage(
    '新闻中心_四川省某某厅',
    `<ul><li><a href="/xwzx/202406/t20240612_1.html">全省科技活动周启动</a><span>2024-06-12</span></li></ul>`,
  ),
  // An ordinary article whose page carries 历史归档 only as a menu entry.
  '/xwzx/202406/t20240612_1.html': trsPage(
    '全省科技活动周启动_四川省某某厅',
    `<div class="menu"><a href="/lsgd/">历史归档</a></div><div class="article"><h1>全省科技活动周启动</h1><div class="info">发布时间：2024-06-12</div>${BODY}</div>`,
  ),
};

/** 大汉 Hanweb county portal, GBK, archive root /lsgd/ registered but without an index page. */
const HANWEB_PAGES: Record<string, string> = {
  '/': hanwebPage(
    '某某县人民政府',
    `<a href="/col/col1099/index.html">历史归档</a> <a href="/art/2020/3/1/art_1099_55.html">2020年政府信息公开指南</a>
<a href="/lsgd/2019/art_1099_12.html">2019年春耕生产工作方案</a> <a href="/art/2018/5/5/art_1099_8.html">2018年机构职能</a>`,
  ),
  // The archive column's list page: 历史归档 is its name, not a label.
  '/col/col1099/index.html': hanwebPage(
    '历史归档_某某县人民政府',
    `<table><tr><td class="lm">历史归档</td></tr><tr><td><a href="/art/2020/3/1/art_1099_55.html">2020年政府信息公开指南</a> 2020-03-01</td></tr></table>`,
  ),
  // An information-disclosure table: 归档时间 in one cell, the date in the next.
  '/art/2020/3/1/art_1099_55.html': hanwebPage(
    '2020年政府信息公开指南_某某县人民政府',
    `<table class="xxgk_table"><tr><td>索引号</td><td>11510000MB0000000X/2020-00055</td><td>归档状态</td><td>已归档</td></tr>
<tr><td>发布日期</td><td>2020-03-01</td><td>归档时间</td><td>2023-12-31</td></tr></table><div id="zoom">${BODY}</div>`,
  ),
  // 已归档 in the title cell, the only date in the info line.
  '/lsgd/2019/art_1099_12.html': hanwebPage(
    '2019年春耕生产工作方案_某某县人民政府',
    `<table><tr><td class="title">2019年春耕生产工作方案<font color="red">（已归档）</font></td></tr>
<tr><td class="info">发布日期：2019-03-01　信息来源：县农业农村局</td></tr><tr><td><div id="zoom">${BODY}</div></td></tr></table>`,
  ),
  // 于…归档.
  '/art/2018/5/5/art_1099_8.html': hanwebPage(
    '2018年机构职能_某某县人民政府',
    `<div id="zoom">${BODY}</div><p class="gd">本页面已于2021年6月30日归档，仅供查阅。</p>`,
  ),
};

async function serve(pages: Record<string, string>, encoding: 'utf-8' | 'gbk'): Promise<RunningServer> {
  return startServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (page === undefined)
      return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
    res.writeHead(200, { 'content-type': encoding === 'gbk' ? 'text/html' : 'text/html; charset=utf-8' });
    res.end(encoding === 'gbk' ? iconv.encode(page, 'gbk') : page);
  });
}

async function inspect(
  server: RunningServer,
  archiveRoots: string[],
): Promise<{ crawl: SiteCrawl; result: CheckResult }> {
  const entry: Site = siteEntry({ homepage: `${server.origin}/`, archiveRoots });
  const crawl = await crawlSite({
    homepage: entry.homepage,
    seeds: crawlSeeds(entry, undefined),
    maxPages: 30,
    log: quietLog,
  });
  return { crawl, result: archiveLabel.run({ siteCrawl: crawl }, { site: entry, now: NOW }) };
}

const failing = (result: CheckResult, origin: string) =>
  result.findings.map((finding) => [finding.url.slice(origin.length), finding.message]);

describe('archive-label on made-up Sichuan sites, crawled', () => {
  let trs: RunningServer;
  let hanweb: RunningServer;
  beforeAll(async () => {
    trs = await serve(TRS_PAGES, 'utf-8');
    hanweb = await serve(HANWEB_PAGES, 'gbk');
  });
  afterAll(async () => {
    await Promise.all([trs?.close(), hanweb?.close()]);
  });

  it('TRS: a label with its own time passes; a label whose only dates are another block’s fails; a menu entry is no label', async () => {
    const { crawl, result } = await inspect(trs, ['/gdwz/', '/archive/']);
    // A registered root whose index does not exist, linked: a broken link, not an archive finding.
    expect(crawl.pages.find((p) => p.url.endsWith('/archive/'))?.status).toBe(404);
    expect(crawl.pages.find((p) => p.url.endsWith('/lsgd/'))?.status).toBe(404);
    expect(result.outcome).toBe('fail');
    expect(failing(result, trs.origin)).toEqual([
      ['/gdwz/201805/t20180520_77.html', expect.stringContaining('没有注明归档时间')],
      ['/gdwz/201701/t20170101_3.html', expect.stringContaining('没有注明归档时间')],
    ]);
    const newsOnly = result.findings[1]!;
    expect(newsOnly.evidence).toMatchObject({
      why: 'under-archive-root',
      textAroundLabel: '本页面已归档',
      datesOnPage: expect.arrayContaining(['2026-11-20']),
    });
  });

  it('大汉, GBK: a table’s 归档时间 cell, 于…归档, a column named 历史归档, a missing unlinked root index', async () => {
    const { crawl, result } = await inspect(hanweb, ['/lsgd/']);
    expect(crawl.pages.find((p) => p.url === `${hanweb.origin}/lsgd/`)?.status).toBe(404);
    expect(failing(result, hanweb.origin)).toEqual([
      ['/lsgd/2019/art_1099_12.html', expect.stringContaining('没有注明归档时间')],
    ]);
  });
});
