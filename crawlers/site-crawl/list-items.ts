import type { CheerioAPI } from 'cheerio';
import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import type { ListItem } from '../artifacts.ts';
import { printedDates } from '../printed-date.ts';
import { normalizeUrl } from '../url.ts';
import { collapse } from '../visible-text.ts';
import { ENTRY_TAGS, listKeys } from './list-container.ts';
import { baseUrlOf } from './page-facts.ts';

const MAX_ITEMS = 100;
const MAX_TITLE_CHARS = 200;
/** How many ancestors above a link may hold the date printed beside it (a→td→tr, a→div→div.item). */
const MAX_CLIMB = 4;
/** Elements that hold a whole list, or the page: never one entry. */
const LIST_TAGS = new Set(['ul', 'ol', 'table', 'tbody', 'thead', 'tfoot', 'body', 'html', 'form']);
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);
/** Entries whose 11/20 is a date: elsewhere a pager's 1/25 is printed the same way. */
const LOOSE_DATE_TAGS = new Set(['li', 'tr', 'dd']);
/** Links of a pager or of the site's furniture, which a date beside them does not make entries. */
const FURNITURE =
  /^(?:首页|上一?页|下一?页|前一页|后一页|尾页|末页|最后一页|第一页|\d{1,4}|跳转|转到|GO|更多|more|设为首页|加入收藏|收藏本站|无障碍(?:浏览)?|长者模式|关怀版|English|登录|注册|天气)$/i;
/** A pager's own words: 共25页, 第1页. */
const PAGER_TEXT = /[共第]\s*\d+\s*页/;

/**
 * The dated entries of the page's lists, as the page prints them, at most 100, in document order: a
 * link with a date beside it in the same entry (`<li><a>标题</a><span>2026-11-20</span></li>`, a table
 * row, `<dd>`, `<div class="item">`) or inside the link in an element of its own. The date text is
 * kept as printed ('[11-20]', '2026年11月20日', '20 2026-11' for a day printed apart from its year and
 * month); reading it is the checks' job. Each entry says which of the page's lists holds it (see
 * `listKeys`). Date widgets (今天是…星期三), pagers and the site's furniture links (设为首页, 无障碍)
 * are not entries.
 */
export function pageListItems($: CheerioAPI, pageUrl: string, charset = 'utf-8'): ListItem[] {
  const base = baseUrlOf($, pageUrl, charset);
  const datesOf = new Map<Element, string[] | null>();
  const entries = new Map<Element, ListItem>();
  for (const anchor of $('a[href]').toArray()) {
    const found = dateInside(anchor) ?? dateBeside(anchor, datesOf);
    if (!found) continue;
    const title = titleOf(found.title, anchor.attribs.title);
    if (title === '' || FURNITURE.test(title.replace(/\s/g, ''))) continue;
    const url = normalizeUrl(anchor.attribs.href ?? '', base, charset);
    if (!url) continue;
    const known = entries.get(found.entry);
    if (known) {
      // A category link ([区县动态]) beside the title: the longer text is the title.
      if (title.length > known.title.length) Object.assign(known, { title, url });
    } else if (entries.size < MAX_ITEMS) {
      entries.set(found.entry, { title, url, dateText: found.dateText });
    }
  }
  const lists = listKeys([...entries.keys()]);
  return [...entries].map(([element, item]) => ({ ...item, list: lists.get(element)! }));
}

/** The link's text, or its title attribute when the text is empty or cut short (关于做好…). */
function titleOf(text: string, attribute: string | undefined): string {
  const full = collapse(attribute ?? '');
  const cut = text === '' || /(?:…|\.\.\.)$/.test(text);
  return (cut && full !== '' ? full : text).slice(0, MAX_TITLE_CHARS);
}

interface Found {
  entry: Element;
  dateText: string;
  title: string;
}

/** A date in an element of its own inside the link: `<a><span>标题</span><span>2026-11-20</span></a>`. */
function dateInside(anchor: Element): Found | undefined {
  // Most links hold their text alone: nothing inside them to read a date from.
  if (!anchor.children.some(isTag)) return undefined;
  const loose = inLooseDateEntry(anchor);
  for (const element of descendants(anchor)) {
    const pieces = textPieces(element, () => true);
    const dates = printedDates(pieces, { loose });
    if (dates.length !== 1 || dates[0]!.widget || dates[0]!.text !== pieces.join(' ')) continue;
    const title = collapse(textNodes(anchor, (node) => node !== element).join(''));
    return title === '' ? undefined : { entry: anchor, dateText: dates[0]!.text, title };
  }
  return undefined;
}

/** The elements under `root`, in document order. */
function descendants(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: AnyNode) => {
    if (!isTag(node)) return;
    found.push(node);
    node.children.forEach(walk);
  };
  root.children.forEach(walk);
  return found;
}

/** The date printed beside the link, in the nearest ancestor that is one entry of a list. */
function dateBeside(anchor: Element, datesOf: Map<Element, string[] | null>): Found | undefined {
  let element = anchor.parent;
  for (let climbed = 0; climbed < MAX_CLIMB && element && isTag(element); climbed++) {
    let dates = datesOf.get(element);
    if (dates === undefined) {
      dates = entryDates(element);
      datesOf.set(element, dates);
    }
    if (dates === null) return undefined;
    if (dates.length > 0) {
      const title = collapse(textNodes(anchor, () => true).join(''));
      return { entry: element, dateText: dates.at(-1)!, title };
    }
    element = element.parent;
  }
  return undefined;
}

/**
 * The dates printed in `element` outside its links when it can be one entry: [] when it has none
 * (look further up), null when it cannot be an entry (a list, several entries, a date widget, a
 * pager). An entry element (li, tr, dd, dt) may print two dates (成文日期, 发布日期): the last is
 * taken, and a date with its year before one without (a row's amount of 11.20 after its date).
 */
function entryDates(element: Element): string[] | null {
  if (LIST_TAGS.has(element.name) || holdsList(element)) return null;
  const entryTag = ENTRY_TAGS.has(element.name);
  if (!entryTag && holdsSeveralEntries(element)) return null;
  const pieces = textPieces(element, (child) => child.name !== 'a');
  if (pieces.some((piece) => PAGER_TEXT.test(piece))) return null;
  const dates = printedDates(pieces, { loose: inLooseDateEntry(element) });
  if (dates.some((date) => date.widget)) return null;
  if (dates.length > 1 && !entryTag) return null;
  const full = dates.filter((date) => date.full);
  return (full.length > 0 ? full : dates).map((date) => date.text);
}

/** True inside an <li>, <tr> or <dd>, where 11/20 and a whole 11.20 are dates. */
function inLooseDateEntry(element: Element): boolean {
  for (let node: Element | null = element; node && isTag(node); node = node.parent as Element | null) {
    if (LOOSE_DATE_TAGS.has(node.name)) return true;
  }
  return false;
}

function holdsList(element: Element): boolean {
  return element.children.some(
    (child) => isTag(child) && (LIST_TAGS.has(child.name) || ENTRY_TAGS.has(child.name) || holdsList(child)),
  );
}

/** True when two or more children hold links: a list of entries rather than one entry. */
function holdsSeveralEntries(element: Element): boolean {
  return element.children.filter((child) => isTag(child) && child.name !== 'a' && hasLink(child)).length > 1;
}

function hasLink(element: Element): boolean {
  return element.children.some(
    (child) => isTag(child) && ((child.name === 'a' && 'href' in child.attribs) || hasLink(child)),
  );
}

/** The element's text node by text node, collapsed, leaving out empty ones and elements `enter` refuses. */
function textPieces(element: Element, enter: (element: Element) => boolean): string[] {
  return textNodes(element, enter)
    .map(collapse)
    .filter((text) => text !== '');
}

/** The text nodes under `root`, leaving out scripts, styles and the elements `enter` refuses. */
function textNodes(root: Element, enter: (element: Element) => boolean): string[] {
  const found: string[] = [];
  const walk = (node: AnyNode) => {
    if (isText(node)) found.push(node.data);
    else if (isTag(node) && !NOT_TEXT.has(node.name) && enter(node)) node.children.forEach(walk);
  };
  root.children.forEach(walk);
  return found;
}
