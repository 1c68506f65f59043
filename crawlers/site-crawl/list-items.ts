import type { CheerioAPI } from 'cheerio';
import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import type { ListItem } from '../artifacts.ts';
import { normalizeUrl } from '../url.ts';
import { collapse } from '../visible-text.ts';
import { baseUrlOf } from './page-facts.ts';

const MAX_ITEMS = 100;
const MAX_TITLE_CHARS = 200;
/** How many ancestors above a link may hold the date printed beside it (a→td→tr, a→div→div.item). */
const MAX_CLIMB = 4;
/** Elements that are one entry of a list, whatever else they hold (a row with 成文日期 and 发布日期). */
const ENTRY_TAGS = new Set(['li', 'tr', 'dd', 'dt']);
/** Elements that hold a whole list, or the page: never one entry. */
const LIST_TAGS = new Set(['ul', 'ol', 'table', 'tbody', 'thead', 'tfoot', 'body', 'html', 'form']);
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);
/** The header's date widget (今天是2026年11月25日 星期三), not the date of an entry. */
const WIDGET_WORDS = /今天|今日|星期|礼拜|周[一二三四五六日天]|农历|当前时间|现在时间/;

const OPEN = String.raw`[\[【(（]`;
const CLOSE = String.raw`[\]】)）]`;
/** 2026-11-20, 2026/11/20, 2026.11.20 (one separator, used twice), 2026年11月20日. */
const FULL_DATE = new RegExp(
  String.raw`(?<!\d)${OPEN}?(?:(?:19|20)\d\d([-/.])\d{1,2}\1\d{1,2}(?!\d)|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号])${CLOSE}?`,
  'g',
);
/** 11-20, [11-20], 11/20, 11月20日, standing alone (not part of a longer number or a sentence). */
const MONTH_DAY = new RegExp(
  String.raw`(?<=^|[\s\[【(（])${OPEN}?(?<month>\d{1,2})(?:[-/]|\s*月\s*)(?<day>\d{1,2})(?:\s*[日号])?${CLOSE}?(?=$|[\s\]】)）])`,
  'g',
);

/**
 * The dated entries of the page's lists, as the page prints them, at most 100, in document order: a
 * link with a date beside it in the same entry (`<li><a>标题</a><span>2026-11-20</span></li>`, a table
 * row, `<dd>`, `<div class="item">`) or inside the link in an element of its own. The date text is
 * kept as printed ('[11-20]', '2026年11月20日'); reading it is the checks' job. Date widgets
 * (今天是…星期三) are not entries.
 */
export function pageListItems($: CheerioAPI, pageUrl: string): ListItem[] {
  const base = baseUrlOf($, pageUrl);
  const datesOf = new Map<Element, string[] | null>();
  const entries = new Map<Element, ListItem>();
  for (const anchor of $('a[href]').toArray()) {
    const url = normalizeUrl(anchor.attribs.href ?? '', base);
    if (!url) continue;
    const found = dateInside($, anchor) ?? dateBeside(anchor, datesOf);
    if (!found) continue;
    const title = titleOf(found.title, anchor.attribs.title);
    if (title === '') continue;
    const known = entries.get(found.entry);
    if (known) {
      // A category link ([区县动态]) beside the title: the longer text is the title.
      if (title.length > known.title.length) Object.assign(known, { title, url });
    } else if (entries.size < MAX_ITEMS) {
      entries.set(found.entry, { title, url, dateText: found.dateText });
    }
  }
  return [...entries.values()];
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
function dateInside($: CheerioAPI, anchor: Element): Found | undefined {
  for (const element of $(anchor).find('*').toArray()) {
    const text = collapse($(element).text());
    const dates = datesIn(text);
    if (dates.length !== 1 || dates[0] !== text) continue;
    const title = collapse(textNodes(anchor, (node) => node !== element).join(''));
    return title === '' ? undefined : { entry: anchor, dateText: text, title };
  }
  return undefined;
}

/** The date printed beside the link, in the nearest ancestor that is one entry of a list. */
function dateBeside(anchor: Element, datesOf: Map<Element, string[] | null>): Found | undefined {
  const title = collapse(textNodes(anchor, () => true).join(''));
  let element = anchor.parent;
  for (let climbed = 0; climbed < MAX_CLIMB && element && isTag(element); climbed++) {
    let dates = datesOf.get(element);
    if (dates === undefined) {
      dates = entryDates(element);
      datesOf.set(element, dates);
    }
    if (dates === null) return undefined;
    if (dates.length > 0) return { entry: element, dateText: dates.at(-1)!, title };
    element = element.parent;
  }
  return undefined;
}

/**
 * The dates printed in `element` outside its links when it can be one entry: [] when it has none
 * (look further up), null when it cannot be an entry (a list, several entries, a date widget). An
 * entry element (li, tr, dd, dt) may print two dates (成文日期, 发布日期): the last is taken.
 */
function entryDates(element: Element): string[] | null {
  if (LIST_TAGS.has(element.name) || holdsList(element)) return null;
  const entryTag = ENTRY_TAGS.has(element.name);
  if (!entryTag && holdsSeveralEntries(element)) return null;
  const side = sideText(element);
  if (WIDGET_WORDS.test(side)) return null;
  const dates = datesIn(side);
  return dates.length > 1 && !entryTag ? null : dates;
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

/** The element's text outside its links, text node by text node, joined with spaces. */
function sideText(element: Element): string {
  return textNodes(element, (child) => child.name !== 'a')
    .map(collapse)
    .filter((text) => text !== '')
    .join(' ');
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

/** The dates written in `text`, as written (brackets kept), in the order they appear. */
function datesIn(text: string): string[] {
  const ascii = text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const spans: [number, number][] = [];
  for (const m of ascii.matchAll(FULL_DATE)) spans.push([m.index, m.index + m[0].length]);
  for (const m of ascii.matchAll(MONTH_DAY)) {
    const month = Number(m.groups!.month);
    const day = Number(m.groups!.day);
    const start = m.index;
    const overlaps = spans.some(([from, to]) => start < to && start + m[0].length > from);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && !overlaps) {
      spans.push([start, start + m[0].length]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]).map(([from, to]) => text.slice(from, to));
}
