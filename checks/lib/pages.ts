import type { CrawledPage } from '../../crawlers/artifacts.ts';
import { softNotFoundEvidence } from './link-failure.ts';

/**
 * A URL reduced to what identifies a page for matching links to crawled pages: no fragment, host
 * lower-cased, no trailing slash on the path ('/gb/' and '/gb' are one column). Null when not http(s).
 */
export function pageKey(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host.toLowerCase()}${path}${url.search}`;
}

/** The crawled page a link leads to, matched on the URL asked for or the URL it ended at. */
export function findCrawledPage(pages: readonly CrawledPage[], href: string): CrawledPage | undefined {
  const key = pageKey(href);
  if (key === null) return undefined;
  return pages.find((page) => pageKey(page.url) === key || pageKey(page.finalUrl) === key);
}

/** Why a reader cannot use this crawled page, in Chinese, or null when it is usable. Bot challenges are not judged here. */
export function unusableReason(page: CrawledPage): string | null {
  if (page.error !== undefined) return `无法访问（${page.error}）`;
  if (page.status === null) return '没有收到响应';
  if (page.status >= 400) return `返回 HTTP ${page.status}`;
  if (page.softNotFound !== undefined) return `返回 200 但页面显示不存在（${page.softNotFound.evidence}）`;
  return null;
}

/** What a crawled page answered, for evidence. */
export function pageAnswer(page: CrawledPage): Record<string, unknown> {
  return {
    url: page.url,
    finalUrl: page.finalUrl,
    status: page.status,
    ...(page.error === undefined ? {} : { error: page.error }),
    ...(page.softNotFound === undefined ? {} : softNotFoundEvidence(page.softNotFound)),
    ...(page.challenge === undefined ? {} : { challenge: page.challenge }),
  };
}
