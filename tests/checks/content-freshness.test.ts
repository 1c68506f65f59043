import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { contentFreshness } from '../../checks/content-freshness.ts';
import { readListDate } from '../../checks/lib/list-dates.ts';
import type { CrawledPage, ListItem, RenderedText } from '../../crawlers/artifacts.ts';
import { anchor, crawl, HOME, homepage, site, text } from './fixtures/builders.ts';
import {
  columnPage,
  crawledHomepage,
  entry,
  listed,
  navLink,
  pad,
  printedDaysBefore,
} from './fixtures/list-pages.ts';

const NOW = new Date('2026-11-25T10:00:00+08:00');
const ago = (days: number, now = NOW) => printedDaysBefore(now, days);
const bracketed = (days: number, now = NOW) =>
  printedDaysBefore(now, days, (_y, m, d) => `[${pad(m)}-${pad(d)}]`);

interface ColumnFixture {
  name: string;
  path: string;
  items: ListItem[];
  /** 'nav' (default): a navigation link; 'link': a link elsewhere on the homepage. */
  via?: 'nav' | 'link';
  page?: Partial<CrawledPage>;
  crawled?: boolean;
}

const column = (name: string, path: string, items: ListItem[], extra: Partial<ColumnFixture> = {}) => ({
  name,
  path,
  items,
  ...extra,
});
/** A column whose newest entry is `days` old. */
const updated = (name: string, path: string, days: number, extra: Partial<ColumnFixture> = {}) =>
  column(name, path, [entry(`${name}一`, ago(days)), entry(`${name}二`, ago(days + 3))], extra);

const FRESH_COLUMNS = [
  updated('工作动态', '/gzdt/', 3),
  updated('通知公告', '/tzgg/', 100),
  updated('机构职能', '/jgzn/', 900),
];
const FRESH_HOME = [entry('市政府常务会议召开', ago(2)), entry('旧闻', ago(40))];

function judge(
  home: ListItem[],
  columns: ColumnFixture[],
  now = NOW,
  homeOverrides: Partial<CrawledPage> = {},
  renderedTexts: RenderedText[] = [],
) {
  const links = columns.filter((c) => c.via === 'link').map((c) => anchor(c.name, c.path));
  const pages = columns.filter((c) => c.crawled !== false).map((c) => columnPage(c.path, c.items, c.page));
  const rendered = homepage({
    texts: renderedTexts,
    links: [
      navLink('首页', '/'),
      ...columns.filter((c) => c.via !== 'link').map((c) => navLink(c.name, c.path)),
    ],
  });
  return contentFreshness.run(
    {
      siteCrawl: crawl([crawledHomepage(home, { links, ...homeOverrides }), ...pages]),
      renderedHomepage: rendered,
    },
    { site: site(), now },
  );
}

const staleNews = (count: number) =>
  Array.from({ length: count }, (_, i) => updated(`区县动态${i + 1}`, `/qxdt${i + 1}/`, 20 + i));

describe('content-freshness: outcomes', () => {
  it.each<[string, ListItem[], ColumnFixture[], CheckResult['outcome'], number, boolean]>([
    ['a fresh site', FRESH_HOME, FRESH_COLUMNS, 'pass', 0, false],
    ['a homepage updated 14 days ago', [entry('新闻', ago(14))], FRESH_COLUMNS, 'pass', 0, false],
    ['a homepage 15 days stale', [entry('新闻', ago(15))], FRESH_COLUMNS, 'fail', 1, true],
    ['4 stale columns', FRESH_HOME, [...FRESH_COLUMNS, ...staleNews(4)], 'review', 4, false],
    ['5 stale columns', FRESH_HOME, [...FRESH_COLUMNS, ...staleNews(5)], 'fail', 5, true],
    [
      'a notice column 183 days old and a policy column 184 days old',
      FRESH_HOME,
      [updated('公示公告', '/gsgg/', 183), updated('规范性文件', '/gfxwj/', 184)],
      'review',
      1,
      false,
    ],
  ])('%s → %s', (_case, home, columns, outcome, findings, veto) => {
    const result = judge(home, columns);
    expect(result.outcome).toBe(outcome);
    expect(result.findings).toHaveLength(findings);
    expect(result.singleVeto !== undefined).toBe(veto);
  });

  it('fails a stale homepage as a single veto, with the newest entry as evidence', () => {
    const result = judge([entry('旧闻', ago(30)), entry('较新的新闻', bracketed(15))], FRESH_COLUMNS);
    expect(result.singleVeto).toBe('首页信息超过2周未更新（网站不更新），按国家检查指标单项否决。');
    expect(result.findings).toEqual([
      {
        url: HOME,
        message: `首页最新的信息“较新的新闻”发布于${bracketed(15)}（2026-11-10），距今15天，首页超过2周未更新（网站不更新）。`,
        evidence: {
          newestTitle: '较新的新闻',
          newestUrl: entry('较新的新闻', '').url,
          newestDateText: '[11-10]',
          newestDate: '2026-11-10',
          daysSince: 15,
          thresholdDays: 14,
          datedEntries: 2,
        },
      },
    ]);
  });

  it('fails at 5 stale columns with the single veto 栏目不更新, saying the national threshold', () => {
    const result = judge(FRESH_HOME, [...FRESH_COLUMNS, ...staleNews(4), updated('政策文件', '/zcwj/', 200)]);
    expect(result.outcome).toBe('fail');
    expect(result.singleVeto).toBe(
      '动态、要闻类栏目超过2周或通知公告、政策文件类栏目超过6个月未更新的累计5个及以上（栏目不更新），按国家检查指标单项否决。',
    );
    expect(result.findings[0]).toEqual({
      url: `${HOME}qxdt1/`,
      message: `栏目“区县动态1”最新的信息发布于${ago(20)}（${ago(20)}），距今20天，动态要闻类栏目超过2周未更新（栏目不更新）；全站累计5个动态要闻类或通知公告、政策文件类栏目不更新，达到国家检查指标“累计5个及以上”的标准。`,
      evidence: {
        column: '区县动态1',
        url: `${HOME}qxdt1/`,
        kind: 'news',
        kindName: '动态要闻类',
        source: 'navigation',
        newestTitle: '区县动态1一',
        newestUrl: entry('区县动态1一', '').url,
        newestDateText: ago(20),
        newestDate: ago(20),
        daysSince: 20,
        thresholdDays: 14,
        datedEntries: 2,
        veto: true,
      },
    });
    expect(result.findings[4]).toMatchObject({
      url: `${HOME}zcwj/`,
      evidence: { column: '政策文件', kind: 'notice-policy', thresholdDays: 183, veto: true },
    });
  });

  it('leaves blank columns to blank-columns: 4 stale and a blank one stay under the threshold', () => {
    const blank = column('政策文件', '/zcwj/', [], { page: { text: '政策文件 暂无数据' } });
    const result = judge(FRESH_HOME, [...FRESH_COLUMNS, ...staleNews(4), blank]);
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(4);
  });

  it('lists fewer stale columns for review, saying they are below the national threshold', () => {
    const result = judge(FRESH_HOME, [updated('通知公告', '/tzgg/', 200)]);
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toBe(
      `栏目“通知公告”最新的信息发布于${ago(200)}（${ago(200)}），距今200天，通知公告、政策文件类栏目超过6个月未更新（栏目不更新）；全站累计1个动态要闻类或通知公告、政策文件类栏目不更新，未达到国家检查指标的5个，需人工确认。`,
    );
    expect(result.findings[0]!.evidence).toMatchObject({ kind: 'notice-policy', thresholdDays: 183 });
  });
});

describe('content-freshness: reading the dates', () => {
  it('gives a month and day the year before across New Year', () => {
    const now = new Date('2027-01-03T09:00:00+08:00');
    const result = judge(
      [entry('元旦值班安排', '[12-28]')],
      [column('部门动态', '/bmdt/', [entry('动态', '12月10日')])],
      now,
    );
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.evidence).toMatchObject({ newestDate: '2026-12-10', daysSince: 24 });
  });

  it.each([
    ['2026-11-20', '2026-11-20'],
    ['2026/11/20', '2026-11-20'],
    ['2026.11.20', '2026-11-20'],
    ['2026年11月20日', '2026-11-20'],
    ['２０２６-１１-２０', '2026-11-20'],
    ['[2026-11-20 10:30]', '2026-11-20'],
    ['[11-20]', '2026-11-20'],
    ['【11-20】', '2026-11-20'],
    ['11/20', '2026-11-20'],
    ['11月20日', '2026-11-20'],
    ['11-26', '2026-11-26'],
    ['11-27', '2025-11-27'],
    ['11.20', '2026-11-20'],
    ['[11.20]', '2026-11-20'],
    ['20 2026-11', '2026-11-20'],
    ['2026/11 19', '2026-11-19'],
    ['2026-11 27', null],
    ['1.5', null],
    ['12.50', null],
    ['金额 11.20 万元', null],
    ['02-29', '2024-02-29'],
    ['2026-11-26', '2026-11-26'],
    ['2026-11-27', null],
    ['2027-03-01', null],
    ['2026-02-30', null],
    ['13-01', null],
    ['置顶', null],
  ])('reads %s on 2026-11-25 as %s', (text, expected) => {
    expect(readListDate(text, { year: 2026, month: 11, day: 25 })).toBe(expected);
  });

  it.each<[string, string, string | null]>([
    ['[11-20]', '/gzdt/202411/t20241120_123456.html', '2024-11-20'],
    ['11月20日', '/xwdt/2024/11/20/a1.html', '2024-11-20'],
    ['11/20', '/art/20241120/1.html', '2024-11-20'],
    ['[11-20]', '/zwgk/202411/abc.html', '2024-11-20'],
    ['[11-20]', '/gzdt/t20241119_1.html', '2026-11-20'],
    ['[11-20]', '/zwgk/202410/abc.html', '2026-11-20'],
    ['[11-20]', '/art/1.html?date=20241120', '2026-11-20'],
    ['[02-29]', '/tzgg/t20230229_1.html', '2024-02-29'],
    ['2025-11-20', '/gzdt/t20241120_1.html', '2025-11-20'],
    ['[11-27]', '/gzdt/t20261127_1.html', null],
  ])('reads %s of %s on 2026-11-25 as %s', (text, path, expected) => {
    expect(readListDate(text, { year: 2026, month: 11, day: 25 }, new URL(path, HOME).href)).toBe(expected);
  });

  it('fails a column printing month and day only when its entry URLs give an old year', () => {
    const result = judge(FRESH_HOME, [
      column('工作动态', '/gzdt/', [
        entry('旧闻一', bracketed(5), '/gzdt/202411/t20241120_1.html'),
        entry('旧闻二', bracketed(9), '/gzdt/202411/t20241116_2.html'),
      ]),
    ]);
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toContain(
      '最新的信息发布于[11-20]（2024-11-20，年份取自信息的链接地址），距今735天',
    );
    expect(result.findings[0]!.evidence).toMatchObject({ newestDate: '2024-11-20', daysSince: 735 });
  });

  it('reads a month and day one day ahead as tomorrow, also across New Year', () => {
    expect(readListDate('[01-01]', { year: 2026, month: 12, day: 31 })).toBe('2027-01-01');
    expect(readListDate('[01-02]', { year: 2026, month: 12, day: 31 })).toBe('2026-01-02');
  });

  it('ignores dates after today, by more than a day, when finding the newest entry', () => {
    const result = judge([entry('误填日期', '2027-03-01'), entry('新闻', ago(20))], FRESH_COLUMNS);
    expect(result.outcome).toBe('fail');
    expect(result.findings[0]!.evidence).toMatchObject({ newestDateText: ago(20), datedEntries: 1 });
  });

  it('counts days on the Shanghai calendar: 23:30 UTC is already the next day there', () => {
    const late = new Date('2026-11-09T23:30:00Z');
    expect(judge([entry('新闻', '2026-10-26')], [], late).outcome).toBe('fail');
    expect(judge([entry('新闻', '2026-10-27')], [], late).outcome).toBe('pass');
  });
});

describe('content-freshness: a column judged on its own list, not the lists every page prints', () => {
  const MAIN = 'body>div.main>ul.list';
  const SIDE = 'body>div.side>ul';
  const sidebar = (days: number) =>
    listed(
      SIDE,
      entry(`全省经济运行情况${days}`, ago(days)),
      entry(`省政府常务会议${days}`, ago(days + 1)),
      entry(`热点解读${days}`, ago(days + 2)),
    );
  const own = (days: number, list = MAIN) =>
    listed(list, entry(`${list}${days}一`, ago(days)), entry(`${list}${days}二`, ago(days + 2)));
  const notices = listed(MAIN, entry('关于冬季防火的通知', ago(30)));
  /** A third column page carrying the sidebar: a sidebar is on every page, at least two others. */
  const third = column('部门动态', '/bmdt/', [...sidebar(1), ...listed(MAIN, entry('部门工作简报', ago(2)))]);

  it.each<[string, ListItem[], ColumnFixture[], CheckResult['outcome'], Record<string, unknown>[]]>([
    [
      'a stale column beside a fresh sidebar the homepage prints',
      [...FRESH_HOME, ...sidebar(1)],
      [column('工作动态', '/gzdt/', [...sidebar(1), ...own(40)])],
      'review',
      [{ column: '工作动态', newestDate: ago(40), datedEntries: 2, selector: MAIN }],
    ],
    [
      'a stale column beside a fresh sidebar other columns print',
      FRESH_HOME,
      [
        column('工作动态', '/gzdt/', [...sidebar(1), ...own(40)]),
        column('通知公告', '/tzgg/', [...sidebar(1), ...notices]),
        third,
      ],
      'review',
      [{ column: '工作动态', newestDate: ago(40) }],
    ],
    ['a column whose only list is fine', FRESH_HOME, [column('工作动态', '/gzdt/', own(3))], 'pass', []],
    [
      'a stale column reached twice (/tzgg/ and /tzgg/index.html): one column, not a sidebar of itself',
      FRESH_HOME,
      [
        column('通知公告', '/tzgg/', [...listed(MAIN, entry('关于秋季防火的通知', ago(200)))]),
        column('通知公告', '/tzgg/index.html', [...listed(MAIN, entry('关于秋季防火的通知', ago(200)))]),
      ],
      'review',
      [{ column: '通知公告', newestDate: ago(200) }],
    ],
    [
      'a fresh column beside a stale sidebar the homepage prints',
      [...FRESH_HOME, ...sidebar(60)],
      [column('工作动态', '/gzdt/', [...sidebar(60), ...own(3)])],
      'pass',
      [],
    ],
    [
      'a fresh short column the homepage prints whole',
      [...FRESH_HOME, ...own(3)],
      [column('工作动态', '/gzdt/', own(3))],
      'pass',
      [],
    ],
    [
      'a stale short column the homepage prints whole',
      [...FRESH_HOME, ...own(20)],
      [column('工作动态', '/gzdt/', own(20))],
      'review',
      [{ column: '工作动态', newestDate: ago(20) }],
    ],
    [
      'a column showing only the sidebar other columns print',
      FRESH_HOME,
      [
        column('工作动态', '/gzdt/', sidebar(1)),
        column('通知公告', '/tzgg/', [...sidebar(1), ...notices]),
        third,
      ],
      'review',
      [{ column: '工作动态', blank: 'only-shared-lists', listItems: 3 }],
    ],
    [
      'a column saying 暂无数据 beside the sidebar',
      FRESH_HOME,
      [
        column('政策文件', '/zcwj/', sidebar(1), { page: { text: '政策文件 暂无数据 最新动态' } }),
        column('通知公告', '/tzgg/', [...sidebar(1), ...notices]),
        third,
      ],
      // Blank: judged by blank-columns, not here.
      'pass',
      [],
    ],
    [
      'a stale list another column page only links to, undated',
      FRESH_HOME,
      [
        column('工作动态', '/gzdt/', own(40)),
        column('政务公开', '/zwgk/', [], {
          page: { links: own(40).map(({ url, title }) => ({ url, kind: 'anchor', text: title })) },
        }),
      ],
      'review',
      [{ column: '工作动态', newestDate: ago(40) }],
    ],
    [
      'a fresh pinned entry above a stale list',
      FRESH_HOME,
      [column('工作动态', '/gzdt/', [...listed('body>div.top', entry('置顶', ago(1))), ...own(40)])],
      'review',
      [{ column: '工作动态', newestDate: ago(40) }],
    ],
    [
      'two lists of two entries: the first in the page',
      FRESH_HOME,
      [column('工作动态', '/gzdt/', [...own(40, 'body>div.a>ul'), ...own(1, 'body>div.b>ul')])],
      'review',
      [{ column: '工作动态', newestDate: ago(40), selector: 'body>div.a>ul' }],
    ],
    [
      'entries of an older crawl, with no list, as one list',
      [...FRESH_HOME, ...sidebar(1).map(({ list: _, ...item }) => item)],
      [
        column(
          '工作动态',
          '/gzdt/',
          [...sidebar(1), ...own(40)].map(({ list: _, ...item }) => item),
        ),
      ],
      'pass',
      [],
    ],
  ])('%s', (_case, home, columns, outcome, evidence) => {
    const result = judge(home, columns);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((finding) => finding.evidence)).toEqual(
      evidence.map((expected) => expect.objectContaining(expected)),
    );
  });

  it('says a column shows only lists other pages print', () => {
    const result = judge(FRESH_HOME, [
      column('工作动态', '/gzdt/', sidebar(1)),
      column('通知公告', '/tzgg/', [...sidebar(1), ...notices]),
      third,
    ]);
    expect(result.findings[0]!.message).toBe(
      '栏目“工作动态”的页面上标注日期的信息条目都在其他页面也有的列表中（如侧栏的最新动态、热点信息），没有读到栏目自己的信息列表：可能是空白栏目，也可能是栏目列表的写法无法自动识别，需人工查看（不计入累计数）。',
    );
  });
});

describe('content-freshness: the homepage', () => {
  it('gives review when the homepage has no dated entry (a date widget is not one)', () => {
    const result = judge([], FRESH_COLUMNS, NOW, { text: '今天是2026年11月25日 星期三 首页 工作动态' });
    expect(result.outcome).toBe('review');
    expect(result.findings).toEqual([
      {
        url: HOME,
        message: '首页没有找到标注发布日期的信息条目，无法自动判断首页是否在2周内更新，需人工查看。',
        evidence: { listItems: 0 },
      },
    ]);
  });

  it('gives review when the homepage could not be crawled', () => {
    const result = judge([], FRESH_COLUMNS, NOW, { status: 503 });
    expect(result.outcome).toBe('review');
    expect(result.findings[0]!.message).toBe(
      '首页返回 HTTP 503，无法判断首页信息是否在2周内更新，需人工查看。',
    );
  });
});

describe('content-freshness: the rendered homepage before a single veto', () => {
  const STALE_HOME = [entry('旧闻', ago(30))];
  it.each<[string, RenderedText[], CheckResult['outcome'], boolean]>([
    ['no dates shown', [text('工作动态')], 'fail', true],
    ['the header widget in one text', [text('今天是2026年11月25日 星期三')], 'fail', true],
    ['the widget in pieces', [text('今天是'), text('2026年11月25日'), text('星期三')], 'fail', true],
    ['a date and weekday apart', [text('2026-11-25'), text('周三')], 'fail', true],
    [
      'a recent date hidden',
      [text('2026-11-20', { visible: false, hiddenReason: 'display-none' })],
      'fail',
      true,
    ],
    ['a date 15 days old', [text(ago(15))], 'fail', true],
    ['a date 14 days old', [text('工作动态'), text(ago(14))], 'review', false],
    ['a month and day from a script-written list', [text('[11-20]')], 'review', false],
    [
      'a summary speaking of 今天 beside a date',
      [text('今天上午，市长主持召开常务会议。'), text(ago(3))],
      'review',
      false,
    ],
  ])('%s', (_case, texts, outcome, veto) => {
    const result = judge(STALE_HOME, FRESH_COLUMNS, NOW, {}, texts);
    expect(result.outcome).toBe(outcome);
    expect(result.singleVeto !== undefined).toBe(veto);
  });

  it('says the rendered page shows a recent date the list reader could not attribute', () => {
    const result = judge(STALE_HOME, FRESH_COLUMNS, NOW, {}, [text(ago(3), { selector: 'div.news > span' })]);
    expect(result.findings).toEqual([
      {
        url: HOME,
        message: `首页列表中读到的最新信息“旧闻”发布于${ago(30)}（${ago(30)}），距今30天；但渲染后的首页显示近期日期“${ago(3)}”（${ago(3)}，距今3天），未能确定它属于哪条信息，需人工确认首页是否超过2周未更新。`,
        evidence: {
          newestTitle: '旧闻',
          newestUrl: entry('旧闻', '').url,
          newestDateText: ago(30),
          newestDate: ago(30),
          daysSince: 30,
          thresholdDays: 14,
          datedEntries: 1,
          text: ago(3),
          selector: 'div.news > span',
        },
      },
    ]);
  });
});

describe('content-freshness: columns with no dated entries we could read', () => {
  const unread = (i: number) =>
    column(`工作动态${i}`, `/gzdt${i}/`, [], { page: { text: '工作动态 20 2026-11' } });

  it('lists them for review without counting them toward the national limit', () => {
    const result = judge(FRESH_HOME, [...staleNews(4), ...[1, 2, 3].map(unread)]);
    expect(result.outcome).toBe('review');
    expect(result.singleVeto).toBeUndefined();
    expect(result.findings).toHaveLength(7);
    expect(result.findings[0]!.message).toContain(
      '全站累计4个动态要闻类或通知公告、政策文件类栏目不更新，未达到国家检查指标的5个',
    );
    expect(result.findings[4]).toEqual({
      url: `${HOME}gzdt1/`,
      message:
        '栏目“工作动态1”的页面上没有读到标注日期的信息条目：可能是空白栏目，也可能是页面日期的写法无法自动识别，需人工查看（不计入累计数）。',
      evidence: {
        column: '工作动态1',
        url: `${HOME}gzdt1/`,
        kind: 'news',
        kindName: '动态要闻类',
        source: 'navigation',
        blank: 'no-dated-entries',
      },
    });
  });

  it('does not fail a site whose every column prints dates we cannot read', () => {
    const result = judge(FRESH_HOME, [1, 2, 3, 4, 5, 6].map(unread));
    expect(result.outcome).toBe('review');
    expect(result.findings).toHaveLength(6);
  });
});

describe('content-freshness: which columns', () => {
  it('leaves a blank column, whatever its name, to blank-columns', () => {
    const result = judge(FRESH_HOME, [
      ...FRESH_COLUMNS,
      column('人事信息', '/rsxx/', [], { page: { text: '首页 > 人事信息 暂无 信息' } }),
    ]);
    expect(result).toEqual({ outcome: 'pass', findings: [] });
  });

  it('takes homepage links naming a column, not article titles, not 新闻发布会 or downloads', () => {
    const result = judge(FRESH_HOME, [
      updated('区县动态', '/qxdt/', 30, { via: 'link' }),
      updated('全市安全生产工作动态通报第十二期', '/art/1.html', 30, { via: 'link' }),
      updated('新闻发布会', '/xwfbh/', 30, { via: 'link' }),
      updated('文件下载', '/wjxz/', 400, { via: 'link' }),
    ]);
    expect(result.findings.map((f) => f.evidence)).toEqual([
      expect.objectContaining({ column: '区县动态', source: 'homepage-link', kind: 'news' }),
    ]);
  });

  it('leaves out columns not crawled or not answering, and the homepage itself', () => {
    const result = judge(FRESH_HOME, [
      updated('工作动态', '/gzdt/', 30, { crawled: false }),
      updated('通知公告', '/tzgg/', 300, { page: { status: 404 } }),
      updated('政务要闻', '/zwyw/', 30, {
        page: { challenge: { vendor: 'waf-412', status: 412, evidence: '' } },
      }),
    ]);
    expect(result).toEqual({ outcome: 'pass', findings: [] });
  });

  it('judges a column linked twice once', () => {
    const result = judge(FRESH_HOME, [
      updated('工作动态', '/gzdt/', 30),
      updated('工作动态', '/gzdt/', 30, { via: 'link', crawled: false }),
    ]);
    expect(result.findings).toHaveLength(1);
  });

  it('judges a column of another kind only when blank', () => {
    expect(judge(FRESH_HOME, [updated('机构概况', '/jggk/', 2000)]).outcome).toBe('pass');
  });
});
