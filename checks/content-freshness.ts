import type { CrawledPage, RenderedHomepage } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { type CalendarDay, shanghaiDay } from './lib/calendar.ts';
import { newestEvidence, notUpdated, publishedOn, tallied, unreadColumn } from './lib/column-findings.ts';
import { UPDATE_DAYS } from './lib/column-kind.ts';
import { crawledHomepage, judgedColumns } from './lib/column-state.ts';
import { datedItems, newestShownDate } from './lib/list-dates.ts';
import { pageAnswer, unusableReason } from './lib/pages.ts';

/** 网站不更新: the homepage's newest entry older than 2 weeks. */
const HOMEPAGE_DAYS = 14;
/** The national indicators fail a site with this many columns not updated (累计超过（含）5个). */
const NATIONAL_COLUMN_LIMIT = 5;
/** 网站不更新 is a single veto of the national indicators. */
const STALE_HOMEPAGE_VETO = '首页信息超过2周未更新（网站不更新），按国家检查指标单项否决。';
/** 栏目不更新 too. */
const STALE_COLUMNS_VETO = `动态、要闻类栏目超过2周或通知公告、政策文件类栏目超过6个月未更新的累计${NATIONAL_COLUMN_LIMIT}个及以上（栏目不更新），按国家检查指标单项否决。`;

/**
 * The national indicators 网站不更新 and 栏目不更新, on the dates list pages print beside their entries
 * (`CrawledPage.listItems`), counted in Asia/Shanghai calendar days up to `ctx.now`. The homepage is
 * judged on its newest entry anywhere, a 动态要闻 or 通知公告、政策文件 column (see `homepageColumns`)
 * on its own list (not a sidebar every page prints, see `columnList`); a column whose own list prints
 * no date at all is not updated (未注明信息发布时间的视为不更新). A stale homepage is a single veto; so
 * are 5 or more stale columns, fewer are `review`. A column with no list of its own we could read is
 * listed for review, never counted. Before the homepage veto, the rendered homepage is searched for a
 * recent date the list reader missed (a list written by script). Blank columns and the columns to be
 * updated yearly are the rules `blank-columns` and `long-unupdated-columns`.
 */
export const contentFreshness = defineCheck({
  meta: {
    id: 'content-freshness',
    clause: '4.5',
    title: '网站及栏目内容及时更新',
    description: `依据国家《政府网站与政务新媒体检查指标》：首页最新信息超过2周未更新为“网站不更新”，单项否决；动态、要闻类栏目超过2周、通知公告和政策文件类栏目超过6个月未更新为“栏目不更新”，累计${NATIONAL_COLUMN_LIMIT}个及以上单项否决，不足${NATIONAL_COLUMN_LIMIT}个列出待人工确认。栏目取自首页导航、首页各版块的“更多”链接和标题、信息公开页的栏目目录以及栏目页的下级栏目，文章页不算栏目；栏目类别按栏目名称和常见网站平台的栏目地址（如/tzgg/、/col/col123/）判断。日期取自首页各列表和栏目页自身列表中标注的发布日期：栏目页上其他页面也有的列表（如侧栏的最新动态、热点信息）不算栏目的信息；只标注月日的，信息链接地址中有与之相符的日期时（如t20241120_1.html、/202411/）取其年份，否则按不晚于今天的最近年份推定；栏目自身的信息列表都没有注明发布时间的，视为不更新。读不到栏目自身信息列表的栏目列出待人工确认，不计入累计数；首页列表已超过2周而渲染后的首页显示2周内的日期时，不作单项否决，列出待人工确认。`,
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['siteCrawl', 'renderedHomepage'],
    // One finding for the homepage and one per column (its name is the key). It rests on the newest
    // entry (its date and address), or the undated list, not on how many days ago that was: the same
    // stale entry a quarter later is the same problem.
    identity: {
      key: ['evidence.column'],
      digest: [
        'evidence.column',
        'evidence.kind',
        'evidence.blank',
        'evidence.newestDate',
        'evidence.newestUrl',
        'evidence.undated',
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
      carriedBy: (finding) => finding.evidence.column === undefined || finding.evidence.veto === true,
    },
  },
  run({ siteCrawl: crawl, renderedHomepage }, ctx): CheckResult {
    const today = shanghaiDay(ctx.now);
    const home = judgeHomepage(crawledHomepage(crawl), crawl.startUrl, renderedHomepage, today);
    const judged = judgedColumns(crawl, renderedHomepage, today).filter(
      ({ column }) => column.kind === 'news' || column.kind === 'notice-policy',
    );
    const stale = judged.flatMap((j) => {
      const kind = j.column.kind as 'news' | 'notice-policy';
      const finding = notUpdated(j, UPDATE_DAYS[kind], kind);
      return finding ? [{ ...finding, message: `${finding.message}（栏目不更新）` }] : [];
    });
    const columns = tallied(stale, NATIONAL_COLUMN_LIMIT, '动态要闻类或通知公告、政策文件类栏目不更新');
    const unread = judged.flatMap((j) => unreadColumn(j) ?? []);
    const findings = [...(home.finding ? [home.finding] : []), ...columns.findings, ...unread];
    if (home.stale || columns.over) {
      const veto = [home.stale ? STALE_HOMEPAGE_VETO : '', columns.over ? STALE_COLUMNS_VETO : ''].join('');
      return { outcome: 'fail', findings, singleVeto: veto };
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
