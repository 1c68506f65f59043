import type { ArchiveLine, CrawledPage } from '../../crawlers/artifacts.ts';
import { findDates } from './dates.ts';
import { excerpt } from './text.ts';

/**
 * 已归档 as a statement about the page (本页面已归档, 已于2023年6月30日归档), not a record office's count of
 * what it archived (已归档文件12万件, 已归档的案卷, 已归档 3000 件).
 */
const STATEMENT_END = String.raw`(?!\s*(?:的|文件|资料|案卷|档案|材料|数据|\d+\s*[万千百]?\s*[件卷份盒册条个]))`;
const LABEL_SOURCE = String.raw`(?:已\s*归\s*档|已于[^，。；,;]{1,20}?归\s*档)${STATEMENT_END}`;
const LABEL = new RegExp(LABEL_SOURCE);
/** Words by which a page presents itself as archived, or a link names the archive. */
export const ARCHIVED_WORDS = new RegExp(`${LABEL_SOURCE}|归档时间|归档日期|历史归档`);
/** The words of a label on the page itself, beside the archive's name (历史归档). */
const LABEL_WORDS = new RegExp(String.raw`${LABEL_SOURCE}|归\s*档\s*(时\s*间|日\s*期)`);
/** How much body text the crawl keeps per page (`CrawledPage.text`); a label further down is not seen. */
export const CRAWLED_TEXT_CAP = 20_000;
/** 归档时间：2023-06-30, 归档日期为2023年6月30日: the words, then the date. */
const TIME_WORDS = /归\s*档\s*(时\s*间|日\s*期)/g;
/** 于2023年6月30日归档, 2023-06-30 已归档, 2023年6月30日起归档: the date, then (a few characters and) 归档. */
const DATE_THEN_ARCHIVED = /^[\s，,]*(起|已|被|进行|正式|予以)?\s*(已|被)?\s*归\s*档/;

/**
 * A line this short is the element that prints the label (`<div class="gdxx">…</div>`): any date in it is
 * the label's. In a longer one (a paragraph, a title naming a document) only a date next to 已归档 is.
 */
const LABEL_LINE_CHARS = 80;
const NEXT_TO_LABEL_CHARS = 2;
/** 归档时间：2023-06-30, 归档日期为 2023年6月30日: the date follows the words within a few characters. */
const AFTER_TIME_WORDS_CHARS = 6;

interface LabelLine extends ArchiveLine {
  /** The page's title, whose dates (a document's name) are never the label's unless next to it. */
  isTitle?: boolean;
}

/** What a page shows of its archive label: the title and its text lines with archive words. */
function labelLines(page: CrawledPage): LabelLine[] {
  const title = page.title === '' ? [] : [{ text: page.title, own: page.title, isTitle: true }];
  return [...title, ...(page.archiveLines ?? [])];
}

/**
 * Archive words in the title, or in the page's own words of a short line: a label is a line of its own
 * (本页面已归档　归档时间：…); a paragraph that mentions 已归档 (an archives bureau's report) does not
 * present its page as archived, nor does a 历史归档 menu entry (a link, not the page's own words).
 */
export function presentsAsArchived(page: CrawledPage): boolean {
  return labelLines(page).some(
    (line) => ARCHIVED_WORDS.test(line.own) && (line.isTitle || line.own.length <= LABEL_LINE_CHARS),
  );
}

/**
 * True when the page presents itself only by the archive's name (历史归档 in its title or heading), not by
 * a label: the archive column's own list page rather than an archived page.
 */
export function namesTheArchiveOnly(page: CrawledPage): boolean {
  return presentsAsArchived(page) && !labelLines(page).some((line) => LABEL_WORDS.test(line.own));
}

export interface LabelProblem {
  message: string;
  evidence: Record<string, unknown>;
}

/** The archive time a line gives its label, if it gives one: after 归档时间/归档日期, before 归档, or beside 已归档. */
function archiveTime(line: LabelLine): string | undefined {
  if (!/归\s*档/.test(line.own)) return undefined;
  const dates = findDates(line.text);
  for (const words of line.text.matchAll(TIME_WORDS)) {
    const end = words.index + words[0].length;
    const after = dates.find((date) => date.index >= end && date.index - end <= AFTER_TIME_WORDS_CHARS);
    if (after) return after.text;
    const inNextCell = line.next === undefined ? undefined : findDates(line.next)[0];
    if (inNextCell?.index === 0) return inNextCell.text;
  }
  const before = dates.find((date) =>
    DATE_THEN_ARCHIVED.test(line.text.slice(date.index + date.text.length)),
  );
  if (before) return before.text;
  const label = LABEL.exec(line.text);
  if (label === null || !LABEL.test(line.own)) return undefined;
  if (!line.isTitle && line.text.length <= LABEL_LINE_CHARS) return dates[0]?.text;
  const end = label.index + label[0].length;
  const next = dates.find(
    (date) =>
      date.index + date.text.length >= label.index - NEXT_TO_LABEL_CHARS &&
      date.index <= end + NEXT_TO_LABEL_CHARS,
  );
  return next?.text;
}

/**
 * Null when the page shows 已归档 and an archive time that belongs to it: a date after 归档时间/归档日期
 * (or in the cell after it), a date followed by 归档 (于2023年6月30日归档), or a date in the same line as
 * 已归档 (`<div class="gdxx">本页面已归档 2023-06-30</div>`), in the title or a line of the text. A date
 * elsewhere on the page (a news list, the article's 发布时间 in another block) is not the archive time.
 * Otherwise what is missing, with what was seen. Only the first `CRAWLED_TEXT_CAP` characters are read.
 */
export function labelProblem(page: CrawledPage): LabelProblem | null {
  const lines = labelLines(page);
  const labels = lines.filter((line) => LABEL.test(line.own));
  const times = lines.map(archiveTime).filter((time) => time !== undefined);
  if (labels.length > 0 && times.length > 0) return null;
  const datesOnPage = findDates(page.text)
    .slice(0, 5)
    .map((d) => d.text);
  const first = labels[0];
  if (first !== undefined) {
    return {
      message:
        '页面注明了“已归档”，但没有注明归档时间：应写明“归档时间/归档日期”，或在“已归档”的同一段文字中写明日期，页面其他位置的日期不算。',
      evidence: { textAroundLabel: first.text, ...(datesOnPage.length > 0 ? { datesOnPage } : {}) },
    };
  }
  const capped = page.text.length >= CRAWLED_TEXT_CAP;
  const hint = lines.find((line) => /归\s*档/.test(line.own));
  return {
    message: capped
      ? `归档页面的标题和正文前 ${CRAWLED_TEXT_CAP} 字中没有注明“已归档”字样。`
      : '归档页面没有注明“已归档”字样。',
    evidence: {
      pageTitle: page.title,
      ...(hint === undefined
        ? { textStart: excerpt(page.text, 0, 0, 160) }
        : { textAroundArchiveWord: hint.text }),
      datesOnPage,
      ...(capped ? { textCapped: CRAWLED_TEXT_CAP } : {}),
    },
  };
}
