import { articlePage, emblem, footer, govPage, newsList } from '../gov-page.ts';
import { commonRoutes, errorReportBadge, partyGovBadge, printedDate } from './common.ts';
import { letterBoxRoutes } from './letter-box.ts';
import type { DemoSite } from './types.ts';

const NAME = '合江县人民政府';

/**
 * A county portal showing an abbreviated name in its header, an annual report link with no year, and a
 * navigation offering only 政务公开 and 网上办事: no 解读回应 entry (an ordinary fail). Its newest
 * homepage news is 40 days old: 网站不更新, the national indicators' single veto, so it is rated 不合格.
 * One notice is dated three days ahead of the sweep, its article too (伪造发稿日期): `review`. Its
 * 县长信箱 left a letter unanswered for four months (互动回应差): another single veto.
 */
export const hjCounty: DemoSite = {
  host: 'www.hejiang.gov.cn',
  site: {
    id: 'hj-county',
    fullName: NAME,
    level: 'county',
    kind: 'portal',
    region: '510522',
    parent: null,
    archiveRoots: [],
  },
  expected: {
    status: 'done',
    outcomes: {
      'header-full-name': 'fail',
      'gazette-column': 'not-applicable',
      'archive-label': 'pass',
      'annual-report': 'review',
      'broken-links': 'pass',
      'footer-identifiers': 'pass',
      'error-report-entry': 'pass',
      'site-functions': 'fail',
      'column-domain': 'pass',
      'site-domain': 'pass',
      'content-freshness': 'fail',
      'homepage-availability': 'pass',
      'https-security': 'fail',
      'wording-errors': 'pass',
      'future-dates': 'review',
      'hidden-links': 'pass',
      'interaction-response': 'fail',
      'blank-columns': 'pass',
      'long-unupdated-columns': 'pass',
    },
  },
  routes: (_origin, world) => ({
    ...commonRoutes(),
    '/': {
      body: govPage({
        title: `${NAME}门户网站`,
        header: `${emblem()}<span class="site-name">合江县政府</span>`,
        nav: [
          ['首页', '/'],
          ['政务公开', '/zwgk/'],
          ['网上办事', '/wsbs/'],
        ],
        main: `${newsList('合江要闻', [
          ['县政府召开专题会议', '/xw/1.html', printedDate(world.today, 40, 'cn')],
          ['关于开展冬季森林防火检查的通知', '/tzgg/1.html', printedDate(world.today, -3)],
        ])}<p><a href="/ndbb/">政府网站工作年度报表</a> <a href="/hdjl/xzxx/">县长信箱</a></p>`,
        footer: `${footer(
          '合江县人民政府办公室',
          '5105220001',
          '蜀ICP备05009999号',
          '川公网安备 51052202000001号',
        )}<br>${partyGovBadge()}${errorReportBadge()}`,
      }),
    },
    '/zwgk/': { body: articlePage('政务公开', NAME, '<p>目录</p>') },
    '/wsbs/': { body: articlePage('网上办事', NAME, '<p>办事指南</p>') },
    '/xw/1.html': { body: articlePage('县政府召开专题会议', NAME, '<p>会议内容。</p>') },
    '/tzgg/1.html': {
      body: articlePage(
        '关于开展冬季森林防火检查的通知',
        NAME,
        `<p class="info">发布时间：${printedDate(world.today, -3)} 来源：合江县应急管理局</p><p>检查将于${printedDate(world.today, -30, 'cn')}前完成。</p>`,
      ),
    },
    '/ndbb/': { body: articlePage('年度报表', NAME, '<a href="/ndbb/2025.html">2025年</a>') },
    '/ndbb/2025.html': { body: articlePage('2025年度政府网站工作年度报表', NAME, '<p>报表</p>') },
    ...letterBoxRoutes(
      {
        path: '/hdjl/xzxx/',
        name: '县长信箱',
        siteName: NAME,
        style: 'trs',
        letters: [
          { title: '建议增设城东农贸市场停车位', asked: 30, replied: 24 },
          { title: '咨询农村危房改造补助标准', asked: 122 },
        ],
      },
      world.today,
    ),
  }),
};
