import type { CrawledPage, RenderedHomepage, SiteCrawl, UndatedList } from '../../crawlers/artifacts.ts';
import type { CalendarDay } from './calendar.ts';
import { columnList } from './column-list.ts';
import { type Column, homepageColumns } from './homepage-columns.ts';
import type { DatedItem } from './list-dates.ts';
import { pageKey } from './pages.ts';
import { compact } from './text.ts';

/** What a blank column's page says in place of a list. */
const SAYS_EMPTY =
  /暂无(?:相关)?(?:信息|数据|内容|记录|文章|文件)|没有(?:找到)?相关(?:信息|内容|记录|数据)|没有(?:任何)?(?:信息|记录|数据)|栏目(?:正在)?建设中|正在建设中|敬请期待/;

/**
 * What a column's page shows of its list: dated entries of its own (the newest first); nothing, saying
 * so (暂无信息: blank); a list of articles of its own printing no date at all (未注明信息发布时间);
 * only lists other pages print too (a sidebar); or nothing we could read.
 */
export type ColumnState =
  | { state: 'dated'; dated: DatedItem[]; list?: string }
  | { state: 'blank'; wording: string }
  | { state: 'undated'; undated: UndatedList }
  | { state: 'shared-only'; sharedEntries: number }
  | { state: 'unread' };

export interface JudgedColumn {
  column: Column;
  state: ColumnState;
}

/** The homepage (depth 0), when crawled. */
export function crawledHomepage(crawl: SiteCrawl): CrawledPage | undefined {
  return crawl.pages.find((page) => page.depth === 0);
}

/** The site's columns (see `homepageColumns`), each with what its page shows of its list. */
export function judgedColumns(crawl: SiteCrawl, home: RenderedHomepage, today: CalendarDay): JudgedColumn[] {
  const homepage = crawledHomepage(crawl);
  const columns = homepageColumns(crawl, home, homepage);
  const others = { homepage, columns: columns.map((column) => column.page) };
  return columns.map((column) => {
    const own = columnList(column.page, others, today);
    if (own.dated.length > 0) {
      return { column, state: { state: 'dated', dated: own.dated, ...(own.list ? { list: own.list } : {}) } };
    }
    const undated = column.page.undatedList;
    if (undated !== undefined && !printedElsewhere(undated, column.page, [homepage, ...others.columns])) {
      return { column, state: { state: 'undated', undated } };
    }
    if (own.sharedEntries > 0 || (column.page.listItems ?? []).length === 0) {
      const wording = undated === undefined ? SAYS_EMPTY.exec(compact(column.page.text))?.[0] : undefined;
      if (wording !== undefined) return { column, state: { state: 'blank', wording } };
    }
    return {
      column,
      state:
        own.sharedEntries > 0
          ? { state: 'shared-only', sharedEntries: own.sharedEntries }
          : { state: 'unread' },
    };
  });
}

/**
 * True when another page (the homepage, another column) links every entry of the list: a sidebar's
 * 热点信息 printed on every page, not the column's own list.
 */
function printedElsewhere(
  list: UndatedList,
  page: CrawledPage,
  others: readonly (CrawledPage | undefined)[],
): boolean {
  return others.some((other) => {
    if (other === undefined || other === page) return false;
    const links = new Set(other.links.map((link) => pageKey(link.url)));
    return list.urls.every((url) => links.has(pageKey(url)));
  });
}
