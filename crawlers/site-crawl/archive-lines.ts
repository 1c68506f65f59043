import type { CheerioAPI } from 'cheerio';
import type { ArchiveLine } from '../artifacts.ts';
import { textLines } from '../text-lines.ts';

/** The archive words a line must carry to be kept: 已归档, 归档时间, 历史归档… */
const ARCHIVE_WORD = /归\s*档/;
/** A line ending with 归档时间/归档日期 (and a colon): its value is the next line (a table's or a list's). */
const ENDS_WITH_TIME_WORDS = /归\s*档\s*(时\s*间|日\s*期)\s*[:：]?\s*$/;

const MAX_LINES = 10;
const MAX_LINE_CHARS = 200;
const MAX_NEXT_CHARS = 40;
/** As the crawl keeps a page's text: archive words further down are not read. */
const MAX_TEXT_CHARS = 20_000;

/**
 * The lines of a page's text that carry archive words, each as a reader sees it (up to the next block
 * element or `<br>`) with its words outside links, and, for a line ending with 归档时间, the line after
 * it. Read only when the page's title or text has 归档 at all; at most 10 lines of 200 characters.
 */
export function archiveLines($: CheerioAPI, title: string, text: string): ArchiveLine[] {
  if (!ARCHIVE_WORD.test(title) && !ARCHIVE_WORD.test(text)) return [];
  const lines = textLines($, MAX_TEXT_CHARS);
  const kept: ArchiveLine[] = [];
  for (let i = 0; i < lines.length && kept.length < MAX_LINES; i++) {
    const line = lines[i]!;
    // Its own words: a sidebar of 历史归档 links must not use up the lines before the page's label.
    if (!ARCHIVE_WORD.test(line.own)) continue;
    const next = ENDS_WITH_TIME_WORDS.test(line.own)
      ? lines[i + 1]?.text.slice(0, MAX_NEXT_CHARS)
      : undefined;
    kept.push({
      text: around(line.text),
      own: around(line.own),
      ...(next === undefined ? {} : { next }),
    });
  }
  return kept;
}

/** The line, or its 200 characters around its first archive word when it is longer (a block without breaks). */
function around(line: string): string {
  if (line.length <= MAX_LINE_CHARS) return line;
  const at = Math.max(0, line.search(ARCHIVE_WORD));
  const from = Math.max(0, Math.min(at - MAX_LINE_CHARS / 2, line.length - MAX_LINE_CHARS));
  return line.slice(from, from + MAX_LINE_CHARS);
}
