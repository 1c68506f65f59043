import { shanghaiDay } from '../../checks/lib/calendar.ts';

/** The one Asia/Shanghai calendar, shared with the checks. */
export { shanghaiDay as shanghaiDate, TIME_ZONE } from '../../checks/lib/calendar.ts';

/** The quarter `date` falls in, in Asia/Shanghai: '2026Q4'. */
export function quarterOf(date: Date): string {
  const { year, month } = shanghaiDay(date);
  return `${year}Q${Math.ceil(month / 3)}`;
}

/** The half-year `date` falls in, in Asia/Shanghai: '2026H2'. */
export function halfYearOf(date: Date): string {
  const { year, month } = shanghaiDay(date);
  return `${year}H${month <= 6 ? 1 : 2}`;
}
