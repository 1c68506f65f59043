import { articlePage, footer, govPage, newsList } from '../gov-page.ts';
import { commonRoutes, errorReportBadge, partyGovBadge, printedDate } from './common.ts';
import { type GridColumn, gridLinks, gridRoutes } from './disclosure-grid.ts';
import { letterBoxRoutes } from './letter-box.ts';
import type { DemoSite } from './types.ts';

const NAME = '四川省发展和改革委员会';

/**
 * A provincial department whose name is an image with alt text (that counts), with its annual report in
 * place, and one outside link behind a WAF that answers 412: not verifiable, so the link rule goes to
 * review instead of calling the link broken. A reply titled 第404号 is not mistaken for a missing page.
 * Its 政务服务 navigation item leads to a business system on another server: allowed "in principle", review.
 * Its footer was injected with a hidden casino link (暗链): hidden-links fails it with a single veto.
 * Its 政府信息公开 grid (/zwgk/) holds 5 blank columns (暂无信息) and 10 columns of 人事、规划计划、统计、
 * 财政 last updated 400 days ago: blank-columns and long-unupdated-columns fail it with their vetoes too.
 */
export const fgwDept: DemoSite = {
  host: 'fgw.sc.gov.cn',
  site: {
    id: 'fgw-dept',
    fullName: NAME,
    level: 'province',
    kind: 'department',
    region: '510000',
    parent: 'sc-portal',
    archiveRoots: [],
  },
  expected: {
    status: 'done',
    outcomes: {
      'header-full-name': 'pass',
      'gazette-column': 'not-applicable',
      'archive-label': 'pass',
      'annual-report': 'pass',
      'broken-links': 'review',
      'footer-identifiers': 'pass',
      'error-report-entry': 'pass',
      'site-functions': 'pass',
      'column-domain': 'review',
      'site-domain': 'pass',
      'content-freshness': 'pass',
      'homepage-availability': 'pass',
      'https-security': 'fail',
      'wording-errors': 'pass',
      'future-dates': 'pass',
      'hidden-links': 'fail',
      'interaction-response': 'pass',
      'blank-columns': 'fail',
      'long-unupdated-columns': 'fail',
    },
  },
  routes: (_origin, world) => ({
    ...commonRoutes(),
    ...gridRoutes(NAME, world.today, GRID),
    '/': {
      body: govPage({
        title: `${NAME}网站`,
        header: `<img src="/images/banner.png" width="560" height="80" alt="${NAME}">`,
        nav: [
          ['首页', '/'],
          ['政务公开', '/zwgk/'],
          ['政策解读', '/zcjd/'],
          ['互动交流', '/hdjl/'],
          ['政务服务', `${world.misc}/busy`],
        ],
        main:
          newsList('发改动态', [
            ['关于省政协第404号提案的答复', '/zwgk/404hao.html', printedDate(world.today, 3, 'cn')],
          ]) +
          `<p><a href="/ndbb/2025.html">2025年政府网站工作年度报表</a></p>
           <p><a href="${world.misc}/waf">全国投资项目在线审批监管平台</a> <a href="${world.misc}/head-refused.pdf">项目申报指南</a></p>`,
        footer: `${footer(
          '四川省发展和改革委员会',
          '5100000020',
          '蜀ICP备05007777号',
          '川公网安备 51010402000020号',
        )}<br>${partyGovBadge()}${errorReportBadge()}
          <div style="display: none"><a href="${world.misc}/bocai/">澳门博彩 百家乐 真人荷官</a></div>`,
      }),
    },
    '/zcjd/': {
      body: articlePage(
        '政策解读',
        NAME,
        newsList('政策解读', [['价格政策解读', '/zwgk/404hao.html', printedDate(world.today, 3, 'cn')]]),
      ),
    },
    '/hdjl/': { body: articlePage('互动交流', NAME, '<p><a href="/hdjl/zrxx/">主任信箱</a></p>') },
    ...letterBoxRoutes(
      {
        path: '/hdjl/zrxx/',
        name: '主任信箱',
        siteName: NAME,
        style: 'trs',
        letters: [{ title: '咨询分布式光伏项目备案流程', asked: 25, replied: 20 }],
      },
      world.today,
    ),
    '/zwgk/': {
      body: articlePage('政务公开', NAME, `<a href="/zwgk/404hao.html">建议提案办理</a>${gridLinks(GRID)}`),
    },
    '/zwgk/404hao.html': {
      body: articlePage('关于省政协第404号提案的答复', NAME, '<p>您提出的关于……的提案收悉。</p>'),
    },
    '/ndbb/2025.html': { body: articlePage('2025年政府网站工作年度报表', NAME, '<p>报表</p>') },
  }),
};

/** The 信息公开 grid: 5 blank columns, 10 yearly ones a year stale, and a fresh one. */
const GRID: GridColumn[] = [
  { name: '重大建设项目', folder: 'zdjsxm' },
  { name: '公共资源配置', folder: 'ggzypz' },
  { name: '价格收费', folder: 'jgsf' },
  { name: '审计信息', folder: 'sjxx' },
  { name: '国有企业信息', folder: 'gyqyxx' },
  { name: '人事任免', folder: 'rsrm', days: 400 },
  { name: '公务员招录', folder: 'gwyzl', days: 400 },
  { name: '事业单位招聘', folder: 'sydwzp', days: 400 },
  { name: '发展规划', folder: 'fzgh', days: 400 },
  { name: '年度计划', folder: 'ndjh', days: 400 },
  { name: '统计数据', folder: 'tjsj', days: 400 },
  { name: '统计公报', folder: 'tjgb', days: 400 },
  { name: '部门预算', folder: 'bmys', days: 400 },
  { name: '部门决算', folder: 'bmjs', days: 400 },
  { name: '财政资金', folder: 'czzj', days: 400 },
  { name: '政策解读', folder: 'zcjd', days: 5 },
];
