import type { CrawledPage } from '../crawlers/artifacts.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { type CalendarDay, shanghaiDay } from './lib/calendar.ts';
import { daysAfterIso, futureItems, isAhead } from './lib/list-dates.ts';
import { pageKey, unusableReason } from './lib/pages.ts';
import { labelledPublicationDate } from './lib/publication-date.ts';

/** One piece of information dated ahead: on the lists that print it and, when crawled, on its own page. */
interface FutureEntry {
  title: string;
  entryUrl: string;
  date: string;
  dateText: string;
  yearFromUrl: boolean;
  /** The list pages that print the date beside the entry. */
  listedOn: string[];
  /** The date the entry's own page prints after 发布时间 (or the like), when it is ahead too. */
  articleDateText?: string;
}

/**
 * The national indicators' 存在弄虚作假行为（如伪造发稿日期等）: a list entry or an article whose
 * publication date lies more than a day after `ctx.now` (Asia/Shanghai days; a day of slack for a
 * server clock set ahead). A list entry's date is the one printed beside it (`CrawledPage.listItems`);
 * an article's is the date after its 发布时间/发布日期 label, not a date in its text (a meeting to come,
 * a deadline). When the entry's own page was crawled and prints a publication date that is not ahead,
 * the list's date was something else (an event's day) and the entry is left out. Always `review`, never
 * a veto: a person confirms the forgery. One finding per entry.
 */
export const futureDates = defineCheck({
  meta: {
    id: 'future-dates',
    clause: '4.5',
    title: '信息发布日期不晚于检查日（伪造发稿日期）',
    description:
      '依据国家《政府网站与政务新媒体检查指标》“存在弄虚作假行为（如伪造发稿日期等）”：首页和栏目列表中信息条目标注的日期，或文章页“发布时间”“发布日期”等字样后的日期，晚于检查日次日的，列出待人工核实，不单独作单项否决。文章正文中的会议时间、报名截止日期、有效期等不是发布日期，不在此列；列表日期超前而文章页标注的发布日期不超前的，不作为超前日期。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['siteCrawl'],
    // One finding per entry (its address). It rests on the date claimed and the title, not on how many
    // days ahead that still is.
    identity: {
      key: ['evidence.entryUrl'],
      digest: ['evidence.entryUrl', 'evidence.entryTitle', 'evidence.date'],
    },
  },
  run({ siteCrawl: crawl }, ctx): CheckResult {
    const today = shanghaiDay(ctx.now);
    const pages = crawl.pages.filter((page) => unusableReason(page) === null && page.challenge === undefined);
    const published = new Map(pages.flatMap(publicationDate));
    const entries = listedAhead(pages, published, today);
    addArticlesAhead(entries, pages, published, today);
    const findings = [...entries.values()].map((entry) => finding(entry, today));
    return { outcome: findings.length > 0 ? 'review' : 'pass', findings };
  },
});

type Published = Map<string, { iso: string; text: string }>;

/** The list entries dated ahead, by their page key, unless their own page prints a date that is not. */
function listedAhead(pages: readonly CrawledPage[], published: Published, today: CalendarDay) {
  const entries = new Map<string, FutureEntry>();
  for (const page of pages) {
    for (const { item, date, yearFromUrl } of futureItems(page.listItems, today)) {
      const key = pageKey(item.url) ?? item.url;
      const own = published.get(key);
      if (own !== undefined && !isAhead(own.iso, today)) continue;
      const entry = entries.get(key) ?? {
        title: item.title,
        entryUrl: item.url,
        date,
        dateText: item.dateText,
        yearFromUrl,
        listedOn: [],
      };
      if (!entry.listedOn.includes(page.finalUrl)) entry.listedOn.push(page.finalUrl);
      entries.set(key, entry);
    }
  }
  return entries;
}

/** Adds the articles whose own publication date is ahead, or notes it on the entry listing them. */
function addArticlesAhead(
  entries: Map<string, FutureEntry>,
  pages: readonly CrawledPage[],
  published: Published,
  today: CalendarDay,
): void {
  for (const page of pages) {
    const key = pageKey(page.finalUrl) ?? page.finalUrl;
    const own = published.get(key);
    if (own === undefined || !isAhead(own.iso, today)) continue;
    const listed = entries.get(key);
    if (listed !== undefined) {
      listed.articleDateText = own.text;
      continue;
    }
    entries.set(key, {
      title: page.headings[0] ?? page.title,
      entryUrl: page.finalUrl,
      date: own.iso.slice(0, 10),
      dateText: own.text,
      yearFromUrl: false,
      listedOn: [],
      articleDateText: own.text,
    });
  }
}

/** The page's own publication date, under the keys its addresses match links by. */
function publicationDate(page: CrawledPage): [string, { iso: string; text: string }][] {
  const found = labelledPublicationDate(page.text);
  if (found === undefined) return [];
  const keys = new Set([pageKey(page.url) ?? page.url, pageKey(page.finalUrl) ?? page.finalUrl]);
  return [...keys].map((key) => [key, { iso: found.iso, text: found.text }]);
}

function finding(entry: FutureEntry, today: CalendarDay): Finding {
  const ahead = daysAfterIso(entry.date, today);
  const checked = `${today.year}年${today.month}月${today.day}日`;
  const year = entry.yearFromUrl ? '，年份取自信息的链接地址' : '';
  const where =
    entry.listedOn.length > 0
      ? `列表中标注的日期为${entry.dateText}（${entry.date}${year}）`
      : `页面标注的发布时间为${entry.dateText}`;
  const article =
    entry.listedOn.length > 0 && entry.articleDateText !== undefined
      ? `，文章页标注的发布时间为${entry.articleDateText}`
      : '';
  return {
    url: entry.listedOn[0] ?? entry.entryUrl,
    message: `信息“${entry.title}”${where}${article}，比检查日（${checked}）晚${ahead}天，可能是伪造的发稿日期（弄虚作假），需人工核实。`,
    evidence: {
      entryTitle: entry.title,
      entryUrl: entry.entryUrl,
      date: entry.date,
      dateText: entry.dateText,
      daysAhead: ahead,
      listedOn: entry.listedOn,
      ...(entry.yearFromUrl ? { yearFromUrl: true } : {}),
      ...(entry.articleDateText === undefined ? {} : { articleDateText: entry.articleDateText }),
    },
  };
}
