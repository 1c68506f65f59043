import type { CrawledPage, RenderedHomepage } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { type CalendarDay, shanghaiDay } from './lib/calendar.ts';
import { type ColumnList, columnList } from './lib/column-list.ts';
import { type Column, type ColumnKind, homepageColumns } from './lib/homepage-columns.ts';
import { type DatedItem, datedItems, newestShownDate } from './lib/list-dates.ts';
import { pageAnswer, unusableReason } from './lib/pages.ts';
import { compact } from './lib/text.ts';

/** 网站不更新: the homepage's newest entry older than 2 weeks. */
const HOMEPAGE_DAYS = 14;
/** 栏目不更新: 动态要闻类 after 2 weeks, 通知公告、政策文件类 after 6 months. */
const COLUMN_DAYS: Record<Exclude<ColumnKind, 'other'>, number> = { news: 14, 'notice-policy': 183 };
const KIND_NAMES: Record<ColumnKind, string> = {
  news: '动态要闻类',
  'notice-policy': '通知公告、政策文件类',
  other: '其他',
};
const PERIOD_NAMES: Record<Exclude<ColumnKind, 'other'>, string> = { news: '2周', 'notice-policy': '6个月' };
/** The national indicators fail a site with this many columns not updated or blank (累计超过（含）5个). */
const NATIONAL_COLUMN_LIMIT = 5;
/** 网站不更新 is a single veto of the national indicators. */
const STALE_HOMEPAGE_VETO = '首页信息超过2周未更新（网站不更新），按国家检查指标单项否决。';
/** What a blank column's page says in place of a list. */
const SAYS_EMPTY =
  /暂无(?:相关)?(?:信息|数据|内容|记录|文章|文件)|没有(?:找到)?相关(?:信息|内容|记录|数据)|没有(?:任何)?(?:信息|记录|数据)|栏目(?:正在)?建设中|正在建设中|敬请期待/;

/**
 * The national indicators 网站不更新, 栏目不更新 and 空白栏目, on the dates list pages print beside
 * their entries (`CrawledPage.listItems`), counted in Asia/Shanghai calendar days up to `ctx.now`. The
 * homepage is judged on its newest entry anywhere, a column on its own list (not a sidebar every page
 * prints, see `columnList`). A stale homepage fails alone and is a single veto. Stale or blank columns
 * fail at 5 or more; fewer are `review`: telling a column's kind from its name wants a person. Only a
 * column whose page says it is empty (暂无信息) counts as blank: one where no date could be read may
 * print its dates in a way we do not read, and is listed for review without counting. Before the veto,
 * the rendered homepage is searched for a recent date the list reader missed (a list written by script).
 */
export const contentFreshness = defineCheck({
  meta: {
    id: 'content-freshness',
    clause: '4.5',
    title: '网站及栏目内容及时更新',
    description: `依据国家《政府网站与政务新媒体检查指标》：首页最新信息超过2周未更新为“网站不更新”，单项否决；动态、要闻类栏目超过2周、通知公告和政策文件类栏目超过6个月未更新为“栏目不更新”，栏目页面显示暂无信息为“空白栏目”，两者累计${NATIONAL_COLUMN_LIMIT}个及以上不通过，不足${NATIONAL_COLUMN_LIMIT}个列出待人工确认。日期取自首页各列表和栏目页自身列表中标注的发布日期：栏目页上其他页面也有的列表（如侧栏的最新动态、热点信息）不算栏目的信息；只标注月日的，信息链接地址中有与之相符的日期时（如t20241120_1.html、/202411/）取其年份，否则按不晚于今天的最近年份推定。读不到栏目自身带日期信息的动态、通知类栏目列出待人工确认，不计入累计数；首页列表已超过2周而渲染后的首页显示2周内的日期时，不作单项否决，列出待人工确认。`,
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['siteCrawl', 'renderedHomepage'],
    // One finding for the homepage and one per column (its name is the key). It rests on the newest
    // entry (its date and address) and the blank page's wording, not on how many days ago that was:
    // the same stale entry a quarter later is the same problem.
    identity: {
      key: ['evidence.column'],
      digest: [
        'evidence.column',
        'evidence.kind',
        'evidence.blank',
        'evidence.newestDate',
        'evidence.newestUrl',
        'evidence.thresholdDays',
        'evidence.text?',
        'evidence.listItems?',
        'evidence.status',
        'evidence.error',
        'evidence.challenge?',
      ],
    },
    singleVeto: {
      reason: STALE_HOMEPAGE_VETO,
      carriedBy: (finding) => finding.evidence.column === undefined,
    },
  },
  run({ siteCrawl: crawl, renderedHomepage }, ctx): CheckResult {
    const today = shanghaiDay(ctx.now);
    const homepage = crawl.pages.find((page) => page.depth === 0);
    const home = judgeHomepage(homepage, crawl.startUrl, renderedHomepage, today);
    const columns = homepageColumns(crawl, renderedHomepage, homepage);
    const others = { homepage, columns: columns.map((column) => column.page) };
    const judged = columns.map((column) => judgeColumn(column, columnList(column.page, others, today)));
    const problems = judged.flatMap((j) => (j?.counts ? [j.finding] : []));
    const unread = judged.flatMap((j) => (j && !j.counts ? [j.finding] : []));
    const overLimit = problems.length >= NATIONAL_COLUMN_LIMIT;
    const tally = overLimit
      ? `全站累计${problems.length}个栏目不更新或空白，达到国家检查指标“累计${NATIONAL_COLUMN_LIMIT}个及以上”的不合格标准`
      : `全站累计${problems.length}个栏目不更新或空白，未达到国家检查指标的${NATIONAL_COLUMN_LIMIT}个，需人工确认`;
    const findings = [
      ...(home.finding ? [home.finding] : []),
      ...problems.map((p) => ({ ...p, message: `${p.message}；${tally}。` })),
      ...unread,
    ];
    if (home.stale || overLimit) {
      return {
        outcome: 'fail',
        findings,
        ...(home.stale ? { singleVeto: STALE_HOMEPAGE_VETO } : {}),
      };
    }
    return { outcome: findings.length > 0 ? 'review' : 'pass', findings };
  },
});

/** The homepage part: its newest dated entry, a finding when it is stale or cannot be judged. */
function judgeHomepage(
  homepage: CrawledPage | undefined,
  startUrl: string,
  rendered: RenderedHomepage,
  today: CalendarDay,
): { stale: boolean; finding?: Finding } {
  const unusable = homepage === undefined ? '没有抓取到' : unusableReason(homepage);
  if (homepage === undefined || unusable !== null || homepage.challenge !== undefined) {
    const why = unusable ?? '被访问验证页面拦截';
    return {
      stale: false,
      finding: {
        url: homepage?.finalUrl ?? startUrl,
        message: `首页${why}，无法判断首页信息是否在2周内更新，需人工查看。`,
        evidence: homepage ? pageAnswer(homepage) : { url: startUrl },
      },
    };
  }
  const dated = datedItems(homepage.listItems, today);
  const newest = dated[0];
  if (newest === undefined) {
    return {
      stale: false,
      finding: {
        url: homepage.finalUrl,
        message: '首页没有找到标注发布日期的信息条目，无法自动判断首页是否在2周内更新，需人工查看。',
        evidence: { listItems: homepage.listItems?.length ?? 0 },
      },
    };
  }
  if (newest.daysAgo <= HOMEPAGE_DAYS) return { stale: false };
  const evidence = { ...newestEvidence(newest), thresholdDays: HOMEPAGE_DAYS, datedEntries: dated.length };
  const shown = newestShownDate(rendered.texts, today);
  if (shown !== undefined && shown.daysAgo <= HOMEPAGE_DAYS) {
    return {
      stale: false,
      finding: {
        url: homepage.finalUrl,
        message: `首页列表中读到的最新信息“${newest.item.title}”发布于${publishedOn(newest)}，距今${newest.daysAgo}天；但渲染后的首页显示近期日期“${shown.text}”（${shown.date}，距今${shown.daysAgo}天），未能确定它属于哪条信息，需人工确认首页是否超过2周未更新。`,
        evidence: { ...evidence, text: shown.text, selector: shown.selector },
      },
    };
  }
  return {
    stale: true,
    finding: {
      url: homepage.finalUrl,
      message: `首页最新的信息“${newest.item.title}”发布于${publishedOn(newest)}，距今${newest.daysAgo}天，首页超过2周未更新（网站不更新）。`,
      evidence,
    },
  };
}

/**
 * A column whose own list (see `columnList`) is not updated within its period, or blank, counting
 * toward the national limit; a news or notice column with no list of its own we could read, not
 * counting; null when it is fine or not judged.
 */
function judgeColumn(column: Column, own: ColumnList): { finding: Finding; counts: boolean } | null {
  const { name, kind, page } = column;
  const base = { column: name, url: page.finalUrl, kind, kindName: KIND_NAMES[kind], source: column.source };
  if (own.dated.length === 0 && (own.sharedEntries > 0 || (page.listItems ?? []).length === 0)) {
    const wording = SAYS_EMPTY.exec(compact(page.text))?.[0];
    if (wording !== undefined) {
      const message = `栏目“${name}”的页面显示“${wording}”，没有任何信息（空白栏目）`;
      return {
        counts: true,
        finding: { url: page.finalUrl, message, evidence: { ...base, blank: wording } },
      };
    }
    if (kind === 'other') return null;
    const message =
      own.sharedEntries > 0
        ? `栏目“${name}”的页面上标注日期的信息条目都在其他页面也有的列表中（如侧栏的最新动态、热点信息），没有读到栏目自己的信息列表：可能是空白栏目，也可能是栏目列表的写法无法自动识别，需人工查看（不计入空白栏目累计数）。`
        : `栏目“${name}”的页面上没有读到标注日期的信息条目：可能是空白栏目，也可能是页面日期的写法无法自动识别，需人工查看（不计入空白栏目累计数）。`;
    const blank = own.sharedEntries > 0 ? 'only-shared-lists' : 'no-dated-entries';
    const shared = own.sharedEntries > 0 ? { listItems: own.sharedEntries } : {};
    return {
      counts: false,
      finding: { url: page.finalUrl, message, evidence: { ...base, blank, ...shared } },
    };
  }
  if (kind === 'other') return null;
  const newest = own.dated[0];
  const thresholdDays = COLUMN_DAYS[kind];
  if (newest === undefined || newest.daysAgo <= thresholdDays) return null;
  const list = own.list === undefined ? {} : { selector: own.list };
  return {
    counts: true,
    finding: {
      url: page.finalUrl,
      message: `栏目“${name}”最新的信息发布于${publishedOn(newest)}，距今${newest.daysAgo}天，${KIND_NAMES[kind]}栏目超过${PERIOD_NAMES[kind]}未更新（栏目不更新）`,
      evidence: {
        ...base,
        ...newestEvidence(newest),
        thresholdDays,
        datedEntries: own.dated.length,
        ...list,
      },
    },
  };
}

/** '[11-20]（2024-11-20，年份取自信息的链接地址）', '2026-11-20（2026-11-20）'. */
function publishedOn(newest: DatedItem): string {
  const year = newest.yearFromUrl ? '，年份取自信息的链接地址' : '';
  return `${newest.item.dateText}（${newest.date}${year}）`;
}

function newestEvidence(newest: DatedItem): Record<string, unknown> {
  return {
    newestTitle: newest.item.title,
    newestUrl: newest.item.url,
    newestDateText: newest.item.dateText,
    newestDate: newest.date,
    daysSince: newest.daysAgo,
  };
}
