import type { CrawledPage, SiteCrawl } from '../../crawlers/artifacts.ts';
import { isSameSite } from '../../crawlers/url.ts';
import { findCrawledPage, pageKey, unusableReason } from './pages.ts';

/** What the crawl tells about the pages a 政府公报 column links to. */
export interface ColumnChildren {
  /** Children fetched and readable: their services count for the column. */
  inspected: CrawledPage[];
  /** Children within the site that were not fetched, or answered by a bot challenge: nobody looked at them. */
  notInspected: string[];
}

/**
 * The pages the column links to directly, leaving out the pages the homepage links to as well (`siteWide`):
 * those are the site's navigation, whose forms and files say nothing about the column. A child that was
 * fetched but answered badly (404, soft 404) counts as looked at: it offers nothing. Children on other
 * sites are not crawled by design and are left out of both lists.
 */
export function columnChildren(
  column: CrawledPage,
  crawl: SiteCrawl,
  siteWide: ReadonlySet<string>,
  homepage: string,
): ColumnChildren {
  const columnKeys = new Set([pageKey(column.url), pageKey(column.finalUrl)]);
  const inspected = new Map<string, CrawledPage>();
  const notInspected = new Set<string>();
  for (const link of column.links) {
    const key = pageKey(link.url);
    if (link.kind !== 'anchor' || key === null || siteWide.has(key) || columnKeys.has(key)) continue;
    const child = findCrawledPage(crawl.pages, link.url);
    if (child !== undefined && columnKeys.has(pageKey(child.url))) continue;
    if (child === undefined || child.challenge !== undefined) {
      if (isSameSite(link.url, column.finalUrl) || isSameSite(link.url, homepage)) notInspected.add(link.url);
    } else if (unusableReason(child) === null) {
      inspected.set(child.url, child);
    }
  }
  return { inspected: [...inspected.values()], notInspected: [...notInspected] };
}
