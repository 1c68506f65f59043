/** The calendar the standard's periods are counted in. */
export const TIME_ZONE = 'Asia/Shanghai';

/** Year, month (1–12) and day of `date` in Asia/Shanghai. */
export function shanghaiDate(date: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The quarter `date` falls in, in Asia/Shanghai: '2026Q4'. */
export function quarterOf(date: Date): string {
  const { year, month } = shanghaiDate(date);
  return `${year}Q${Math.ceil(month / 3)}`;
}

/** The half-year `date` falls in, in Asia/Shanghai: '2026H2'. */
export function halfYearOf(date: Date): string {
  const { year, month } = shanghaiDate(date);
  return `${year}H${month <= 6 ? 1 : 2}`;
}
