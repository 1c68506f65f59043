import { isHalfYear, periodStart } from '../periods/period-names.ts';
import { halfYearOf, quarterOf, shanghaiDate } from '../sweep/period.ts';

/** A calendar day in Asia/Shanghai, 'YYYY-MM-DD'. */
export function shanghaiDay(date: Date): string {
  const { year, month, day } = shanghaiDate(date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The period of the same kind as `period` (quarter or half-year) that `date` falls in. */
export function periodOfKind(period: string, date: Date): string {
  return isHalfYear(period) ? halfYearOf(date) : quarterOf(date);
}

/** The period after: '2026Q4' → '2027Q1', '2026H2' → '2027H1'. */
export function nextPeriod(period: string): string {
  const start = periodStart(period);
  // 100 days after the start is inside the next quarter; 200 days inside the next half-year.
  const later = new Date(start.getTime() + (isHalfYear(period) ? 200 : 100) * 86_400_000);
  return periodOfKind(period, later);
}

/** The last day of a period, Asia/Shanghai: '2027Q1' → '2027-03-31'. */
export function lastDayOf(period: string): string {
  return shanghaiDay(new Date(periodStart(nextPeriod(period)).getTime() - 1));
}

/**
 * A decision's `until` when none is given (contract §7): the end of the period after the one it was
 * made in, the period being of the kind of the results decided (a quarter, or a half-year for the
 * semi-annual check's).
 */
export function defaultUntil(decidedAt: Date, resultPeriod: string): string {
  return lastDayOf(nextPeriod(periodOfKind(resultPeriod, decidedAt)));
}

/** True when a result of `quarter` / `halfYear` lies in `period` or after it. */
export function reachesPeriod(result: { quarter: string; halfYear: string }, period: string): boolean {
  return (isHalfYear(period) ? result.halfYear : result.quarter) >= period;
}
