import { urlDates } from './url-date.ts';

/**
 * What the address of a page says about it on the publishing systems government sites run on: an
 * article (TRS t20241120_123.html, 大汉 /art/2024/11/20/art_1_2.html, a detail page), a column (TRS and
 * 大汉 /col/col123/index.html, a folder such as /zwgk/tzgg/, a list page), or nothing either way.
 */
export type UrlShape = 'article' | 'column' | 'unknown';

/** Article addresses: 大汉's /art/, TRS's t20241120_1, content_123, a numbered page (8812345.html). */
const ARTICLE_PATH =
  /\/art\/|\/art_\d+_\d+\.|\/t\d{8}_\d+|content_\d+|\/(?:detail|article|show|view|info|content)[_-]?\d*\.[a-z]+$|\/\d{5,}\.s?html?$/i;
/** A detail page asked for by its id (show.aspx?id=12, detail.jsp?articleId=3). */
const ARTICLE_QUERY = /[?&](?:id|articleid|contentid|infoid|newsid|docid|aid)=\d+/i;
/** Column addresses: /col/col123/, a folder, its index page or a list page. */
const COLUMN_PATH =
  /\/col\/col\d+(?:\/|$)|\/$|\/(?:index|default)(?:_\d+)?\.(?:s?html?|jsp|aspx?|php)$|\/list[\w-]*\.[a-z]+$|_list\.[a-z]+$/i;
/** A list page asked for by its column's id (list.jsp?channelId=5, ?columnid=12). */
const COLUMN_QUERY = /[?&](?:channelid|columnid|catid|classid|lmid|typeid|cid|chnlid)=\d+/i;

export function urlShape(url: string): UrlShape {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unknown';
  }
  const { pathname, search } = parsed;
  if (ARTICLE_PATH.test(pathname) || urlDates(url).length > 0) return 'article';
  if (ARTICLE_QUERY.test(search) && !COLUMN_QUERY.test(search)) return 'article';
  if (COLUMN_PATH.test(pathname) || COLUMN_QUERY.test(search)) return 'column';
  return 'unknown';
}

/** The folders of the address's path, lower-cased: /xxgk/tzgg/index.html → ['xxgk', 'tzgg']. */
export function pathFolders(url: string): string[] {
  try {
    const segments = new URL(url).pathname.toLowerCase().split('/').filter(Boolean);
    const last = segments.at(-1);
    return last?.includes('.') ? segments.slice(0, -1) : segments;
  } catch {
    return [];
  }
}
