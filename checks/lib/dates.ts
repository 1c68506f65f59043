import { toHalfWidth } from './text.ts';

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

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

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

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
