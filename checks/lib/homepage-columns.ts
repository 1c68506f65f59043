import type { CrawledPage, RenderedHomepage, SiteCrawl } from '../../crawlers/artifacts.ts';
import { navigationLinks } from './navigation.ts';
import { findCrawledPage, pageKey, unusableReason } from './pages.ts';
import { compact } from './text.ts';

/**
 * The kinds of column the national indicators (《政府网站与政务新媒体检查指标》) give an update period:
 * 动态要闻类 (2 weeks) and 通知公告、政策文件类 (6 months); other columns have none we judge.
 */
export type ColumnKind = 'news' | 'notice-policy' | 'other';

/** A column the homepage leads to, with its crawled page. */
export interface Column {
  name: string;
  kind: ColumnKind;
  /** Where the homepage links to it: its navigation, or a link elsewhere on it (a section title). */
  source: 'navigation' | 'homepage-link';
  page: CrawledPage;
}

const NEWS_WORDS = ['要闻', '动态', '新闻', '资讯', '快讯', '工作进展'];
const NOTICE_POLICY_WORDS = ['通知', '公告', '公示', '通告', '政策', '文件'];
/** Names with those words that are not such columns: 新闻发布会 (held now and then), 文件下载. */
const OTHER_WORDS = ['发布会', '下载'];
/** A homepage link with a longer text is an article, not a column (全市工作动态通报…). */
const MAX_COLUMN_NAME = 10;

/** The kind of column a name says: 工作动态 → news, 通知公告 / 规范性文件 → notice-policy. */
export function columnKind(name: string): ColumnKind {
  const words = compact(name);
  if (OTHER_WORDS.some((w) => words.includes(w))) return 'other';
  if (NEWS_WORDS.some((w) => words.includes(w))) return 'news';
  if (NOTICE_POLICY_WORDS.some((w) => words.includes(w))) return 'notice-policy';
  return 'other';
}

/**
 * The columns the homepage leads to that were crawled and answered: every link of its navigation
 * (see `navigationLinks`), and every other homepage link whose text names a news, notice or policy
 * column. One per page, named by the first link found; the homepage itself is not a column.
 */
export function homepageColumns(crawl: SiteCrawl, home: RenderedHomepage, homepage?: CrawledPage): Column[] {
  const candidates: { name: string; href: string; source: Column['source'] }[] = [
    ...navigationLinks(home).map((link) => ({
      name: compact(link.text) || compact(link.title ?? '') || compact(link.ariaLabel ?? ''),
      href: link.href,
      source: 'navigation' as const,
    })),
    ...(homepage?.links ?? [])
      .filter((link) => link.kind === 'anchor')
      .map((link) => ({ name: compact(link.text), href: link.url, source: 'homepage-link' as const }))
      .filter((link) => link.name.length <= MAX_COLUMN_NAME && columnKind(link.name) !== 'other'),
  ];
  const homeKeys = new Set([home.url, home.finalUrl, crawl.startUrl].map(columnKey));
  const columns = new Map<string, Column>();
  for (const { name, href, source } of candidates) {
    const page = findCrawledPage(crawl.pages, href);
    if (name === '' || page === undefined || page.depth === 0) continue;
    const key = columnKey(page.finalUrl);
    if (key === null || homeKeys.has(key) || columns.has(key)) continue;
    if (unusableReason(page) !== null || page.challenge !== undefined) continue;
    columns.set(key, { name, kind: columnKind(name), source, page });
  }
  return [...columns.values()];
}

/** The default document a server answers for a folder: /tzgg/ and /tzgg/index.html are one column. */
const DEFAULT_DOCUMENT = /\/(?:index|default)\.(?:s?html?|jsp|aspx?|php)$/i;

function columnKey(url: string): string | null {
  const key = pageKey(url);
  return key === null ? null : key.replace(DEFAULT_DOCUMENT, '');
}
