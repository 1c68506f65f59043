import { articlePage, emblem, footer, govPage, newsList, searchBox } from '../gov-page.ts';
import type { Route } from '../route-server.ts';
import { commonRoutes, errorReportBadge, printedDate } from './common.ts';
import { letterBoxRoutes } from './letter-box.ts';
import type { DemoSite } from './types.ts';

const NAME = '成都市人民政府';

const gbk = (body: string): Route => ({ body, encoding: 'gbk' });

/**
 * A city portal on an older CMS: GBK declared only in <meta>, the site name written into the header by
 * JavaScript, a <base href>. Its 政府公报 column has no downloads, its annual report link is for the wrong
 * year, an archived page has no archive date, three of its links are broken, its footer lacks the
 * 党政机关网站标识, and its 专题专栏 navigation item leads to another server (another domain).
 */
export const cdPortal: DemoSite = {
  host: 'www.chengdu.gov.cn',
  site: {
    id: 'cd-portal',
    fullName: NAME,
    level: 'city',
    kind: 'portal',
    region: '510100',
    parent: null,
    siteCode: '5101000001',
    archiveRoots: [],
  },
  expected: {
    status: 'done',
    outcomes: {
      'header-full-name': 'pass',
      'gazette-column': 'fail',
      'archive-label': 'fail',
      'annual-report': 'fail',
      'broken-links': 'fail',
      'footer-identifiers': 'fail',
      'error-report-entry': 'pass',
      'site-functions': 'pass',
      'column-domain': 'fail',
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
    '/': gbk(
      govPage({
        title: '成都市人民政府门户网站',
        charset: 'gbk',
        head: '<base href="/cdweb/">',
        header: `${emblem()}<span class="site-name" id="siteName"></span>${searchBox('search.jsp')}
          <script>setTimeout(function(){document.getElementById('siteName').textContent='${NAME}';},300);</script>`,
        nav: [
          ['首页', './'],
          ['政务公开', 'zwgk/'],
          ['政策解读', 'zcjd/'],
          ['互动交流', 'hdjl/'],
          ['政府公报', 'gb/'],
          ['政务服务', `${world.misc}/busy`],
          ['专题专栏', `${world.misc}/zt/`],
        ],
        main:
          newsList('成都要闻', [
            ['市政府召开第52次常务会议', 'xw/52.html', printedDate(world.today, 4)],
            ['关于做好冬季供暖工作的通知', 'xw/old.html', printedDate(world.today, 6)],
            ['天府新区建设情况通报', 'xw/gone.html', printedDate(world.today, 10)],
          ]) +
          `<p><a href="/ndbb/2024.html">2024年度政府网站工作年度报表</a></p>
           <p><a href="${world.refused}/">市民服务热线平台</a> <a href="${world.misc}/head-refused.pdf">办事指南下载</a>
           <a href="javascript:void(0)">分享</a> <a href="#">返回顶部</a></p>`,
        footer: `${footer(
          '成都市人民政府办公厅',
          '5101000001',
          '蜀ICP备05001234号',
          '川公网安备 51019002000001号',
        )}<br>${errorReportBadge()}`,
      }),
    ),
    '/cdweb/': gbk(articlePage('成都市人民政府', NAME, '<p>首页</p>', 'gbk')),
    '/cdweb/search.jsp': gbk(articlePage('站内搜索', NAME, '<p>请输入关键字</p>', 'gbk')),
    '/cdweb/zwgk/': gbk(
      articlePage(
        '政务公开',
        NAME,
        '<a href="../xw/52.html">常务会议</a> <a href="/cdweb/lsxx/2018.html">2018年机构信息</a>',
        'gbk',
      ),
    ),
    '/cdweb/zcjd/': gbk(
      articlePage(
        '政策解读',
        NAME,
        newsList('政策解读', [
          ['《关于做好冬季供暖工作的通知》解读', '../xw/52.html', printedDate(world.today, 6, 'cn')],
        ]),
        'gbk',
      ),
    ),
    '/cdweb/hdjl/': gbk(
      articlePage('互动交流', NAME, '<p><a href="/cdweb/hdjl/szxx/">市长信箱</a> 在线访谈</p>', 'gbk'),
    ),
    ...letterBoxRoutes(
      {
        path: '/cdweb/hdjl/szxx/',
        name: '市长信箱',
        siteName: NAME,
        style: 'kaipu',
        charset: 'gbk',
        letters: [
          { title: '关于地铁18号线增设夜间班次的建议', asked: 15, replied: 9 },
          { title: '咨询新生儿医保参保办理', asked: 40, replied: 37 },
        ],
      },
      world.today,
    ),
    '/cdweb/xw/52.html': gbk(
      articlePage('市政府召开第52次常务会议', NAME, '<p>会议研究了冬季供暖保障工作。</p>', 'gbk'),
    ),
    '/cdweb/xw/gone.html': gbk(
      articlePage('页面不存在', NAME, '<p>抱歉，您访问的页面已删除或不存在。</p>', 'gbk'),
    ),
    '/cdweb/lsxx/2018.html': gbk(
      articlePage('2018年机构信息', NAME, '<div class="gd">本页面已归档</div><p>原机构信息。</p>', 'gbk'),
    ),
    '/cdweb/gb/': gbk(
      articlePage(
        '成都市人民政府公报',
        NAME,
        `<form action="/cdweb/gb/search.jsp"><input type="text" name="kw"><input type="submit" value="检索"></form>
         <a href="/cdweb/gb/2025-1.html">2025年第1期</a> <a href="/cdweb/gb/2025-2.html">2025年第2期</a>`,
        'gbk',
      ),
    ),
    '/cdweb/gb/2025-1.html': gbk(articlePage('2025年第1期', NAME, '<p>本期目录：市政府令第210号</p>', 'gbk')),
    '/cdweb/gb/2025-2.html': gbk(articlePage('2025年第2期', NAME, '<p>本期目录：市政府文件</p>', 'gbk')),
    '/cdweb/gb/search.jsp': gbk(articlePage('公报检索', NAME, '<p>检索结果</p>', 'gbk')),
    '/ndbb/2024.html': gbk(articlePage('2024年度政府网站工作年度报表', NAME, '<p>报表</p>', 'gbk')),
  }),
};
