import type { ListItem } from '../../crawlers/artifacts.ts';
import type { CalendarDay } from './calendar.ts';
import { findDates } from './dates.ts';
import { toHalfWidth } from './text.ts';

/** A list entry with the day its printed date stands for. */
export interface DatedItem {
  item: ListItem;
  /** 'YYYY-MM-DD'. */
  date: string;
  /** Whole calendar days from that day to today; 0 for today (and for tomorrow, see `FUTURE_SLACK_DAYS`). */
  daysAgo: number;
}

/** How far past today a printed date may lie (a server clock set ahead) before it is taken for a mistake. */
const FUTURE_SLACK_DAYS = 1;
/** 11-20, 11/20, 11月20日, in brackets or not. */
const MONTH_DAY = /(?<!\d)(\d{1,2})\s*(?:[-/]|月)\s*(\d{1,2})(?!\d)/;
const MS_PER_DAY = 86_400_000;

/**
 * The day a list page's printed date stands for, as 'YYYY-MM-DD', or null when it is not a date or
 * lies more than a day after `today`. A month and day alone ('[11-20]', '11月20日') is given the latest
 * year that does not put it after today: on 3 January, '[12-28]' is the 28th of December just gone.
 */
export function readListDate(dateText: string, today: CalendarDay): string | null {
  const full = findDates(dateText)[0];
  if (full !== undefined) {
    const [year, month, day] = full.iso.slice(0, 10).split('-').map(Number) as [number, number, number];
    return dayNumber({ year, month, day }) - dayNumber(today) > FUTURE_SLACK_DAYS
      ? null
      : full.iso.slice(0, 10);
  }
  const monthDay = MONTH_DAY.exec(toHalfWidth(dateText));
  if (monthDay === null) return null;
  const month = Number(monthDay[1]);
  const day = Number(monthDay[2]);
  // Eight years back reaches a leap year for 29 February.
  for (let year = today.year; year > today.year - 8; year--) {
    const candidate = { year, month, day };
    if (isCalendarDay(candidate) && dayNumber(candidate) <= dayNumber(today)) return isoOf(candidate);
  }
  return null;
}

/** The entries whose date could be read, newest first. */
export function datedItems(items: readonly ListItem[] | undefined, today: CalendarDay): DatedItem[] {
  const dated = (items ?? []).flatMap((item): DatedItem[] => {
    const date = readListDate(item.dateText, today);
    if (date === null) return [];
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    return [{ item, date, daysAgo: Math.max(0, dayNumber(today) - dayNumber({ year, month, day })) }];
  });
  return dated.sort((a, b) => a.daysAgo - b.daysAgo);
}

function dayNumber({ year, month, day }: CalendarDay): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function isCalendarDay({ year, month, day }: CalendarDay): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf({ year, month, day }: CalendarDay): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
