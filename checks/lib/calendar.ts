/** The calendar the standard's deadlines (1月31日前) and the sweep's periods are counted in. */
export const TIME_ZONE = 'Asia/Shanghai';

/** A day on the Asia/Shanghai calendar; month 1–12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const SHANGHAI = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The day `instant` falls on in Asia/Shanghai. Throws on an invalid date. */
export function shanghaiDay(instant: Date): CalendarDay {
  if (Number.isNaN(instant.getTime())) throw new Error('shanghaiDay: invalid date');
  const parts = SHANGHAI.formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}
