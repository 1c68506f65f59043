import { escapeHtml } from '../../../reports/html/escape.ts';
import { formatPeriod } from '../../../reports/html/format.ts';
import { regionName } from '../../access/region-names.ts';
import type { FindingsFilter } from '../findings-data.ts';
import { RULES } from './rule-names.ts';

export interface FilterChoices {
  periods: readonly string[];
  /** City-level regions to choose between; none for a city office (its own region only). */
  regions: readonly string[];
  /** What the "every state" choice means on this page. */
  anyState: string;
}

const STATES: [string, string][] = [
  ['open', '未认定'],
  ['appealed', '申诉中'],
  ['upheld', '已维持'],
  ['overturned', '已核减 / 不予认定'],
];

function select(name: string, label: string, chosen: string | null, options: [string, string][]): string {
  const items = options
    .map(
      ([value, text]) =>
        `<option value="${escapeHtml(value)}"${value === (chosen ?? '') ? ' selected' : ''}>${escapeHtml(text)}</option>`,
    )
    .join('');
  return `<label>${label} <select name="${name}">${items}</select></label>`;
}

/** The GET form choosing a findings list's period, region, rule and state. */
export function filterForm(action: string, filter: FindingsFilter, choices: FilterChoices): string {
  const period = select(
    'period',
    '季度',
    filter.period,
    choices.periods.map((p) => [p, formatPeriod(p)]),
  );
  const region =
    choices.regions.length === 0
      ? ''
      : select('region', '地区', filter.region, [
          ['', '全省'],
          ...choices.regions.map((code): [string, string] => [code, regionName(code)]),
        ]);
  const rule = select('ruleId', '规则', filter.ruleId, [
    ['', '全部规则'],
    ...RULES.map((r): [string, string] => [r.id, r.clause ? `${r.shortTitle}（${r.clause}）` : r.shortTitle]),
  ]);
  const state = select('state', '状态', filter.state, [['', choices.anyState], ...STATES]);
  return `<form class="filters" method="get" action="${action}">${period}${region}${rule}${state}<button type="submit">筛选</button></form>`;
}
