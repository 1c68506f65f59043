import { articlePage, emblem, footer, govPage, newsList, searchBox } from '../gov-page.ts';
import { commonRoutes, errorReportBadge, partyGovBadge, pdf, printedDate } from './common.ts';
import { letterBoxRoutes } from './letter-box.ts';
import type { DemoSite } from './types.ts';

const NAME = '四川省人民政府';

/** The provincial portal, in good order: every rule passes. */
export const scPortal: DemoSite = {
  host: 'www.sc.gov.cn',
  site: {
    id: 'sc-portal',
    fullName: NAME,
    level: 'province',
    kind: 'portal',
    region: '510000',
    parent: null,
    siteCode: '5100000062',
    archiveRoots: ['/archive/'],
  },
  expected: {
    status: 'done',
    outcomes: {
      'header-full-name': 'pass',
      'gazette-column': 'pass',
      'archive-label': 'pass',
      'annual-report': 'pass',
      'broken-links': 'pass',
      'footer-identifiers': 'pass',
      'error-report-entry': 'pass',
      'site-functions': 'pass',
      'column-domain': 'pass',
      'site-domain': 'pass',
      'content-freshness': 'pass',
      'homepage-availability': 'pass',
      'https-security': 'fail',
      'wording-errors': 'pass',
      'future-dates': 'pass',
      'hidden-links': 'pass',
      'interaction-response': 'pass',
      'blank-columns': 'pass',
      'long-unupdated-columns': 'pass',
    },
  },
  routes: (_origin, world) => ({
    ...commonRoutes(),
    '/': {
      body: govPage({
        title: `${NAME}门户网站`,
        header: `${emblem()}<span class="site-name">${NAME}</span>${searchBox()}`,
        nav: [
          ['首页', '/'],
          ['政务公开', '/zwgk/'],
          ['政策解读', '/zcjd/'],
          ['政府公报', '/zfgb/'],
          ['政务服务', '/zwfw/'],
          ['互动交流', '/hdjl/'],
          ['历史归档', '/archive/'],
        ],
        main:
          newsList('要闻动态', [
            [
              '省政府常务会议研究部署冬春农田水利建设',
              '/xwdt/2026/11/20/a1.html',
              printedDate(world.today, 5),
            ],
            ['关于进一步优化营商环境的通知', '/zwgk/通知公告.html', printedDate(world.today, 7, 'cn')],
          ]) +
          '<p class="report-link"><a href="/ndbb/2025.html">四川省人民政府2025年度政府网站工作年度报表</a></p>' +
          '<p><a href="mailto:webmaster@sc.gov.cn">联系我们</a> <a href="tel:028-12345">值班电话</a> <a href="#top">返回顶部</a></p>',
        footer: `${footer(
          '四川省人民政府办公厅',
          '5100000062',
          '蜀ICP备05003828号',
          '川公网安备 51010402000507号',
        )}<br>${partyGovBadge()}${errorReportBadge()}`,
      }),
    },
    '/xwdt/2026/11/20/a1.html': {
      body: articlePage(
        '省政府常务会议研究部署冬春农田水利建设',
        NAME,
        '<p>11月20日，省政府召开常务会议。</p>',
      ),
    },
    '/zwgk/通知公告.html': {
      body: articlePage('关于进一步优化营商环境的通知', NAME, '<p>各市（州）人民政府：</p>'),
    },
    '/zwgk/': { body: articlePage('政务公开', NAME, '<a href="/zwgk/通知公告.html">通知公告</a>') },
    '/zcjd/': {
      body: articlePage(
        '政策解读',
        NAME,
        newsList('政策解读', [
          ['《关于进一步优化营商环境的通知》解读', '/xwdt/2026/11/20/a1.html', printedDate(world.today, 7)],
        ]),
      ),
    },
    '/zwfw/': { body: articlePage('政务服务', NAME, '<p>一网通办</p>') },
    '/hdjl/': {
      body: articlePage('互动交流', NAME, '<p><a href="/hdjl/szxx/">省长信箱</a> 我为政府网站找错</p>'),
    },
    ...letterBoxRoutes(
      {
        path: '/hdjl/szxx/',
        name: '省长信箱',
        siteName: NAME,
        style: 'trs',
        letters: [
          { title: '关于提高城乡居民基础养老金的建议', asked: 20, replied: 12 },
          { title: '咨询省级人才公寓申请条件', asked: 75, replied: 68 },
        ],
      },
      world.today,
    ),
    '/zfgb/': {
      body: articlePage(
        '四川政报',
        NAME,
        `<form action="/zfgb/search" method="get"><input type="search" name="keyword"><button>公报检索</button></form>
         <h3>目录导航</h3><ul><li><a href="/zfgb/2025/1/">2025年第1期</a></li><li><a href="/zfgb/2025/2/">2025年第2期</a></li><li><a href="/zfgb/2024/">2024年</a></li></ul>`,
      ),
    },
    '/zfgb/2025/1/': {
      body: articlePage('2025年第1期', NAME, '<a href="/zfgb/2025/1/gb.pdf">下载本期公报（PDF）</a>'),
    },
    '/zfgb/2025/2/': {
      body: articlePage('2025年第2期', NAME, '<a href="/zfgb/2025/2/gb.ofd">下载本期公报（OFD）</a>'),
    },
    '/zfgb/2024/': { body: articlePage('2024年', NAME, '<a href="/zfgb/2025/1/">往期</a>') },
    '/zfgb/2025/1/gb.pdf': pdf(),
    '/zfgb/2025/2/gb.ofd': { body: 'OFD', contentType: 'application/ofd' },
    '/archive/': {
      body: articlePage('历史归档', NAME, '<a href="/archive/2019/jgsz.html">机构设置（2019年版）</a>'),
    },
    '/archive/2019/jgsz.html': {
      body: articlePage(
        '机构设置',
        NAME,
        '<div class="archive-banner">本页面已归档，归档时间：2023年5月8日</div><p>原机构设置信息。</p>',
      ),
    },
    '/ndbb/2025.html': {
      body: articlePage(
        '四川省人民政府2025年度政府网站工作年度报表',
        NAME,
        '<table><tr><td>信息发布总数</td><td>12034</td></tr></table>',
      ),
    },
  }),
};
