import type { CrawledPage } from '../../crawlers/artifacts.ts';
import { findDates } from './dates.ts';
import { excerpt } from './text.ts';

/** Words by which a page presents itself as archived, or a link names the archive. */
export const ARCHIVED_WORDS = /已\s*归\s*档|归档时间|归档日期|历史归档/;
/** How much body text the crawl keeps per page (`CrawledPage.text`); a label further down is not seen. */
export const CRAWLED_TEXT_CAP = 20_000;
/** The archive date must be written this close to the 已归档 label to read as its date. */
const LABEL_DATE_DISTANCE = 80;
const LABEL = /已\s*归\s*档/g;

/** Archive words in the title, or in the text beyond what the page's links say (a 历史归档 menu entry is not a label). */
export function presentsAsArchived(page: CrawledPage): boolean {
  if (ARCHIVED_WORDS.test(page.title)) return true;
  const inText = countMatches(page.text);
  if (inText === 0) return false;
  return inText > page.links.reduce((n, link) => n + countMatches(link.text), 0);
}

function countMatches(text: string): number {
  return text.match(new RegExp(ARCHIVED_WORDS.source, 'g'))?.length ?? 0;
}

export interface LabelProblem {
  message: string;
  evidence: Record<string, unknown>;
}

/**
 * Null when the page shows 已归档 with a date next to it, in its title or its text (the title is read
 * first, as if it preceded the text); otherwise what is missing, with the text seen. Only the first
 * `CRAWLED_TEXT_CAP` characters of the text are known: a label further down is not found.
 */
export function labelProblem(page: CrawledPage): LabelProblem | null {
  const textAt = page.title === '' ? 0 : page.title.length + 1;
  const reading = textAt === 0 ? page.text : `${page.title}\n${page.text}`;
  const labels = [...reading.matchAll(LABEL)];
  const dates = findDates(reading);
  for (const label of labels) {
    const start = label.index;
    const end = start + label[0].length;
    const near = (d: (typeof dates)[number]) =>
      d.index + d.text.length >= start - LABEL_DATE_DISTANCE && d.index <= end + LABEL_DATE_DISTANCE;
    if (dates.some(near)) return null;
  }
  const first = labels[0];
  if (first !== undefined) {
    return {
      message: '页面注明了“已归档”，但附近没有归档时间。',
      evidence: {
        textAroundLabel:
          first.index < textAt
            ? excerpt(page.title, first.index, first.index + first[0].length, LABEL_DATE_DISTANCE)
            : excerpt(
                page.text,
                first.index - textAt,
                first.index - textAt + first[0].length,
                LABEL_DATE_DISTANCE,
              ),
      },
    };
  }
  const capped = page.text.length >= CRAWLED_TEXT_CAP;
  const hint = /归档|archive/i.exec(page.text);
  return {
    message: capped
      ? `归档页面的标题和正文前 ${CRAWLED_TEXT_CAP} 字中没有注明“已归档”字样。`
      : '归档页面没有注明“已归档”字样。',
    evidence: {
      pageTitle: page.title,
      ...(hint === null
        ? { textStart: excerpt(page.text, 0, 0, LABEL_DATE_DISTANCE * 2) }
        : {
            textAroundArchiveWord: excerpt(
              page.text,
              hint.index,
              hint.index + hint[0].length,
              LABEL_DATE_DISTANCE,
            ),
          }),
      datesOnPage: findDates(page.text)
        .slice(0, 5)
        .map((d) => d.text),
      ...(capped ? { textCapped: CRAWLED_TEXT_CAP } : {}),
    },
  };
}
