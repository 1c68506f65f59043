import type { CrawledPage, RenderedHomepage, RenderedLink, SiteCrawl } from '../../crawlers/artifacts.ts';
import { pathFolders, urlShape } from '../../crawlers/column-url.ts';
import { blockTitles, isMoreLink, MORE } from './block-title.ts';
import { type ColumnKind, columnKind, namesColumn } from './column-kind.ts';
import { navigationLinks } from './navigation.ts';
import { findCrawledPage, pageKey, unusableReason } from './pages.ts';
import { compact } from './text.ts';

export type { ColumnKind } from './column-kind.ts';

/**
 * Where a column was found: the homepage's navigation, a homepage block's 更多 link (named by the
 * block's title), another homepage link naming a column or addressed as one, the column tree of a
 * 信息公开 page, or a column page's own sub-columns.
 */
export type ColumnSource = 'navigation' | 'block' | 'homepage-link' | 'disclosure-grid' | 'sub-column';

/** A column the homepage leads to, with its crawled page. */
export interface Column {
  name: string;
  kind: ColumnKind;
  source: ColumnSource;
  /** The column whose page listed it (a 信息公开 page's grid, a column's sub-columns). */
  parent?: string;
  page: CrawledPage;
}

/** A link with a longer text is an article, not a column (全市工作动态通报…). */
const MAX_COLUMN_NAME = 12;
/** Pages that answer a query, and may say 暂无相关信息 for it: never a column. */
const NOT_COLUMN_NAME = /搜索|检索|登录|注册|English/i;
const NOT_COLUMN_URL = /search|login|register/i;
/** A 信息公开 page, whose links are the site's disclosure columns (the grid of 政府信息公开). */
const DISCLOSURE_NAME = /信息公开|政务公开/;
const DISCLOSURE_FOLDERS = new Set(['xxgk', 'zfxxgk', 'zwgk', 'gkml']);

interface Candidate {
  name: string;
  href: string;
  source: ColumnSource;
  parent?: string;
}

/**
 * The columns the homepage offers that were crawled and answered: its navigation (see
 * `navigationLinks`), its blocks' 更多 links named by the blocks' titles, its other links whose text
 * names a column kind or whose address is a column's (TRS and 大汉 /col/col12/, a folder /tzgg/); then,
 * one level down, the links of a 信息公开 page among them (its column tree) and each column page's
 * sub-columns (addresses below its own folder, or /col/ ones). An article (t20241120_1.html, /art/…)
 * is never a column; one per page, named where first found; the homepage itself is not a column.
 */
export function homepageColumns(crawl: SiteCrawl, home: RenderedHomepage, homepage?: CrawledPage): Column[] {
  const found = new Map<string, Column>();
  const homeKeys = new Set([home.url, home.finalUrl, crawl.startUrl].map(columnKey));
  // A page some list prints as a dated entry is an article, whatever its address or link text says.
  const listed = new Set(
    crawl.pages.flatMap((page) => (page.listItems ?? []).map((item) => columnKey(item.url))),
  );
  const add = ({ name, href, source, parent }: Candidate) => {
    const page = findCrawledPage(crawl.pages, href);
    if (name === '' || NOT_COLUMN_NAME.test(name) || page === undefined || page.depth === 0) return;
    if (urlShape(page.finalUrl) === 'article' || NOT_COLUMN_URL.test(page.finalUrl)) return;
    const key = columnKey(page.finalUrl);
    if (key === null || homeKeys.has(key) || found.has(key) || listed.has(key)) return;
    // An archived column (已归档, 归档日期…) is no longer to be updated.
    if ((page.archiveLines ?? []).some((line) => line.own !== '')) return;
    if (unusableReason(page) !== null || page.challenge !== undefined) return;
    found.set(key, {
      name,
      kind: columnKind(name, page.finalUrl),
      source,
      page,
      ...(parent ? { parent } : {}),
    });
  };
  for (const link of navigationLinks(home)) {
    const text = columnName(link.text) || columnName(link.title ?? '') || columnName(link.ariaLabel ?? '');
    const name = MORE.test(text) ? moreName(crawl, home, link) : text;
    add({ name, href: link.href, source: 'navigation' });
  }
  for (const link of home.links) {
    if (link.visible && isMoreLink(link)) {
      add({ name: moreName(crawl, home, link), href: link.href, source: 'block' });
    }
  }
  for (const link of columnLinks(homepage)) add({ ...link, source: 'homepage-link' });
  const firstLevel = [...found.values()];
  for (const column of firstLevel.filter(isDisclosure)) {
    for (const link of columnLinks(column.page))
      add({ ...link, source: 'disclosure-grid', parent: column.name });
  }
  for (const column of firstLevel) {
    for (const link of columnLinks(column.page).filter((l) => below(l.href, column.page.finalUrl))) {
      add({ ...link, source: 'sub-column', parent: column.name });
    }
  }
  return [...found.values()];
}

/** The count a column tree prints after a name: 人事信息(12), 财政预决算［3］, 规划计划（0）. */
const ENTRY_COUNT = /[(（[［【]\d+[)）\]］】]$/;

/** A link's text as a column's name: without its count, which changes as entries come (the name keys findings). */
function columnName(text: string): string {
  return compact(text).replace(ENTRY_COUNT, '');
}

/** A page's links that may be columns: a short text naming a column kind, or a column's address. */
function columnLinks(page: CrawledPage | undefined): { name: string; href: string }[] {
  return (page?.links ?? []).flatMap((link) => {
    const name = columnName(link.text);
    if (link.kind !== 'anchor' || name === '' || name.length > MAX_COLUMN_NAME || MORE.test(name)) return [];
    const shape = urlShape(link.url);
    if (shape === 'article' || (shape !== 'column' && !namesColumn(name, link.url))) return [];
    return [{ name, href: link.url }];
  });
}

function isDisclosure(column: Column): boolean {
  return (
    DISCLOSURE_NAME.test(column.name) ||
    DISCLOSURE_FOLDERS.has(pathFolders(column.page.finalUrl).at(-1) ?? '')
  );
}

/** A sub-column's address: below the column's folder (/zwgk/ → /zwgk/tzgg/), or a /col/ column of TRS and 大汉. */
function below(href: string, columnUrl: string): boolean {
  const folders = pathFolders(columnUrl);
  const own = pathFolders(href);
  if (/\/col\/col\d+/i.test(href)) return true;
  return folders.length > 0 && own.length > folders.length && folders.every((f, i) => own[i] === f);
}

/**
 * The name of the column a 更多 link opens: the block title its page's own title names (on a block of
 * tabs the 更多 opens one tab's column, not the nearest tab's); else the page's name when it names a
 * column (the block's title drawn as an image, the neighbouring block's title is the nearest text);
 * else the nearest title, else the page's name.
 */
function moreName(crawl: SiteCrawl, home: RenderedHomepage, more: RenderedLink): string {
  const titles = blockTitles(home, more);
  const own = pageName(crawl, more.href);
  if (titles.includes(own) || (own !== '' && namesColumn(own))) return own;
  return titles[0] ?? own;
}

/** The site's own name in a page title: 某县人民政府, 某市发展和改革委员会, 某县人民政府门户网站. */
const SITE_NAME = /(?:政府|局|委员会|厅|办公室|网站|门户)$/;

/**
 * A column's name from its own page when the link says only 更多: 通知公告 of '通知公告_某市人民政府'
 * and of '某县人民政府-通知公告' alike (the part of the title that is not the site's name), else its
 * first heading.
 */
function pageName(crawl: SiteCrawl, href: string): string {
  const page = findCrawledPage(crawl.pages, href);
  const parts = (page?.title ?? '').split(/[_|｜—–-]/).map(compact);
  const title = parts.find(
    (part) => part.length > 0 && part.length <= MAX_COLUMN_NAME && !SITE_NAME.test(part),
  );
  return title ?? compact(page?.headings[0] ?? '');
}

/** The default document a server answers for a folder: /tzgg/ and /tzgg/index.html are one column. */
const DEFAULT_DOCUMENT = /\/(?:index|default)\.(?:s?html?|jsp|aspx?|php)$/i;

function columnKey(url: string): string | null {
  const key = pageKey(url);
  return key === null ? null : key.replace(DEFAULT_DOCUMENT, '');
}
