import type { ListItem, RenderedText } from '../../crawlers/artifacts.ts';
import {
  findDates,
  isCalendarDate,
  printedDates,
  readMonthDay,
  readSplitDate,
} from '../../crawlers/printed-date.ts';
import { urlDates } from '../../crawlers/url-date.ts';
import type { CalendarDay } from './calendar.ts';

/** A list entry with the day its printed date stands for. */
export interface DatedItem {
  item: ListItem;
  /** 'YYYY-MM-DD'. */
  date: string;
  /** Whole calendar days from that day to today; 0 for today (and for tomorrow, see `FUTURE_SLACK_DAYS`). */
  daysAgo: number;
  /** True when the page printed only a month and day, and the year is the one in the entry's URL. */
  yearFromUrl: boolean;
}

/** A date the rendered page shows, outside the date widget. */
export interface ShownDate {
  text: string;
  selector: string;
  date: string;
  daysAgo: number;
}

/** How far past today a printed date may lie (a server clock set ahead) before it is taken for a mistake. */
const FUTURE_SLACK_DAYS = 1;
const MS_PER_DAY = 86_400_000;

/**
 * The day a list page's printed date stands for, as 'YYYY-MM-DD', or null when it is not a date or
 * lies more than a day after `today`. A month and day alone ('[11-20]', '11月20日', '11.20') takes its
 * year from the entry's `url` when the URL carries that month and day (t20241120_1.html, /2024/11/20/)
 * or that month (/202411/); else the latest year that puts it at most a day after today: on 3 January,
 * '[12-28]' is the 28th of December just gone; on 31 December, '[01-01]' is tomorrow.
 */
export function readListDate(dateText: string, today: CalendarDay, url?: string): string | null {
  return readDate(dateText, today, url)?.date ?? null;
}

function readDate(
  dateText: string,
  today: CalendarDay,
  url: string | undefined,
): { date: string; yearFromUrl: boolean } | null {
  const known = dayWithYear(dateText, url);
  if (known !== null) return notAfter(known.day, today, known.yearFromUrl);
  const monthDay = readMonthDay(dateText);
  if (monthDay === null) return null;
  // Eight years back reaches a leap year for 29 February.
  for (let year = today.year + 1; year > today.year - 8; year--) {
    const candidate = { year, ...monthDay };
    if (
      isCalendarDate(year, monthDay.month, monthDay.day) &&
      daysAfter(candidate, today) <= FUTURE_SLACK_DAYS
    ) {
      return { date: isoOf(candidate), yearFromUrl: false };
    }
  }
  return null;
}

/**
 * The day a printed date names when its year is known: printed, or a month and day whose year the
 * entry's URL gives. Null for a month and day alone (its year is only presumed) and for what is no date.
 */
function dayWithYear(
  dateText: string,
  url: string | undefined,
): { day: CalendarDay; yearFromUrl: boolean } | null {
  const full = findDates(dateText)[0];
  const [year, month, day] = full?.iso.slice(0, 10).split('-').map(Number) ?? [];
  const printed = year !== undefined ? { year, month: month!, day: day! } : readSplitDate(dateText);
  if (printed !== null) return { day: printed, yearFromUrl: false };
  const monthDay = readMonthDay(dateText);
  const fromUrl = monthDay === null || url === undefined ? undefined : urlYear(url, monthDay);
  return fromUrl === undefined ? null : { day: { year: fromUrl, ...monthDay! }, yearFromUrl: true };
}

/** The year of the first date in `url` on the printed month and day, or on that month. */
function urlYear(url: string, { month, day }: { month: number; day: number }): number | undefined {
  return urlDates(url).find(
    (found) =>
      found.month === month &&
      (found.day === undefined || found.day === day) &&
      isCalendarDate(found.year, month, day),
  )?.year;
}

function notAfter(
  day: CalendarDay,
  today: CalendarDay,
  yearFromUrl: boolean,
): { date: string; yearFromUrl: boolean } | null {
  return daysAfter(day, today) > FUTURE_SLACK_DAYS ? null : { date: isoOf(day), yearFromUrl };
}

/** The entries whose date could be read, newest first. */
export function datedItems(items: readonly ListItem[] | undefined, today: CalendarDay): DatedItem[] {
  const dated = (items ?? []).flatMap((item): DatedItem[] => {
    const read = readDate(item.dateText, today, item.url);
    return read === null ? [] : [{ item, ...read, daysAgo: daysAgo(read.date, today) }];
  });
  return dated.sort((a, b) => a.daysAgo - b.daysAgo);
}

/** A list entry dated more than a day after today (see `FUTURE_SLACK_DAYS`). */
export interface FutureItem {
  item: ListItem;
  date: string;
  /** Whole calendar days from today to that day. */
  daysAhead: number;
  yearFromUrl: boolean;
}

/**
 * The entries whose printed date lies more than a day after `today`, in list order. A month and day
 * alone counts only when the entry's URL gives its year: otherwise its year is presumed not to be ahead.
 */
export function futureItems(items: readonly ListItem[] | undefined, today: CalendarDay): FutureItem[] {
  return (items ?? []).flatMap((item): FutureItem[] => {
    const known = dayWithYear(item.dateText, item.url);
    if (known === null) return [];
    const ahead = daysAfter(known.day, today);
    return ahead > FUTURE_SLACK_DAYS
      ? [{ item, date: isoOf(known.day), daysAhead: ahead, yearFromUrl: known.yearFromUrl }]
      : [];
  });
}

/** Whether `date` ('YYYY-MM-DD') lies more than a day after `today`, beyond a server clock set ahead. */
export function isAhead(date: string, today: CalendarDay): boolean {
  return daysAfterIso(date, today) > FUTURE_SLACK_DAYS;
}

/** Whole calendar days from today to `date` ('YYYY-MM-DD'); negative for a day gone. */
export function daysAfterIso(date: string, today: CalendarDay): number {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return daysAfter({ year, month, day }, today);
}

/**
 * The newest date among the rendered page's visible texts, in any form a list prints, leaving out the
 * date widget's (今天是2026年11月25日, 2026-11-25 星期三): a list written by script shows its dates here
 * and not in the crawled HTML.
 */
export function newestShownDate(texts: readonly RenderedText[], today: CalendarDay): ShownDate | undefined {
  const visible = texts.filter((text) => text.visible);
  const shown = printedDates(
    visible.map((text) => text.text),
    { loose: true },
  ).flatMap((printed): ShownDate[] => {
    const date = printed.widget ? null : readListDate(printed.text, today);
    const { selector } = visible[printed.piece]!;
    return date === null ? [] : [{ text: printed.text, selector, date, daysAgo: daysAgo(date, today) }];
  });
  return shown.sort((a, b) => a.daysAgo - b.daysAgo)[0];
}

function daysAgo(date: string, today: CalendarDay): number {
  return Math.max(0, -daysAfterIso(date, today));
}

function daysAfter(day: CalendarDay, today: CalendarDay): number {
  return dayNumber(day) - dayNumber(today);
}

function dayNumber({ year, month, day }: CalendarDay): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function isoOf({ year, month, day }: CalendarDay): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
