import { type CheerioAPI, load } from 'cheerio';
import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import type { Letter } from '../artifacts.ts';
import { findDates } from '../printed-date.ts';
import { textLines } from '../text-lines.ts';
import { normalizeUrl } from '../url.ts';
import { collapse, NOT_TEXT } from '../visible-text.ts';
import { baseUrlOf } from './page-facts.ts';

const MAX_LETTERS = 100;
const MAX_TITLE_CHARS = 200;
const MAX_STATE_CHARS = 20;
/** A header cell is a word or two, never a value. */
const MAX_HEADER_CHARS = 8;
/** How many ancestors above a letter's link may hold its dates and state (a→span→div.info→li). */
const MAX_CLIMB = 3;
/** Elements that hold a whole list or the page: never one letter. */
const LIST_TAGS = new Set(['ul', 'ol', 'table', 'tbody', 'thead', 'dl', 'body', 'html', 'form']);

/** The states letter boxes print: answered (已回复, 已办结) and not yet (未回复, 办理中, 待回复, 已受理). */
export const LETTER_STATE =
  /已回复|已答复|已办结|已处理|已反馈|已回应|已办理|已完成|暂未回复|未回复|未答复|未办结|未处理|待回复|待答复|待处理|办理中|处理中|受理中|已受理|转办中|交办中/;

const TITLE_HEADER = /^(?:信件|来信|留言|咨询|问题|建议|诉求)?(?:标题|主题|题目)$/;
const ASKED_HEADER = /^(?:留言|来信|提问|写信|咨询|提交|发信|建言|发布|登记|诉求)?(?:时间|日期)$/;
const REPLIED_HEADER = /^(?:回复|答复|办结|回应|反馈|处理|办理)(?:时间|日期)$/;
const STATE_HEADER = /^(?:(?:办理|回复|处理|答复|信件|留言)(?:状态|情况|结果)|状态|是否回复)$/;

const ASKED_LABEL = /(?:留言|来信|提问|写信|咨询|提交|发信|诉求)(?:时间|日期)/;
const REPLIED_LABEL = /(?:回复|答复|办结|回应|反馈)(?:时间|日期)/;
const TITLE_LABEL = /^(?:信件|来信|留言|咨询|问题|诉求)?(?:标题|主题)\s*(?:[:：]\s*|$)/;

/**
 * The letters of a letter box the page prints, at most 100, as TRS, 大汉 (Hanweb) and 开普云 print them:
 * the rows of a list with a header row naming its columns (标题, 留言时间, 回复时间, 状态; a table, or
 * `<li>` rows of `<span>` cells, the header above the list), list rows whose link stands beside
 * labelled dates or a state (`留言时间：2026-03-14 回复时间：2026-03-20 已回复`), or else the one
 * letter of a detail page (来信时间 … 回复时间 / 答复时间 / 办理结果). Hanweb's lists kept as records
 * in a `<script type="text/xml">` are read as the browser expands them. Dates and states are kept as
 * printed.
 */
export function pageLetters($: CheerioAPI, pageUrl: string, charset = 'utf-8'): Letter[] {
  const page = withDatastoreRecords($);
  const base = baseUrlOf(page, pageUrl, charset);
  const resolve = (href: string | undefined) => normalizeUrl(href ?? '', base, charset) ?? pageUrl;
  const used = new Set<Element>();
  const letters = [...headedRows(page, resolve, used), ...listRows(page, resolve, used)];
  if (letters.length === 0) {
    const detail = detailLetter(page, pageUrl);
    if (detail) letters.push(detail);
  }
  return letters.slice(0, MAX_LETTERS);
}

/** The page with Hanweb's `<script type="text/xml"><record><![CDATA[…]]></record>` lists put in place. */
function withDatastoreRecords($: CheerioAPI): CheerioAPI {
  const stores = $('script[type="text/xml"]')
    .toArray()
    .filter((script) => /<record/i.test($(script).html() ?? ''));
  if (stores.length === 0) return $;
  const copy = load($.html());
  for (const script of copy('script[type="text/xml"]').toArray()) {
    const records = [
      ...(copy(script).html() ?? '').matchAll(/<record[^>]*>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/gi),
    ].map((m) => m[1]);
    if (records.length > 0) copy(script).replaceWith(records.join(''));
  }
  return copy;
}

interface Columns {
  title: number;
  asked: number;
  replied: number;
  state: number;
  count: number;
}

function headerColumns(cells: readonly string[] | null): Columns | null {
  if (cells === null || cells.length < 3) return null;
  const find = (pattern: RegExp) => cells.findIndex((cell) => pattern.test(cell));
  const columns = {
    title: find(TITLE_HEADER),
    asked: find(ASKED_HEADER),
    replied: find(REPLIED_HEADER),
    state: find(STATE_HEADER),
    count: cells.length,
  };
  if (columns.title < 0 || columns.asked < 0 || (columns.replied < 0 && columns.state < 0)) return null;
  return columns;
}

/** A row's cells: a table row's td/th, or the elements in a list row. */
function cellsOf(row: Element): Element[] {
  const tags = row.children.filter(isTag).filter((child) => !NOT_TEXT.has(child.name) && child.name !== 'br');
  return row.name === 'tr' ? tags.filter((cell) => cell.name === 'td' || cell.name === 'th') : tags;
}

/** The cells' words without spaces, or null as soon as one is longer than a header's: a row of values. */
function headerTexts(cells: readonly Element[]): string[] | null {
  const texts: string[] = [];
  for (const cell of cells) {
    let words = '';
    const walk = (node: AnyNode): boolean => {
      if (isText(node)) words += node.data.replace(/[\s\u00a0\u3000]/g, '');
      else if (isTag(node) && !NOT_TEXT.has(node.name)) return node.children.every(walk);
      return words.length <= MAX_HEADER_CHARS;
    };
    if (!cell.children.every(walk)) return null;
    texts.push(words);
  }
  return texts;
}

/** Letters read from lists whose header row names the columns; their rows are added to `used`. */
function headedRows(
  $: CheerioAPI,
  resolve: (href: string | undefined) => string,
  used: Set<Element>,
): Letter[] {
  const letters: Letter[] = [];
  for (const header of $('tr, li, div, p, dl, dt').toArray()) {
    const cells = cellsOf(header);
    if (cells.length < 3 || cells.length > 12) continue;
    const columns = headerColumns(headerTexts(cells));
    if (!columns) continue;
    for (const row of rowsAfter($, header, columns.count)) {
      const letter = rowLetter($, row, columns, resolve);
      if (!letter) continue;
      used.add(row);
      letters.push(letter);
    }
  }
  return letters;
}

/**
 * The rows under a header row of `count` cells: its siblings of the same tag and as many cells, or the
 * rows of the list right after it.
 */
function rowsAfter($: CheerioAPI, header: Element, count: number): Element[] {
  const same = $(header)
    .nextAll()
    .toArray()
    .filter((sibling) => sibling.name === header.name && cellsOf(sibling).length >= count);
  if (same.length > 0) return same;
  const holder = header.name === 'tr' && header.parent && isTag(header.parent) ? header.parent : header;
  const next = $(holder).nextAll().first().get(0);
  if (!next) return [];
  return next.name === 'table' || next.name === 'tbody'
    ? $(next).find('tr').toArray()
    : next.children.filter(isTag);
}

function rowLetter(
  $: CheerioAPI,
  row: Element,
  columns: Columns,
  resolve: (href: string | undefined) => string,
): Letter | undefined {
  const cells = cellsOf(row);
  if (cells.length < columns.count) return undefined;
  const asked = findDates(collapse($(cells[columns.asked]).text()))[0];
  if (!asked) return undefined;
  const titleCell = cells[columns.title]!;
  const anchor =
    (titleCell.name === 'a' ? titleCell : $(titleCell).find('a[href]').get(0)) ??
    $(row).find('a[href]').get(0);
  const title = titleOf(collapse($(anchor ?? titleCell).text()), anchor?.attribs.title);
  if (title === '') return undefined;
  const letter: Letter = { title, url: resolve(anchor?.attribs.href), askedText: asked.text, from: 'table' };
  if (columns.replied >= 0) {
    const text = collapse($(cells[columns.replied]).text());
    const replied = findDates(text)[0];
    if (replied) letter.repliedText = replied.text;
    else if (text !== '') letter.state = text.slice(0, MAX_STATE_CHARS);
  }
  if (columns.state >= 0) {
    const state = collapse($(cells[columns.state]).text());
    if (state !== '') letter.state = state.slice(0, MAX_STATE_CHARS);
  }
  return letter;
}

/**
 * Letters read from list rows without a header: a link with, beside it in its row, a labelled date
 * (留言时间：…, 回复时间：…) or a state word and a date. A news list (a link and its date) is none.
 */
function listRows(
  $: CheerioAPI,
  resolve: (href: string | undefined) => string,
  used: Set<Element>,
): Letter[] {
  const letters: Letter[] = [];
  const rows = new Set<Element>();
  for (const anchor of $('a[href]').toArray()) {
    const title = titleOf(collapse($(anchor).text()), anchor.attribs.title);
    if (title.length < 4) continue;
    const row = rowOf($, anchor, used);
    if (!row || rows.has(row)) continue;
    const own = collapse(textOutside(row, anchor));
    const letter = labelledLetter(own);
    if (!letter) continue;
    rows.add(row);
    letters.push({ title, url: resolve(anchor.attribs.href), ...letter, from: 'list' });
  }
  return letters;
}

/** The nearest ancestor of the link that prints a date outside it and holds no other link. */
function rowOf($: CheerioAPI, anchor: Element, used: Set<Element>): Element | undefined {
  let element = anchor.parent;
  for (let climbed = 0; climbed < MAX_CLIMB && element && isTag(element); climbed++) {
    if (LIST_TAGS.has(element.name) || used.has(element)) return undefined;
    const hrefs = new Set(
      $(element)
        .find('a[href]')
        .toArray()
        .map((a) => a.attribs.href),
    );
    if (hrefs.size > 1) return undefined;
    if (findDates(textOutside(element, anchor)).length > 0) return element;
    element = element.parent;
  }
  return undefined;
}

/** The dates and state a row or a detail page prints beside its labels; undefined when it is no letter. */
function labelledLetter(text: string): Pick<Letter, 'askedText' | 'repliedText' | 'state'> | undefined {
  const replied = dateAfter(text, REPLIED_LABEL);
  const state = LETTER_STATE.exec(text)?.[0];
  const labelledAsk = dateAfter(text, ASKED_LABEL);
  const asked = labelledAsk ?? findDates(text).find((date) => date.text !== replied)?.text;
  if (!asked || (!replied && !state && !labelledAsk)) return undefined;
  return { askedText: asked, ...(replied ? { repliedText: replied } : {}), ...(state ? { state } : {}) };
}

/** The date printed right after the label (`回复时间：2026-03-20`, `回复时间 | 2026-03-20` across cells). */
function dateAfter(text: string, label: RegExp): string | undefined {
  const match = label.exec(text);
  if (!match) return undefined;
  const rest = text.slice(match.index + match[0].length, match.index + match[0].length + 60);
  const lead = /^[\s:：|]*/.exec(rest)![0].length;
  const date = findDates(rest.slice(lead))[0];
  return date && date.index === 0 ? date.text : undefined;
}

/** The one letter of a detail page: a labelled question date and a reply date or state. */
function detailLetter($: CheerioAPI, pageUrl: string): Letter | undefined {
  const lines = textLines($).map((line) => line.text);
  const text = lines.join(' | ');
  const asked = dateAfter(text, ASKED_LABEL);
  if (!asked) return undefined;
  const replied = dateAfter(text, REPLIED_LABEL);
  const state = LETTER_STATE.exec(text)?.[0];
  if (!replied && !state) return undefined;
  return {
    title: detailTitle($, lines),
    url: pageUrl,
    askedText: asked,
    ...(replied ? { repliedText: replied } : {}),
    ...(state ? { state } : {}),
    from: 'detail',
  };
}

function detailTitle($: CheerioAPI, lines: readonly string[]): string {
  for (const [i, line] of lines.entries()) {
    const label = TITLE_LABEL.exec(line);
    if (!label) continue;
    const value = line.slice(label[0].length) || (lines[i + 1] ?? '');
    if (value !== '') return value.slice(0, MAX_TITLE_CHARS);
  }
  const heading = collapse($('h1, h2').first().text());
  return (heading || collapse($('title').text()).split(/[_|-]/)[0]!.trim()).slice(0, MAX_TITLE_CHARS);
}

/** The link's text, or its title attribute when the text is empty or cut short (关于…). */
function titleOf(text: string, attribute: string | undefined): string {
  const full = collapse(attribute ?? '');
  const cut = text === '' || /(?:…|\.\.\.)$/.test(text);
  return (cut && full !== '' ? full : text).slice(0, MAX_TITLE_CHARS);
}

/** The text under `root` outside `left` (its link), each element's boundary a space. */
function textOutside(root: Element, left: Element): string {
  const found: string[] = [];
  const walk = (node: AnyNode) => {
    if (isText(node)) found.push(node.data);
    else if (isTag(node) && node !== left && !NOT_TEXT.has(node.name)) {
      found.push(' ');
      node.children.forEach(walk);
      found.push(' ');
    }
  };
  root.children.forEach(walk);
  return found.join('');
}
