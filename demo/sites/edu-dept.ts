import { readFileSync } from 'node:fs';
import { articlePage, footer, govPage, newsList } from '../gov-page.ts';
import { commonRoutes, errorReportBadge, partyGovBadge, printedDate, redirect } from './common.ts';
import { letterBoxRoutes } from './letter-box.ts';
import type { DemoSite } from './types.ts';

const NAME = '四川省教育厅';
/** The banner: the national emblem and 四川省教育厅 in white 黑体 on blue, 640×96 (drawn for the demo). */
const EDU_BANNER = readFileSync(new URL('../assets/edu-banner.png', import.meta.url));

/**
 * A provincial department whose name is drawn only in its header's banner image, with no text
 * alternative: OCR reads 四川省教育厅 in it, so header-full-name passes with the text read and its
 * confidence as evidence.
 * Its annual report link is hidden, whose archive has an unlabelled
 * page and a missing page, which links to a redirect loop and a server that never answers, and whose
 * 我为政府网站找错 badge sits in a floating box that was closed for good (display:none). It still lives on
 * its old domain www.scedu.net instead of a sub-domain of sc.gov.cn (clauses 4.3.4.1, 4.3.4.3).
 * A news article cites the 政府信息公开条例 as a law (政府信息公开法): a wording error of grade 一般.
 */
export const eduDept: DemoSite = {
  host: 'www.scedu.net',
  site: {
    id: 'edu-dept',
    fullName: NAME,
    level: 'province',
    kind: 'department',
    region: '510000',
    parent: 'sc-portal',
    siteCode: '5100000010',
    archiveRoots: ['/lsgd/'],
  },
  expected: {
    status: 'done',
    outcomes: {
      'header-full-name': 'pass',
      'gazette-column': 'not-applicable',
      'archive-label': 'fail',
      'annual-report': 'fail',
      'broken-links': 'fail',
      'footer-identifiers': 'pass',
      'error-report-entry': 'fail',
      'site-functions': 'pass',
      'column-domain': 'pass',
      'site-domain': 'fail',
      'content-freshness': 'pass',
      'homepage-availability': 'pass',
      'https-security': 'fail',
      'wording-errors': 'fail',
      'future-dates': 'pass',
      'hidden-links': 'pass',
      'interaction-response': 'pass',
      'blank-columns': 'pass',
      'long-unupdated-columns': 'pass',
    },
  },
  routes: (_origin, world) => ({
    ...commonRoutes(),
    '/images/banner.png': { body: EDU_BANNER, contentType: 'image/png' },
    '/': {
      body: govPage({
        title: `${NAME}网站`,
        header: '<img src="/images/banner.png" width="640" height="96">',
        nav: [
          ['首页', '/'],
          ['信息公开', '/xxgk/'],
          ['政策解读', '/zcjd/'],
          ['互动交流', '/hdjl/'],
          ['历史归档', '/lsgd/'],
        ],
        main:
          newsList('教育要闻', [
            ['全省教育工作会议召开', '/jyyw/1.html', printedDate(world.today, 5, 'dot')],
            ['2026年高考报名工作通知', '/loop/a', printedDate(world.today, 13, 'slash')],
          ]) +
          `<p style="display:none"><a href="/ndbb/2025.html">2025年度政府网站工作年度报表</a></p>
           <p><a href="${world.misc}/slow">教育考试服务平台</a></p>
           <div class="float-jiucuo" style="display:none">${errorReportBadge()}</div>`,
        footer: `${footer('四川省教育厅', '5100000010', '蜀ICP备05005678号', '川公网安备 51010402000010号')}<br>${partyGovBadge()}`,
      }),
    },
    '/jyyw/1.html': {
      body: articlePage(
        '全省教育工作会议召开',
        NAME,
        '<p>会议总结了全年工作，要求各地按照政府信息公开法做好教育信息公开。</p>',
      ),
    },
    '/zcjd/': {
      body: articlePage(
        '政策解读',
        NAME,
        newsList('政策解读', [
          ['高考综合改革政策解读', '/jyyw/1.html', printedDate(world.today, 30, 'slash')],
        ]),
      ),
    },
    '/hdjl/': { body: articlePage('互动交流', NAME, '<p><a href="/hdjl/tzxx/">厅长信箱</a></p>') },
    ...letterBoxRoutes(
      {
        path: '/hdjl/tzxx/',
        name: '厅长信箱',
        siteName: NAME,
        style: 'hanweb',
        letters: [
          { title: '咨询2027年普通高校专升本报名时间', asked: 10, replied: 6 },
          { title: '建议增加农村学校心理健康教师', asked: 50, replied: 41 },
        ],
      },
      world.today,
    ),
    '/xxgk/': { body: articlePage('信息公开', NAME, '<p>信息公开目录</p>') },
    '/loop/a': redirect('/loop/b'),
    '/loop/b': redirect('/loop/a'),
    '/ndbb/2025.html': { body: articlePage('2025年度政府网站工作年度报表', NAME, '<p>报表</p>') },
    '/lsgd/': {
      body: articlePage(
        '历史归档',
        NAME,
        '<a href="/lsgd/2020/zcwj.html">政策文件（2020）</a> <a href="/lsgd/2019/jgzn.html">机构职能（2019）</a> <a href="/lsgd/2018/tzgg.html">通知公告（2018）</a>',
      ),
    },
    '/lsgd/2020/zcwj.html': {
      body: articlePage(
        '政策文件',
        NAME,
        '<p class="gd">已归档　归档日期：2024-01-15</p><p>原政策文件列表。</p>',
      ),
    },
    '/lsgd/2019/jgzn.html': { body: articlePage('机构职能', NAME, '<p>原机构职能介绍。</p>') },
  }),
};
