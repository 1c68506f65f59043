import { describe, expect, it } from 'vitest';
import { annualReport } from '../../checks/annual-report.ts';
import { archiveLabel } from '../../checks/archive-label.ts';
import { blankColumns } from '../../checks/blank-columns.ts';
import { brokenLinks } from '../../checks/broken-links.ts';
import type { CheckResult, Finding } from '../../checks/check.ts';
import { columnDomain } from '../../checks/column-domain.ts';
import { contentFreshness } from '../../checks/content-freshness.ts';
import { errorReportEntry } from '../../checks/error-report-entry.ts';
import { footerIdentifiers } from '../../checks/footer-identifiers.ts';
import { futureDates } from '../../checks/future-dates.ts';
import { gazetteColumn } from '../../checks/gazette-column.ts';
import { headerFullName } from '../../checks/header-full-name.ts';
import { hiddenLinks } from '../../checks/hidden-links.ts';
import { homepageAvailability } from '../../checks/homepage-availability.ts';
import { httpsSecurity } from '../../checks/https-security.ts';
import { CHECKS } from '../../checks/index.ts';
import { interactionResponse } from '../../checks/interaction-response.ts';
import { longUnupdatedColumns } from '../../checks/long-unupdated-columns.ts';
import { siteDomain } from '../../checks/site-domain.ts';
import { siteFunctions } from '../../checks/site-functions.ts';
import { wordingErrors } from '../../checks/wording-errors.ts';
import type {
  HeaderOcr,
  HomepageAvailability,
  Letter,
  LinkStatus,
  ListItem,
} from '../../crawlers/artifacts.ts';
import { evidenceDigest, findingId } from '../../src/adjudication/finding-id.ts';
import type { Site } from '../../src/registry/site.ts';
import {
  anchor,
  crawl,
  graphic,
  HOME,
  homepage,
  link,
  linkStatuses,
  page,
  site,
  text,
} from '../checks/fixtures/builders.ts';
import { crawledHomepage, entry, printedDaysBefore } from '../checks/fixtures/list-pages.ts';
import { transport } from '../checks/fixtures/transport.ts';

const NOW = new Date('2026-11-20T10:00:00+08:00');
/** A quarterly patrol two weeks later. */
const LATER = new Date('2026-12-03T10:00:00+08:00');
const ctx = (now = NOW, overrides: Partial<Site> = {}) => ({ site: site(overrides), now });

interface Case {
  rule: string;
  /** The problem as a first sweep found it. */
  earlier: () => CheckResult;
  /** The same problem found again later: only volatile evidence differs. */
  again: () => CheckResult;
  /** The same finding resting on other evidence. */
  changed: () => CheckResult;
}

/** The identity of the first finding (or the one `pick` chooses). */
function identity(rule: string, result: CheckResult, pick: (f: Finding) => boolean = () => true) {
  const finding = result.findings.find(pick);
  if (!finding) throw new Error(`${rule}: no finding in ${JSON.stringify(result)}`);
  return { id: findingId('cd-portal', rule, finding), digest: evidenceDigest(rule, finding) };
}

const banner = (confidence: number): HeaderOcr => ({
  engine: 'tesseract chi_sim',
  durationMs: confidence * 3,
  readings: [
    {
      region: { x: 40, y: 30 + (confidence % 2), width: 420, height: 80 },
      psm: 11,
      scale: 1,
      lines: [{ words: [{ text: '成都市政府', confidence, height: 44 }] }],
    },
  ],
});
const todayLine = (date: string) =>
  text(`今天是${date} 星期五`, { selector: 'header .date', box: { x: 900, y: 10, width: 200, height: 20 } });

const soft404 = (fingerprintUrl: string, similarity: number): Partial<LinkStatus> => ({
  verdict: 'broken',
  status: 200,
  method: 'GET',
  attempts: similarity > 0.96 ? 1 : 2,
  durationMs: similarity * 1000,
  softNotFound: {
    evidence: `与本站不存在网页的应答一致（标题“页面不存在”，文字相似度 ${similarity.toFixed(2)}）`,
    by: 'not-found-page',
    fingerprint: {
      url: fingerprintUrl,
      status: 200,
      finalUrl: fingerprintUrl,
      redirects: [],
      title: '页面不存在',
      length: 120,
      textStart: '抱歉，您访问的页面不存在',
    },
    likeness: { title: 1, text: similarity, differing: 3, lengths: [121, 120] },
  },
});

const FOOTER = { inHeader: false, selector: 'div.footer', box: { x: 0, y: 1400, width: 1366, height: 60 } };
const footer = (visits: number, y = 1400) =>
  text(`主办：成都市人民政府办公厅 网站标识码：5101000001 川公网安备 51010402000507号 访问量：${visits}`, {
    ...FOOTER,
    box: { ...FOOTER.box, y },
  });
const BADGE = graphic({
  src: 'https://dcs.conac.cn/image/red.png',
  selector: 'div.footer span#_ideConac img',
});
const NEWS = (count: number) => Array.from({ length: count }, (_, i) => link(`新闻${i}`, `/xw/${i}.html`));
const nav = (label: string, href: string) =>
  link(label, href, { box: { x: 100, y: 170, width: 80, height: 40 } });

const GAZETTE = `${HOME}zfgb/`;
const issues = (count: number) =>
  Array.from({ length: count }, (_, i) => anchor(`2026年第${i + 1}期`, `/zfgb/2026/${i + 1}/`));
function gazette(issueCount: number, crawledIssues = issueCount): CheckResult {
  const pdf = anchor('公报2026年第1期', '/zfgb/2026/1/gb.pdf', 'attachment');
  const column = page(GAZETTE, { title: '政府公报', links: [...issues(issueCount), pdf] });
  const crawled = issues(crawledIssues).map((issue) => page(issue.url));
  return gazetteColumn.run(
    {
      renderedHomepage: homepage({ links: [link('政府公报', '/zfgb/')] }),
      siteCrawl: crawl([page(HOME, { depth: 0 }), column, ...crawled]),
    },
    ctx(),
  );
}

const stale = (now: Date, newestDays: number) =>
  contentFreshness.run(
    {
      siteCrawl: crawl([
        crawledHomepage([
          entry('市政府常务会议召开', printedDaysBefore(NOW, newestDays)),
          entry('旧闻', printedDaysBefore(NOW, 60)),
        ]),
      ]),
      renderedHomepage: homepage(),
    },
    ctx(now),
  );

const availability = (overrides: Partial<HomepageAvailability>): HomepageAvailability => ({
  method: 'scheduled-probes',
  from: '2026-09-30T16:00:00.000Z',
  to: NOW.toISOString(),
  probes: 50 * 48,
  failures: 200,
  daysProbed: 50,
  fullDays: 50,
  failedSamples: [
    { at: '2026-11-19T02:00:00.000Z', url: HOME, ok: false, error: 'TIMEOUT', durationMs: 15_000 },
  ],
  episodes: [],
  episodeCount: 0,
  ...overrides,
});

/** A department whose host is not a sub-domain of its portal's. */
const department = {
  site: site({
    id: 'edu-dept',
    kind: 'department',
    parent: 'sc-portal',
    homepage: 'https://www.scedu.gov.cn/',
  }),
  parentHomepage: 'https://www.sc.gov.cn/',
};

const mixed = (urls: string[]) =>
  homepage({ resources: urls.map((url) => ({ url, kind: 'image' as const })) });

const CASES: Case[] = [
  {
    rule: 'header-full-name',
    earlier: () =>
      headerFullName.run(
        { renderedHomepage: homepage({ texts: [text('成都市政府'), todayLine('2026年11月20日')] }) },
        ctx(),
      ),
    again: () =>
      headerFullName.run(
        {
          renderedHomepage: homepage({
            texts: [
              text('成都市政府', { box: { x: 201, y: 41, width: 300, height: 40 } }),
              todayLine('2026年12月3日'),
            ],
            headerScreenshotPath: 'sweep-2/cd-portal/header.png',
            settle: { waitedMs: 1400, cappedOut: false },
          }),
        },
        ctx(LATER),
      ),
    changed: () =>
      headerFullName.run({ renderedHomepage: homepage({ texts: [text('成都市人民')] }) }, ctx(LATER)),
  },
  {
    rule: 'header-full-name',
    earlier: () =>
      headerFullName.run(
        { renderedHomepage: homepage({ graphics: [graphic()] }), headerOcr: banner(91) },
        ctx(),
      ),
    again: () =>
      headerFullName.run(
        {
          renderedHomepage: homepage({ graphics: [graphic()], headerScreenshotPath: 'sweep-2/header.png' }),
          headerOcr: banner(94),
        },
        ctx(LATER),
      ),
    changed: () =>
      headerFullName.run(
        {
          renderedHomepage: homepage({ graphics: [graphic({ src: `${HOME}images/banner-2027.png` })] }),
          headerOcr: banner(91),
        },
        ctx(LATER),
      ),
  },
  {
    rule: 'gazette-column',
    earlier: () => gazette(2),
    again: () => gazette(3),
    changed: () => gazette(3, 2),
  },
  {
    rule: 'archive-label',
    earlier: () =>
      archiveLabel.run(
        {
          siteCrawl: crawl([
            page('/archive/2019/a.html', {
              title: '关于做好2019年防汛工作的通知',
              text: '今天是2026年11月20日 正文',
            }),
          ]),
        },
        ctx(NOW, { archiveRoots: ['/archive/'] }),
      ),
    again: () =>
      archiveLabel.run(
        {
          siteCrawl: crawl([
            page('/archive/2019/a.html', {
              title: '关于做好2019年防汛工作的通知',
              text: '今天是2026年12月3日 正文',
            }),
          ]),
        },
        ctx(LATER, { archiveRoots: ['/archive/'] }),
      ),
    changed: () =>
      archiveLabel.run(
        {
          siteCrawl: crawl([
            page('/archive/2019/a.html', {
              title: '关于做好2019年防汛工作的通知',
              text: '本页面已归档 正文',
              archiveLines: [{ text: '本页面已归档', own: '本页面已归档' }],
            }),
          ]),
        },
        ctx(LATER, { archiveRoots: ['/archive/'] }),
      ),
  },
  {
    rule: 'annual-report',
    earlier: () => annualReport.run({ renderedHomepage: homepage({ links: NEWS(5) }) }, ctx()),
    again: () => annualReport.run({ renderedHomepage: homepage({ links: NEWS(8) }) }, ctx(LATER)),
    // A year on, another year's report is asked for.
    changed: () =>
      annualReport.run(
        { renderedHomepage: homepage({ links: NEWS(8) }) },
        ctx(new Date('2027-11-20T10:00:00+08:00')),
      ),
  },
  {
    rule: 'broken-links',
    earlier: () =>
      brokenLinks.run(
        {
          linkStatuses: linkStatuses([
            { target: `${HOME}xw/1.html`, status: soft404(`${HOME}xw/3f9a1c7e2b4d5a6f.html`, 0.97) },
          ]),
        },
        ctx(),
      ),
    again: () =>
      brokenLinks.run(
        {
          linkStatuses: linkStatuses([
            { target: `${HOME}xw/1.html`, status: soft404(`${HOME}xw/77b0e1d2c3a4f5e6.html`, 0.95) },
          ]),
        },
        ctx(LATER),
      ),
    changed: () =>
      brokenLinks.run(
        {
          linkStatuses: linkStatuses([
            { target: `${HOME}xw/1.html`, status: { verdict: 'broken', status: 404 } },
          ]),
        },
        ctx(LATER),
      ),
  },
  {
    rule: 'footer-identifiers',
    earlier: () =>
      footerIdentifiers.run(
        { renderedHomepage: homepage({ texts: [footer(120_345)], graphics: [BADGE] }) },
        ctx(),
      ),
    again: () =>
      footerIdentifiers.run(
        { renderedHomepage: homepage({ texts: [footer(131_007, 1420)], graphics: [BADGE] }) },
        ctx(LATER),
      ),
    changed: () =>
      footerIdentifiers.run(
        {
          renderedHomepage: homepage({
            texts: [
              footer(131_007),
              text('蜀ICP备05003828号', { ...FOOTER, visible: false, hiddenReason: 'display-none' }),
            ],
            graphics: [BADGE],
          }),
        },
        ctx(LATER),
      ),
  },
  {
    rule: 'error-report-entry',
    earlier: () => errorReportEntry.run({ renderedHomepage: homepage({ links: NEWS(10) }) }, ctx()),
    again: () => errorReportEntry.run({ renderedHomepage: homepage({ links: NEWS(14) }) }, ctx(LATER)),
    changed: () =>
      errorReportEntry.run(
        {
          renderedHomepage: homepage({
            links: [
              ...NEWS(14),
              link('我为政府网站找错', 'https://zfwzgl.www.gov.cn/exposure/jiucuo.html', {
                visible: false,
                hiddenReason: 'display-none',
              }),
            ],
          }),
        },
        ctx(LATER),
      ),
  },
  {
    rule: 'site-functions',
    earlier: () =>
      siteFunctions.run(
        {
          renderedHomepage: homepage({
            links: [link('政务公开', '/zwgk/'), link('政策解读', '/zcjd/'), link('政务服务', '/zwfw/')],
          }),
        },
        ctx(),
      ),
    again: () =>
      siteFunctions.run(
        {
          renderedHomepage: homepage({
            links: [
              link('政务公开', '/zwgk/'),
              link('政策解读', '/zcjd/'),
              link('政务服务', '/zwfw/'),
              ...NEWS(4),
            ],
          }),
        },
        ctx(LATER),
      ),
    changed: () =>
      siteFunctions.run(
        {
          renderedHomepage: homepage({
            links: [
              link('政务公开', '/zwgk/'),
              link('政策解读', '/zcjd/'),
              link('政务服务', '/zwfw/'),
              link('互动交流', '/hdjl/', { visible: false, hiddenReason: 'display-none' }),
            ],
          }),
        },
        ctx(LATER),
      ),
  },
  {
    rule: 'column-domain',
    earlier: () =>
      columnDomain.run(
        {
          renderedHomepage: homepage({
            links: [nav('首页', '/'), nav('专题专栏', 'https://zt.cdnews.cn/2026/')],
          }),
        },
        ctx(),
      ),
    // Relabelled, with a session id in its address: the same link.
    again: () =>
      columnDomain.run(
        {
          renderedHomepage: homepage({
            links: [nav('首页', '/'), nav('专题', 'https://zt.cdnews.cn/2026/;jsessionid=A1B2')],
          }),
        },
        ctx(LATER),
      ),
    changed: () =>
      columnDomain.run(
        {
          renderedHomepage: homepage({
            links: [nav('首页', '/'), nav('网上办事', 'https://zt.cdnews.cn/2026/')],
          }),
        },
        ctx(LATER),
      ),
  },
  {
    rule: 'site-domain',
    earlier: () => siteDomain.run({}, { ...department, now: NOW }),
    again: () => siteDomain.run({}, { ...department, now: LATER }),
    // The portal it belongs to moved to another domain.
    changed: () =>
      siteDomain.run({}, { ...department, parentHomepage: 'https://www.sichuan.gov.cn/', now: LATER }),
  },
  {
    rule: 'content-freshness',
    earlier: () => stale(NOW, 40),
    // Two weeks on, the same newest entry, 14 days older.
    again: () => stale(LATER, 40),
    changed: () => stale(LATER, 30),
  },
  {
    rule: 'homepage-availability',
    earlier: () => homepageAvailability.run({ availability: availability({}) }, ctx()),
    again: () =>
      homepageAvailability.run(
        {
          availability: availability({
            to: LATER.toISOString(),
            probes: 63 * 48,
            failures: 250,
            daysProbed: 63,
            fullDays: 63,
          }),
        },
        ctx(LATER),
      ),
    // The next quarter's window: new failures, another problem to decide.
    changed: () =>
      homepageAvailability.run(
        { availability: availability({ from: '2026-12-31T16:00:00.000Z', to: '2027-02-01T02:00:00.000Z' }) },
        ctx(new Date('2027-02-01T10:00:00+08:00')),
      ),
  },
  {
    rule: 'https-security',
    earlier: () =>
      httpsSecurity.run(
        {
          transport: transport(),
          renderedHomepage: mixed(['http://img.chengdu.gov.cn/a.png', 'http://img.chengdu.gov.cn/b.png']),
        },
        ctx(),
      ),
    // The browser listed the same resources in another order.
    again: () =>
      httpsSecurity.run(
        {
          transport: transport(),
          renderedHomepage: mixed(['http://img.chengdu.gov.cn/b.png', 'http://img.chengdu.gov.cn/a.png']),
        },
        ctx(LATER),
      ),
    changed: () =>
      httpsSecurity.run(
        { transport: transport(), renderedHomepage: mixed(['http://img.chengdu.gov.cn/c.png']) },
        ctx(LATER),
      ),
  },
  {
    rule: 'wording-errors',
    earlier: () => wording('卢州市召开防汛工作会议。', NOW),
    // The page found again next quarter, the same sentence further down it.
    again: () => wording('工作动态。卢州市召开防汛工作会议。', LATER),
    changed: () => wording('卢州市召开安全生产会议。', LATER),
  },
  {
    rule: 'future-dates',
    earlier: () => dated(NOW, '县政府召开专题会议', '2027-01-05'),
    // A sweep later the same entry, fewer days ahead.
    again: () => dated(LATER, '县政府召开专题会议', '2027-01-05'),
    changed: () => dated(LATER, '县政府召开专题会议', '2027-01-06'),
  },
  {
    rule: 'hidden-links',
    earlier: () => hiddenLinks.run({ renderedHomepage: darkLink('购物', 'body > div > a') }, ctx()),
    // The page was rebuilt around the same hidden link.
    again: () => hiddenLinks.run({ renderedHomepage: darkLink('购物', 'body > div.x > a') }, ctx(LATER)),
    changed: () => hiddenLinks.run({ renderedHomepage: darkLink('太阳城', 'body > div > a') }, ctx(LATER)),
  },
  {
    rule: 'interaction-response',
    earlier: () => letterBox({ state: '办理中' }, NOW),
    // A sweep later the letter still waits, for more days.
    again: () => letterBox({ state: '办理中' }, LATER),
    changed: () => letterBox({ state: '已回复', repliedText: '2026-11-25' }, LATER),
  },
  {
    rule: 'blank-columns',
    earlier: () => blankColumns.run(oneColumn([], '人事信息 暂无信息'), ctx()),
    // A quarter later the same page says the same.
    again: () => blankColumns.run(oneColumn([], '人事信息 暂无信息 返回顶部'), ctx(LATER)),
    changed: () => blankColumns.run(oneColumn([], '人事信息 栏目建设中'), ctx(LATER)),
  },
  {
    rule: 'long-unupdated-columns',
    earlier: () =>
      longUnupdatedColumns.run(oneColumn([entry('2024年人事任免', '2024-10-08', '/rsxx/1.html')]), ctx()),
    // A quarter later the same newest entry, older by the days gone.
    again: () =>
      longUnupdatedColumns.run(
        oneColumn([entry('2024年人事任免', '2024-10-08', '/rsxx/1.html')]),
        ctx(LATER),
      ),
    changed: () =>
      longUnupdatedColumns.run(
        oneColumn([entry('2024年人事公示', '2024-10-09', '/rsxx/2.html')]),
        ctx(LATER),
      ),
  },
];

/** A site whose navigation leads to one column, 人事信息, with these entries and this text. */
function oneColumn(listItems: ListItem[], text = '') {
  return {
    siteCrawl: crawl([crawledHomepage([]), page('/rsxx/', { title: '人事信息', listItems, text })]),
    renderedHomepage: homepage({
      links: [link('人事信息', '/rsxx/', { box: { x: 100, y: 170, width: 80, height: 40 } })],
    }),
  };
}

function wording(body: string, now: Date): CheckResult {
  return wordingErrors.run(
    {
      renderedHomepage: homepage(),
      siteCrawl: crawl([page('/', { depth: 0 }), page('/xwzx/1.html', { text: body })]),
    },
    ctx(now),
  );
}

function dated(now: Date, title: string, dateText: string): CheckResult {
  const listed = crawledHomepage([entry(title, dateText, '/xw/1.html')]);
  return futureDates.run({ siteCrawl: crawl([listed]) }, ctx(now));
}

/** A 县长信箱 whose one letter, asked on 2026-06-01, is in this state. */
function letterBox(more: Partial<Letter>, now: Date): CheckResult {
  const letter: Letter = {
    title: '咨询农村危房改造补助标准',
    url: `${HOME}hdjl/xzxx/202606/t20260601_1.html`,
    askedText: '2026-06-01',
    from: 'table',
    ...more,
  };
  return interactionResponse.run(
    {
      renderedHomepage: homepage({ links: [link('县长信箱', '/hdjl/xzxx/')] }),
      siteCrawl: crawl([page('/hdjl/xzxx/', { title: '县长信箱', letters: [letter] })]),
    },
    ctx(now),
  );
}

function darkLink(text: string, selector: string) {
  const target = 'https://x.example/';
  const html = `<a href="${target}">${text}</a>`;
  return homepage({ hiddenLinks: [{ target, text, selector, how: 'display-none', html }] });
}

describe('finding identity per rule, on the checks’ own findings', () => {
  it('covers every rule', () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(CHECKS.map((check) => check.meta.id)));
  });

  it.each(CASES.map((c, i) => [`${c.rule} #${i}`, c] as const))(
    '%s: found again later, same id and digest; on other evidence, same id and another digest',
    (_name, { rule, earlier, again, changed }) => {
      const first = identity(rule, earlier());
      expect(identity(rule, again())).toEqual(first);
      const other = identity(rule, changed());
      expect(other.id).toBe(first.id);
      expect(other.digest).not.toBe(first.digest);
    },
  );
});
