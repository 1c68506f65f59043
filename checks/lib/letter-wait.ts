import type { Letter, SiteCrawl } from '../../crawlers/artifacts.ts';
import { findDates } from '../../crawlers/printed-date.ts';
import type { CalendarDay } from './calendar.ts';
import { isPetitionPage } from './consultation-channel.ts';
import { pageKey } from './pages.ts';

/** How long a message may wait for its reply: "超过3个月未回应有效留言" fails. */
export const REPLY_MONTHS = 3;
/** The window of the indicator: "检查时间点前1年内". */
const WINDOW_MONTHS = 12;
const MS_PER_DAY = 86_400_000;

const ANSWERED = /已回复|已答复|已办结|已处理|已反馈|已回应|已办理|已完成/;
const PENDING = /未|待|中|已受理|暂无/;

/** A letter as judged: its days, whether it was answered, how long it waited. */
export interface LetterWait {
  title: string;
  url: string;
  /** The pages that print it: its list page, its detail page. */
  listedOn: string[];
  /** 'YYYY-MM-DD'. */
  asked: string;
  /** 'YYYY-MM-DD', when a reply date is printed. */
  replied?: string;
  state?: string;
  /** 'answered' with or without a reply date, 'pending' when it says it is not, 'unknown' when it says nothing. */
  answer: 'answered' | 'pending' | 'unknown';
  /** Days from the question to its reply, or to today while it is pending; absent when that is not known. */
  waitDays?: number;
  /** True when it waited more than three months (replied after, or pending past them). */
  overdue: boolean;
  /** True when it was asked within the year before today. */
  inWindow: boolean;
}

/**
 * The letters of the crawled pages (a 信访 or 举报 page's left out), one per letter: a list row and the
 * letter's detail page are one letter (matched on its address), the detail's dates filling what the
 * row lacks. A letter without a readable question date is left out.
 */
export function letterWaits(crawl: SiteCrawl, today: CalendarDay): LetterWait[] {
  const letters = new Map<string, { letter: Letter; listedOn: string[] }>();
  for (const page of crawl.pages) {
    if (isPetitionPage(page)) continue;
    for (const letter of page.letters ?? []) {
      const key = pageKey(letter.url) ?? letter.url;
      const own = key === pageKey(page.finalUrl) && letter.from !== 'detail' ? `${key} ${letter.title}` : key;
      const known = letters.get(own);
      if (!known) {
        letters.set(own, { letter: { ...letter }, listedOn: [page.finalUrl] });
        continue;
      }
      known.listedOn.push(page.finalUrl);
      known.letter = merged(known.letter, letter);
    }
  }
  return [...letters.values()].flatMap(({ letter, listedOn }) => {
    const judged = judgeLetter(letter, today);
    return judged ? [{ ...judged, listedOn: [...new Set(listedOn)] }] : [];
  });
}

/** One letter read twice: the detail page's dates and state over the row's, the row's title over the page's. */
function merged(known: Letter, again: Letter): Letter {
  const [detail, row] = again.from === 'detail' ? [again, known] : [known, again];
  const repliedText = detail.repliedText ?? row.repliedText;
  const state = detail.state ?? row.state;
  return {
    ...row,
    askedText: detail.askedText,
    ...(repliedText ? { repliedText } : {}),
    ...(state ? { state } : {}),
  };
}

function judgeLetter(letter: Letter, today: CalendarDay): Omit<LetterWait, 'listedOn'> | null {
  const asked = dayOf(letter.askedText);
  if (!asked) return null;
  const replied = letter.repliedText ? dayOf(letter.repliedText) : null;
  const state = letter.state;
  const answer =
    replied || (state && ANSWERED.test(state))
      ? 'answered'
      : state && PENDING.test(state)
        ? 'pending'
        : 'unknown';
  const until = replied ?? (answer === 'pending' ? today : null);
  const base = {
    title: letter.title,
    url: letter.url,
    asked: iso(asked),
    ...(replied ? { replied: iso(replied) } : {}),
    ...(state ? { state } : {}),
    answer,
    inWindow: !isBefore(asked, addMonths(today, -WINDOW_MONTHS)),
  } as const;
  if (!until) return { ...base, overdue: false };
  return {
    ...base,
    waitDays: Math.round((utc(until) - utc(asked)) / MS_PER_DAY),
    overdue: isBefore(addMonths(asked, REPLY_MONTHS), until),
  };
}

function dayOf(text: string): CalendarDay | null {
  const date = findDates(text)[0];
  if (!date) return null;
  const [year, month, day] = date.iso.slice(0, 10).split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** The same day `months` later (earlier when negative), the month's last day when it has no such day. */
function addMonths(day: CalendarDay, months: number): CalendarDay {
  const index = day.year * 12 + (day.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(day.day, last) };
}

function utc(day: CalendarDay): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

function isBefore(a: CalendarDay, b: CalendarDay): boolean {
  return utc(a) < utc(b);
}

function iso(day: CalendarDay): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}
