import type { CheerioAPI } from 'cheerio';
import { type Element, isTag } from 'domhandler';
import { existsOne, findAll, textContent } from 'domutils';
import type { UndatedList } from '../artifacts.ts';
import { urlShape } from '../column-url.ts';
import { printedDates } from '../printed-date.ts';
import { normalizeUrl } from '../url.ts';
import { collapse } from '../visible-text.ts';
import { baseUrlOf } from './page-facts.ts';

/** A list of fewer entries may be a sidebar's few links rather than a column's list. */
const MIN_ENTRIES = 3;
const MAX_URLS = 20;
/** An article's title is a sentence, not a menu word. */
const MIN_TITLE = 6;
/** A pager's links (首页 上一页 1 2 下一页 尾页), which older platforms print as the list's last row. */
const PAGER_LINK = /^(?:首页|上一页|下一页|上页|下页|尾页|末页|\d+|[<>«»‹›]+|跳转|GO)$/i;

/**
 * The page's largest list of articles printed with no date at all (未注明信息发布时间): a ul, ol, dl or
 * table of at least `MIN_ENTRIES` entries, each one link to an article's address (TRS t20241120_1.html,
 * 大汉 /art/…, a detail page) with a title of a sentence, and no date anywhere in the list; a header
 * row without links and a pager row are no entries. A list with a date in any entry, or an entry that
 * is not one article link, is not such a list: what is unclear is left out. Undefined when the page
 * has none.
 */
export function undatedList($: CheerioAPI, pageUrl: string, charset = 'utf-8'): UndatedList | undefined {
  const base = baseUrlOf($, pageUrl, charset);
  let best: UndatedList | undefined;
  // domutils rather than cheerio's selectors here: this runs over every list of every page.
  for (const list of findAll(isList, $.root().toArray())) {
    if (existsOne(isList, list.children)) continue;
    const entries = entriesOf(list).filter((entry) => {
      const anchors = findAll(isLink, entry.children);
      return anchors.length > 0 && !anchors.every((a) => PAGER_LINK.test(collapse(textContent(a))));
    });
    if (entries.length < MIN_ENTRIES) continue;
    if (printedDates([collapse(textContent(list))], { loose: true }).length > 0) continue;
    const urls: string[] = [];
    const titles: string[] = [];
    for (const entry of entries) {
      const anchors = findAll(isLink, entry.children);
      const url = anchors.length === 1 ? normalizeUrl(anchors[0]!.attribs.href ?? '', base, charset) : null;
      const title =
        collapse(anchors[0] ? textContent(anchors[0]) : '') || collapse(anchors[0]?.attribs.title ?? '');
      if (url === null || urlShape(url) !== 'article' || title.length < MIN_TITLE) {
        urls.length = 0;
        break;
      }
      urls.push(url);
      titles.push(title);
    }
    if (urls.length === 0 || (best !== undefined && best.entries >= urls.length)) continue;
    best = {
      list: cssPath(list),
      entries: urls.length,
      urls: urls.slice(0, MAX_URLS),
      titles: titles.slice(0, 3),
    };
  }
  return best;
}

const LIST_TAGS = new Set(['ul', 'ol', 'dl', 'table']);
const isList = (element: Element) => LIST_TAGS.has(element.name);
const isLink = (element: Element) => element.name === 'a' && element.attribs.href !== undefined;

/** The entries of a list element: its li, dd or rows (through tbody). */
function entriesOf(list: Element): Element[] {
  const children = list.children.filter(isTag);
  if (list.name !== 'table') return children.filter((child) => child.name === 'li' || child.name === 'dd');
  return children.flatMap((child) =>
    child.name === 'tr' ? [child] : child.children.filter((row) => isTag(row) && row.name === 'tr'),
  ) as Element[];
}

function cssPath(element: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node && node.name !== 'body' && node.name !== 'html'; ) {
    const classes = (node.attribs.class ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
    steps.unshift(`${node.name}${classes.map((c) => `.${c}`).join('')}`);
    node = node.parent && isTag(node.parent) ? node.parent : null;
  }
  return ['body', ...steps].join('>');
}
