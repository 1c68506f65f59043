import type { Finding } from '../check.ts';
import { KIND_NAMES, type UPDATE_DAYS } from './column-kind.ts';
import type { JudgedColumn } from './column-state.ts';
import type { Column } from './homepage-columns.ts';
import type { DatedItem } from './list-dates.ts';

const PERIOD_NAMES: Record<keyof typeof UPDATE_DAYS, string> = {
  news: '2周',
  'notice-policy': '6个月',
  'long-period': '1年',
};

/** What every column finding says of the column: its name, page, kind and where it was found. */
export function columnEvidence(column: Column): Record<string, unknown> {
  return {
    column: column.name,
    url: column.page.finalUrl,
    kind: column.kind,
    kindName: KIND_NAMES[column.kind],
    source: column.source,
    ...(column.parent ? { parent: column.parent } : {}),
  };
}

/**
 * A column not updated within `days`: its newest own entry older than that, or its own list printing
 * no date at all (未注明信息发布时间的视为不更新); undefined when it was updated, or could not be read.
 */
export function notUpdated(
  { column, state }: JudgedColumn,
  days: number,
  period: keyof typeof PERIOD_NAMES,
): Finding | undefined {
  const base = columnEvidence(column);
  const url = column.page.finalUrl;
  const periodName = PERIOD_NAMES[period];
  if (state.state === 'undated') {
    const { undated } = state;
    return {
      url,
      message: `栏目“${column.name}”的信息列表（${undated.entries}条，如“${undated.titles[0]}”）都没有注明发布时间，按检查指标“未注明信息发布时间的视为不更新”，视为超过${periodName}未更新`,
      evidence: {
        ...base,
        thresholdDays: days,
        undated: undated.list,
        undatedEntries: undated.entries,
        undatedTitles: undated.titles,
      },
    };
  }
  if (state.state !== 'dated') return undefined;
  const newest = state.dated[0]!;
  if (newest.daysAgo <= days) return undefined;
  return {
    url,
    message: `栏目“${column.name}”最新的信息发布于${publishedOn(newest)}，距今${newest.daysAgo}天，${KIND_NAMES[column.kind]}栏目超过${periodName}未更新`,
    evidence: {
      ...base,
      ...newestEvidence(newest),
      thresholdDays: days,
      datedEntries: state.dated.length,
      ...(state.list === undefined ? {} : { selector: state.list }),
    },
  };
}

/** A column whose page shows nothing of its own we could read: listed for review, never counted. */
export function unreadColumn({ column, state }: JudgedColumn): Finding | undefined {
  if (state.state !== 'shared-only' && state.state !== 'unread') return undefined;
  const base = columnEvidence(column);
  const message =
    state.state === 'shared-only'
      ? `栏目“${column.name}”的页面上标注日期的信息条目都在其他页面也有的列表中（如侧栏的最新动态、热点信息），没有读到栏目自己的信息列表：可能是空白栏目，也可能是栏目列表的写法无法自动识别，需人工查看（不计入累计数）。`
      : `栏目“${column.name}”的页面上没有读到标注日期的信息条目：可能是空白栏目，也可能是页面日期的写法无法自动识别，需人工查看（不计入累计数）。`;
  const evidence =
    state.state === 'shared-only'
      ? { ...base, blank: 'only-shared-lists', listItems: state.sharedEntries }
      : { ...base, blank: 'no-dated-entries' };
  return { url: column.page.finalUrl, message, evidence };
}

/**
 * The findings of a rule counting columns toward a national threshold: at `limit` or more they fail and
 * carry the veto (`evidence.veto`); fewer are `review`. Each message ends with the tally.
 */
export function tallied(
  counted: readonly Finding[],
  limit: number,
  what: string,
): { over: boolean; findings: Finding[] } {
  const over = counted.length >= limit;
  const tally = over
    ? `全站累计${counted.length}个${what}，达到国家检查指标“累计${limit}个及以上”的标准`
    : `全站累计${counted.length}个${what}，未达到国家检查指标的${limit}个，需人工确认`;
  return {
    over,
    findings: counted.map((f) => ({
      ...f,
      message: `${f.message}；${tally}。`,
      evidence: { ...f.evidence, ...(over ? { veto: true } : {}) },
    })),
  };
}

/** '[11-20]（2024-11-20，年份取自信息的链接地址）', '2026-11-20（2026-11-20）'. */
export function publishedOn(newest: DatedItem): string {
  const year = newest.yearFromUrl ? '，年份取自信息的链接地址' : '';
  return `${newest.item.dateText}（${newest.date}${year}）`;
}

export function newestEvidence(newest: DatedItem): Record<string, unknown> {
  return {
    newestTitle: newest.item.title,
    newestUrl: newest.item.url,
    newestDateText: newest.item.dateText,
    newestDate: newest.date,
    daysSince: newest.daysAgo,
  };
}
