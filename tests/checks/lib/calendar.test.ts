import { describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../../checks/lib/calendar.ts';
import { halfYearOf, quarterOf, shanghaiDate, TIME_ZONE } from '../../../src/sweep/period.ts';

describe('the Asia/Shanghai calendar', () => {
  it('gives the Shanghai day, which starts eight hours before the UTC one', () => {
    expect(shanghaiDay(new Date('2025-12-31T16:30:00Z'))).toEqual({ year: 2026, month: 1, day: 1 });
    expect(shanghaiDay(new Date('2025-12-31T15:59:59Z'))).toEqual({ year: 2025, month: 12, day: 31 });
  });

  it('is the calendar the sweep periods are counted in', () => {
    expect(TIME_ZONE).toBe('Asia/Shanghai');
    expect(shanghaiDate).toBe(shanghaiDay);
    expect(quarterOf(new Date('2026-09-30T16:30:00Z'))).toBe('2026Q4');
    expect(quarterOf(new Date('2026-09-30T15:30:00Z'))).toBe('2026Q3');
    expect(halfYearOf(new Date('2026-06-30T16:00:00Z'))).toBe('2026H2');
    expect(halfYearOf(new Date('2026-01-01T00:00:00+08:00'))).toBe('2026H1');
  });

  it('refuses an invalid date rather than counting a NaN period', () => {
    expect(() => quarterOf(new Date('not a date'))).toThrow('invalid date');
    expect(() => halfYearOf(new Date(Number.NaN))).toThrow('invalid date');
  });
});
