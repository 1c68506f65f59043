import { isCalendarDate } from './printed-date.ts';

/** A date an entry's URL carries in its path: a whole day, or only a year and month. */
export interface UrlDate {
  year: number;
  month: number;
  day?: number;
}

/** t20241120_123456.html (TRS), /2024/11/20/, /20241120/. */
const URL_DAYS = [
  /\/t(\d{4})(\d{2})(\d{2})_\d+/,
  /\/(\d{4})\/(\d{1,2})\/(\d{1,2})\//,
  /\/(\d{4})(\d{2})(\d{2})\//,
];
/** /202411/. */
const URL_MONTH = /\/(\d{4})(\d{2})\//;

/**
 * The dates written in a URL's path the way publishing systems write them, whole days before a year
 * and month alone: `/202411/t20241120_123456.html` gives 2024-11-20, then 2024-11. Not a day of the
 * calendar (2024-13-01, 2023-02-29), or a query (?id=20241120), is no date.
 */
export function urlDates(url: string): UrlDate[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  const days = URL_DAYS.flatMap((pattern): UrlDate[] => {
    const [year, month, day] = (pattern.exec(path) ?? []).slice(1).map(Number);
    return year !== undefined && isCalendarDate(year, month!, day!)
      ? [{ year, month: month!, day: day! }]
      : [];
  });
  const [year, month] = (URL_MONTH.exec(path) ?? []).slice(1).map(Number);
  const yearMonth = year !== undefined && isCalendarDate(year, month!, 1) ? [{ year, month: month! }] : [];
  return [...days, ...yearMonth];
}
