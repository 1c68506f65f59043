import type { CheerioAPI } from 'cheerio';
import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import type { Letter } from '../artifacts.ts';
import { findDates } from '../printed-date.ts';
import { textLines } from '../text-lines.ts';
import { normalizeUrl } from '../url.ts';
import { collapse, NOT_TEXT } from '../visible-text.ts';
import { headedRows, MAX_TITLE_CHARS, titleOf } from './letter-table.ts';
import { baseUrlOf } from './page-facts.ts';

const MAX_LETTERS = 100;
/** How many ancestors above a letter's link may hold its dates and state (a→span→div.info→li). */
const MAX_CLIMB = 3;
/** Elements that hold a whole list or the page: never one letter. */
const LIST_TAGS = new Set(['ul', 'ol', 'table', 'tbody', 'thead', 'dl', 'body', 'html', 'form']);

/** The states letter boxes print: answered (已回复, 已办结) and not yet (未回复, 办理中, 待回复, 已受理). */
const LETTER_STATE =
  /已回复|已答复|已办结|已处理|已反馈|已回应|已办理|已完成|暂未回复|未回复|未答复|未办结|未处理|待回复|待答复|待处理|办理中|处理中|受理中|已受理|转办中|交办中/;

const ASKED_LABEL = /(?:留言|来信|提问|写信|咨询|提交|发信|诉求)(?:时间|日期)/;
const REPLIED_LABEL = /(?:回复|答复|办结|回应|反馈)(?:时间|日期)/;
const STATE_LABEL = /(?:办理|回复|处理|答复|信件|留言)?(?:状态|结果)/;
const TITLE_LABEL = /^(?:信件|来信|留言|咨询|问题|诉求)?(?:标题|主题)\s*(?:[:：]\s*|$)/;

/**
 * The letters of a letter box the page prints, at most 100, as TRS, 大汉 (Hanweb) and 开普云 print them:
 * the rows of a list with a header row naming its columns (标题, 留言时间, 回复时间, 状态; a table, or
 * `<li>` rows of `<span>` cells, the header above the list), list rows whose link stands beside
 * labelled dates or a state (`留言时间：2026-03-14 回复时间：2026-03-20 已回复`), or else the one
 * letter of a detail page (来信时间 … 回复时间 / 答复时间 / 办理结果). Hanweb's lists kept as records
 * in a `<script type="text/xml">` are read once the page has them in place (`withDatastoreRecords`).
 * Dates and states are kept as printed.
 */
export function pageLetters(page: CheerioAPI, pageUrl: string, charset = 'utf-8'): Letter[] {
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
  if (!mayHoldLetterRows($)) return letters;
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

/**
 * Whether any row of the page could be a letter: a row is one only when its text carries a labelled
 * date or a state (`labelledLetter`), which the text of the whole document then carries too. Most pages
 * carry none, and climbing from each of their links is the letter reader's costly part.
 */
function mayHoldLetterRows($: CheerioAPI): boolean {
  const text = $.root().text();
  return REPLIED_LABEL.test(text) || ASKED_LABEL.test(text) || LETTER_STATE.test(text);
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
  const state = detailState(text);
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

/**
 * The state a detail page prints: after its label (办理状态：已办结, 状态 | 未回复), else the first state
 * word after the question's date label, so that the box's own tabs above the letter (已回复信件) are not it.
 */
function detailState(text: string): string | undefined {
  const label = STATE_LABEL.exec(text);
  if (label) {
    const rest = text.slice(label.index + label[0].length, label.index + label[0].length + 20);
    const state = LETTER_STATE.exec(rest.replace(/^[\s:：|]*/, ''));
    if (state?.index === 0) return state[0];
  }
  const asked = ASKED_LABEL.exec(text)!;
  return LETTER_STATE.exec(text.slice(asked.index))?.[0];
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
