import type { CheerioAPI } from 'cheerio';
import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import type { Letter } from '../artifacts.ts';
import { findDates } from '../printed-date.ts';
import { collapse, NOT_TEXT } from '../visible-text.ts';

/** The most of a letter's title kept. */
export const MAX_TITLE_CHARS = 200;
const MAX_STATE_CHARS = 20;

/** A header cell is a word or two, never a value. */
const MAX_HEADER_CHARS = 8;

const TITLE_HEADER = /^(?:信件|来信|留言|咨询|问题|建议|诉求)?(?:标题|主题|题目)$/;
const ASKED_HEADER = /^(?:留言|来信|提问|写信|咨询|提交|发信|建言|发布|登记|诉求)?(?:时间|日期)$/;
const REPLIED_HEADER = /^(?:回复|答复|办结|回应|反馈|处理|办理)(?:时间|日期)$/;
const STATE_HEADER = /^(?:(?:办理|回复|处理|答复|信件|留言)(?:状态|情况|结果)|状态|是否回复)$/;

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
export function headedRows(
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

/** The link's text, or its title attribute when the text is empty or cut short (关于…). */
export function titleOf(text: string, attribute: string | undefined): string {
  const full = collapse(attribute ?? '');
  const cut = text === '' || /(?:…|\.\.\.)$/.test(text);
  return (cut && full !== '' ? full : text).slice(0, MAX_TITLE_CHARS);
}
