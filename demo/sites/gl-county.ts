import type { IncomingMessage, ServerResponse } from 'node:http';
import { articlePage, emblem, footer, govPage, newsList } from '../gov-page.ts';
import type { Route, Routes } from '../route-server.ts';
import { commonRoutes, errorReportBadge, partyGovBadge, printedDate } from './common.ts';
import { letterBoxRoutes } from './letter-box.ts';
import type { DemoSite } from './types.ts';

const NAME = '古蔺县人民政府';
const COOKIE = 'gl_waf=passed';
/** Where its 县长信箱 lives on the city's letter platform (the demo's server of other hosts). */
const LETTER_BOX = '/zmhd/gulin/xzxx/';

/** What a 瑞数-style WAF answers a client without its cookie: 412 and a script that sets it and reloads. */
const CHALLENGE = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<script>document.cookie='${COOKIE};path=/';location.reload()</script></body></html>`;

/** Puts every route behind the WAF: the route's answer only for a client that ran the script. */
function behindWaf(routes: Routes): Routes {
  const gate = (route: Route): Route => ({
    handle(req: IncomingMessage, res: ServerResponse) {
      if (!(req.headers.cookie ?? '').includes(COOKIE)) {
        res.writeHead(412, { 'content-type': 'text/html; charset=utf-8' }).end(CHALLENGE);
        return;
      }
      if (route.handle) return route.handle(req, res);
      res.writeHead(route.status ?? 200, {
        'content-type': route.contentType ?? 'text/html; charset=utf-8',
        ...route.headers,
      });
      res.end(req.method === 'HEAD' ? undefined : route.body);
    },
  });
  return Object.fromEntries(Object.entries(routes).map(([path, route]) => [path, gate(route)]));
}

/**
 * A county portal behind a 瑞数-style WAF, whose homepage redirects to /index.shtml and links to
 * itself there. Chromium runs the WAF's script and gets the page, so the site is inspected (not
 * reported unreachable); the crawl and the link check, which run no script, only meet the challenge,
 * which makes their targets unverified rather than broken. Its homepage offers no 办事服务 entry: the
 * national indicators' 服务不实用 (未提供办事服务), a single veto, so it is rated 不合格. Its 县长信箱 is
 * on the city's letter platform, another host outside the WAF, whose letters were answered in time.
 */
export const glCounty: DemoSite = {
  host: 'www.gulin.gov.cn',
  site: {
    id: 'gl-county',
    fullName: NAME,
    level: 'county',
    kind: 'portal',
    region: '510525',
    parent: null,
    archiveRoots: [],
  },
  expected: {
    status: 'done',
    outcomes: {
      'header-full-name': 'pass',
      'gazette-column': 'not-applicable',
      'archive-label': 'pass',
      // The homepage links no 政府网站工作年度报表 at all.
      'annual-report': 'fail',
      // Every link answers the script-less link check with the WAF's 412: unverified, not broken.
      'broken-links': 'review',
      'footer-identifiers': 'pass',
      'error-report-entry': 'pass',
      'site-functions': 'fail',
      'column-domain': 'pass',
      'site-domain': 'pass',
      'content-freshness': 'review',
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
  routes: (_origin, world) =>
    behindWaf({
      ...commonRoutes(),
      '/': { status: 302, headers: { location: '/index.shtml' } },
      '/index.shtml': {
        body: govPage({
          title: `${NAME}门户网站`,
          header: `${emblem()}<a href="/index.shtml"><span class="site-name">${NAME}</span></a>`,
          nav: [
            ['首页', '/index.shtml'],
            ['政务公开', '/zwgk/'],
            ['政策解读', '/zcjd/'],
            ['互动交流', '/hdjl/'],
          ],
          main: newsList('古蔺要闻', [
            ['县政府召开常务会议', '/xw/1.html', printedDate(world.today, 9, 'cn')],
          ]),
          footer: `${footer(
            '古蔺县人民政府办公室',
            '5105250001',
            '蜀ICP备05008888号',
            '川公网安备 51052502000001号',
          )}<br>${partyGovBadge()}${errorReportBadge()}<br><a href="${world.misc}${LETTER_BOX}">县长信箱</a>`,
        }),
      },
      '/zcjd/': {
        body: articlePage(
          '政策解读',
          NAME,
          newsList('政策解读', [['县政府常务会议精神解读', '/xw/1.html', printedDate(world.today, 9, 'cn')]]),
        ),
      },
      '/hdjl/': { body: articlePage('互动交流', NAME, '<p>县长信箱</p>') },
      '/zwgk/': { body: articlePage('政务公开', NAME, '<p>目录</p>') },
      '/xw/1.html': { body: articlePage('县政府召开常务会议', NAME, '<p>会议内容。</p>') },
    }),
  elsewhere: (today) =>
    letterBoxRoutes(
      {
        path: LETTER_BOX,
        name: '古蔺县县长信箱',
        siteName: '泸州市政民互动平台',
        style: 'trs',
        letters: [{ title: '咨询城乡居民医保缴费时间', asked: 21, replied: 16 }],
      },
      today,
    ),
};
