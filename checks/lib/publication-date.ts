import { type FoundDate, findDates } from './dates.ts';

/**
 * The label an article prints before its own publication date (发布时间：2026-11-20 10:30). Bare
 * 时间/日期 are left out: 截止时间, 报名日期 and 有效期 end the same way and are no publication date.
 */
const LABEL = /(?:发布|发表|发稿|发文)(?:时间|日期)\s*[:：]?\s*/g;
/** How far past the label the date may start: the label's own colon and spaces, nothing more. */
const LOOKAHEAD_CHARS = 30;

/**
 * The publication date an article prints after its label (发布时间, 发布日期, 发表时间, 发稿时间,
 * 发文日期), the first one, or undefined. A date anywhere else in the text (会议将于2027年1月5日召开,
 * 报名截止日期：…) is not the article's.
 */
export function labelledPublicationDate(text: string): FoundDate | undefined {
  for (const label of text.matchAll(LABEL)) {
    const from = label.index + label[0].length;
    const found = findDates(text.slice(from, from + LOOKAHEAD_CHARS))[0];
    if (found?.index === 0) return { ...found, index: from };
  }
  return undefined;
}
