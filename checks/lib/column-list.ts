import type { CrawledPage, ListItem } from '../../crawlers/artifacts.ts';
import type { CalendarDay } from './calendar.ts';
import { type DatedItem, datedItems } from './list-dates.ts';
import { pageKey } from './pages.ts';

/**
 * A list other column pages print is a sidebar when at least this many do: one other page printing it
 * is the same column reached twice (/tzgg/ and /tzgg/index.html) or an overview showing a short column.
 */
const SIDEBAR_PAGES = 2;

/** The list a column page is judged on. */
export interface ColumnList {
  /** Its dated entries, newest first; empty when none of the page's lists is the column's own. */
  dated: DatedItem[];
  /** Where it is on the page ('body>div.main>ul.list'), when the gatherer said. */
  list?: string;
  /** Dated entries left out because other pages print their lists too (a sidebar's 最新动态). */
  sharedEntries: number;
}

/** The other pages a column's lists are compared with. */
export interface OtherPages {
  homepage: CrawledPage | undefined;
  /** The crawl's column pages, this one among them or not. */
  columns: readonly CrawledPage[];
}

/**
 * A column page's own list: of its lists (entries grouped by `ListItem.list`), the one with the most
 * dated entries, the first in the page on a tie, leaving out a list the homepage or two other column
 * pages print too, every entry of it among their dated entries (a sidebar's 最新动态 or 热点信息, the
 * same on every page, is not the column's). When only lists the homepage prints are left (a short column the
 * homepage shows whole), the largest of those no other column page prints is taken. Entries of older
 * artifacts, with no list, are one list.
 */
export function columnList(page: CrawledPage, others: OtherPages, today: CalendarDay): ColumnList {
  const lists = listsOf(page.listItems ?? [], today);
  const home = others.homepage ? entryKeys(others.homepage) : new Set<string>();
  const columns = others.columns
    .filter((other) => other !== page && other !== others.homepage)
    .map(entryKeys);
  const printedOn = (dated: DatedItem[], keys: Set<string>) =>
    dated.every(({ item }) => keys.has(pageKey(item.url) ?? item.url));
  const onColumns = lists.filter(
    ({ dated }) => columns.filter((keys) => printedOn(dated, keys)).length >= SIDEBAR_PAGES,
  );
  const onHome = lists.filter(({ dated }) => printedOn(dated, home));
  const own = lists.filter((list) => !onHome.includes(list) && !onColumns.includes(list));
  const chosen = largest(own) ?? largest(onHome.filter((list) => !onColumns.includes(list)));
  const shared = lists.filter((list) => list !== chosen && !own.includes(list));
  return {
    dated: chosen?.dated ?? [],
    ...(chosen?.key === undefined ? {} : { list: chosen.key }),
    sharedEntries: shared.reduce((sum, list) => sum + list.dated.length, 0),
  };
}

interface DatedList {
  key: string | undefined;
  dated: DatedItem[];
}

/** The page's lists with a dated entry, in the order they first appear on it. */
function listsOf(items: readonly ListItem[], today: CalendarDay): DatedList[] {
  const byKey = new Map<string | undefined, ListItem[]>();
  for (const item of items) byKey.set(item.list, [...(byKey.get(item.list) ?? []), item]);
  return [...byKey]
    .map(([key, entries]) => ({ key, dated: datedItems(entries, today) }))
    .filter((list) => list.dated.length > 0);
}

function largest(lists: readonly DatedList[]): DatedList | undefined {
  return lists.reduce<DatedList | undefined>(
    (best, list) => (best === undefined || list.dated.length > best.dated.length ? list : best),
    undefined,
  );
}

/** The pages the page's dated entries lead to: a link elsewhere on it (政务公开 linking an article) is not a list. */
function entryKeys(page: CrawledPage): Set<string> {
  return new Set((page.listItems ?? []).map((item) => pageKey(item.url) ?? item.url));
}
