/**
 * How Chinese government pages print dates, read the same way by the list-entry gatherer and by the
 * checks: full dates (2026-11-20, 2026年11月20日), a month and day standing alone ([11-20], 11/20,
 * 11月20日, a whole 11.20), the date block printing the day apart from its year and month
 * (<span>20</span><span>2026-11</span>), and the header's date widget (今天是2026年11月25日 星期三),
 * which dates nothing on the page.
 */

/** Full-width digits and letters (０-９, Ａ-Ｚ) as their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** A real day of the calendar from 1990 to 2100: not 2023-02-30, not month 13. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date written in a page's text. */
export interface FoundDate {
  /** The text as written, e.g. '2023年5月8日 10:30'. */
  text: string;
  /** Where it starts in the searched text. */
  index: number;
  /** 'YYYY-MM-DD', plus 'THH:MM' when a valid time was written after it. */
  iso: string;
}

/** 2020-03-01, 2020/03/01, 2020.03.01, 2020-3-1: one separator, used twice. */
const NUMERIC = String.raw`(?<y1>\d{4})(?<sep>[-/.])(?<m1>\d{1,2})\k<sep>(?<d1>\d{1,2})`;
/** 2020年3月1日 (or 1号), spaces allowed between the parts. */
const CHINESE = String.raw`(?<y2>\d{4})\s*年\s*(?<m2>\d{1,2})\s*月\s*(?<d2>\d{1,2})\s*[日号]`;
/** 10:30, 10:30:15, 10时30分. */
const TIME = String.raw`(?:\s*(?<hh>\d{1,2})(?::|时)(?<mm>\d{1,2})(?:(?::|分)(?<ss>\d{1,2})秒?)?分?)?`;
const DATE = new RegExp(String.raw`(?<!\d)(?<date>${NUMERIC}|${CHINESE})(?!\d)(?<time>${TIME})`, 'g');

/**
 * Every real calendar date in `text`, in the formats Chinese government sites use (full-width digits
 * too), each with its time when one follows. Impossible dates (2023-02-30, month 13) are skipped.
 */
export function findDates(text: string): FoundDate[] {
  // Half-width conversion maps each character to one character, so indices stay valid for `text`.
  const normalized = toHalfWidth(text);
  const found: FoundDate[] = [];
  for (const m of normalized.matchAll(DATE)) {
    const g = m.groups!;
    const year = Number(g.y1 ?? g.y2);
    const month = Number(g.m1 ?? g.m2);
    const day = Number(g.d1 ?? g.d2);
    if (!isCalendarDate(year, month, day)) continue;
    let iso = `${year}-${pad(month)}-${pad(day)}`;
    let length = g.date!.length;
    const hour = Number(g.hh);
    const minute = Number(g.mm);
    if (g.hh !== undefined && hour < 24 && minute < 60) {
      iso += `T${pad(hour)}:${pad(minute)}`;
      length += g.time!.length;
    }
    found.push({ text: text.slice(m.index, m.index + length).trim(), index: m.index, iso });
  }
  return found;
}

const OPEN = String.raw`[\[【(（]`;
const CLOSE = String.raw`[\]】)）]`;
/** 11-20, [11-20], 11/20, 11月20日, standing alone (not part of a longer number, a full date or a sentence). */
const MONTH_DAY = new RegExp(
  String.raw`(?<=^|[\s\[【(（])${OPEN}?(?<month>\d{1,2})(?<sep>[-/]|\s*月\s*)(?<day>\d{1,2})(?:\s*[日号])?${CLOSE}?(?=$|[\s\]】)）])`,
  'g',
);
/** 11.20 or [11.20] as the whole text, the day in two digits: anywhere else it is a decimal. */
const DOT_MONTH_DAY = new RegExp(String.raw`^${OPEN}?(?<month>\d{1,2})\.(?<day>\d{2})${CLOSE}?$`);
const YEAR_MONTH = String.raw`((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?`;
/** The day printed apart from its year and month: '20 2026-11' or '2026-11 20' (two pieces joined by a space). */
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})\s+${YEAR_MONTH}$`);
const DAY_LAST = new RegExp(String.raw`^${YEAR_MONTH}\s+(\d{1,2})$`);

interface MonthDay {
  text: string;
  index: number;
  month: number;
  day: number;
  /** 11/20 or 11.20: what pagers (1/25) and decimals print too. */
  loose: boolean;
}

/** The months and days standing alone in `text`, or the whole of it as 11.20. */
function monthDaysIn(text: string): MonthDay[] {
  const normalized = toHalfWidth(text);
  const dot = DOT_MONTH_DAY.exec(normalized.trim());
  const matches = dot
    ? [{ match: dot, index: normalized.indexOf(dot[0]) }]
    : [...normalized.matchAll(MONTH_DAY)].map((match) => ({ match, index: match.index }));
  return matches.flatMap(({ match, index }): MonthDay[] => {
    const month = Number(match.groups!.month);
    const day = Number(match.groups!.day);
    if (month < 1 || month > 12 || day < 1 || day > 31) return [];
    const loose = dot !== null || match.groups!.sep === '/';
    return [{ text: text.slice(index, index + match[0].length), index, month, day, loose }];
  });
}

/** The first month and day standing alone in `text` ('[11-20]', '11月20日', '11/20', a whole '11.20'). */
export function readMonthDay(text: string): { month: number; day: number } | null {
  return monthDaysIn(text)[0] ?? null;
}

/** The day of a split date block, given as its two pieces joined by a space ('20 2026-11'). */
export function readSplitDate(text: string): { year: number; month: number; day: number } | null {
  const normalized = toHalfWidth(text).trim();
  const first = DAY_FIRST.exec(normalized);
  const last = first ? null : DAY_LAST.exec(normalized);
  const [year, month, day] = first
    ? [first[2], first[3], first[1]].map(Number)
    : last
      ? [last[1], last[2], last[3]].map(Number)
      : [];
  return year !== undefined && isCalendarDate(year, month!, day!) ? { year, month: month!, day: day! } : null;
}

/** A date as a page prints it, found in a run of text pieces. */
export interface PrintedDate {
  /** As printed, brackets kept; the two pieces of a split date block joined by a space ('20 2026-11'). */
  text: string;
  /** Which piece it is in (the first of a split block's two). */
  piece: number;
  /** True when the year is printed. */
  full: boolean;
  /** True when it is the date widget's (今天是…, …星期三): the day the page was viewed. */
  widget: boolean;
}

const WIDGET_WORDS = /今天|今日|星期|礼拜|周[一二三四五六日天]|农历|当前时间|现在时间/;
/** A text this short holding a widget word beside a date is the widget (a summary is longer). */
const MAX_WIDGET_CHARS = 30;
/** Right before the date: 今天是, 今日：, 当前时间：. */
const WIDGET_LEAD = /(?:今天|今日|当前时间|现在时间|当前日期|北京时间)\s*[是为]?\s*[:：]?\s*$/;
/** Right after it: 星期三, 周三 (not 周一上午 of a summary), 农历十月初六. */
const WIDGET_TAIL = /^[\s,，]*(?:(?:星期|礼拜|周)[一二三四五六日天](?![\u4e00-\u9fff])|农历)/;

/**
 * The dates printed in `pieces` (an element's text nodes, or a rendered page's texts, in order). A
 * split date block takes two adjacent pieces. 11/20 and a whole 11.20 count only when `loose` is set
 * (inside a list entry: elsewhere they are a pager's 1/25 or a decimal).
 */
export function printedDates(pieces: readonly string[], { loose }: { loose: boolean }): PrintedDate[] {
  const found: PrintedDate[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const before = pieces[i - 1] ?? '';
    const split = i + 1 < pieces.length ? `${piece} ${pieces[i + 1]}` : '';
    if (readSplitDate(split) !== null) {
      const widget = isWidget(split, before, pieces[i + 2] ?? '');
      found.push({ text: split, piece: i, full: true, widget });
      i++;
      continue;
    }
    const after = pieces[i + 1] ?? '';
    const full = findDates(piece).map(({ text, index }) => bracketed(piece, index, index + text.length));
    const partial = monthDaysIn(piece)
      .filter(
        (d) =>
          (loose || !d.loose) && !full.some(([from, to]) => d.index < to && d.index + d.text.length > from),
      )
      .map((d): [number, number, boolean] => [d.index, d.index + d.text.length, false]);
    for (const [from, to, isFull] of [...full, ...partial].sort((a, b) => a[0] - b[0])) {
      const widget = isWidget(piece, `${before} ${piece.slice(0, from)}`, `${piece.slice(to)} ${after}`);
      found.push({ text: piece.slice(from, to), piece: i, full: isFull, widget });
    }
  }
  return found;
}

/** The span of a full date with the brackets printed around it ([2026-11-20]). */
function bracketed(text: string, from: number, to: number): [number, number, boolean] {
  const start = from > 0 && /[[【(（]/.test(text[from - 1]!) ? from - 1 : from;
  const end = /[\]】)）]/.test(text[to] ?? '') ? to + 1 : to;
  return [start, end, true];
}

function isWidget(own: string, before: string, after: string): boolean {
  return (
    (own.length <= MAX_WIDGET_CHARS && WIDGET_WORDS.test(own)) ||
    WIDGET_LEAD.test(before) ||
    WIDGET_TAIL.test(after)
  );
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
