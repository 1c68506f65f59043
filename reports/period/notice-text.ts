import type { NoticeModel, NoticeRule } from '../../src/period-reports/notice-model.ts';
import { formatScore } from '../html/format.ts';

/** A pass rate (0..1) as a percentage with one decimal at most, '—' when there is none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** An average score, '—' when nothing was inspected. */
export function formatAverage(score: number | null): string {
  return score === null ? '—' : formatScore(score);
}

/** A change of score: '+2.5', '-10', '0', or '—' with nothing to compare. */
export function formatChange(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  const change = Math.round((now - before) * 10) / 10;
  return change > 0 ? `+${change}` : String(change);
}

/** '2026年12月1日' in Beijing time. */
export function formatDate(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date(iso));
  const part = Object.fromEntries(parts.map((p) => [p.type, p.value]));
  return `${part.year}年${Number(part.month)}月${Number(part.day)}日`;
}

/** 抽查 for the quarterly patrol, 检查 for the half-year check (clause 4.6.1). */
export function actionWord(model: NoticeModel): string {
  return model.kind === 'quarterly' ? '抽查' : '检查';
}

/** '头部标识区域展示网站全称（4.3.3）'. */
export function ruleName(rule: NoticeRule): string {
  return rule.clause === undefined ? rule.title : `${rule.title}（${rule.clause}）`;
}

/** The rule titles of ids, joined with 、 ('' for none). */
export function ruleTitles(model: NoticeModel, ids: readonly string[]): string {
  const titles = new Map(model.rules.map((rule) => [rule.id, rule.title]));
  return ids.map((id) => titles.get(id) ?? id).join('、');
}

/** A file name for the notice, in Chinese: '四川省2026年第四季度政府网站抽查情况通报'. */
export function noticeFileStem(model: NoticeModel): string {
  return `${model.scopeName}${model.periodText}政府网站${actionWord(model)}情况通报`;
}
