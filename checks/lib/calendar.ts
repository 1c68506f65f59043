/** A day on the Asia/Shanghai calendar, the calendar the standard's deadlines (1月31日前) are set in. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const SHANGHAI = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

export function shanghaiDay(instant: Date): CalendarDay {
  if (Number.isNaN(instant.getTime())) throw new Error('shanghaiDay: invalid date');
  const parts = SHANGHAI.formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}
