import type { CheckMeta } from '../../checks/check.ts';
import { CHECKS } from '../../checks/index.ts';
import type { SweepResults } from '../../src/results.ts';
import { escapeHtml } from './escape.ts';

/** A rule as the report shows it: a column of the summary table and a heading in each site's section. */
export interface ReportRule {
  id: string;
  clause?: string;
  title: string;
  /** A few characters naming the rule in a narrow table column, its full heading a tooltip away. */
  shortTitle: string;
  description?: string;
  appliesToText?: string;
}

/**
 * Column headings for the sites × rules tables: with a dozen rules their full titles do not fit a laptop
 * screen. Every rule has one (tests/reports/rule-columns.test.ts).
 */
const SHORT_TITLES: Record<string, string> = {
  'header-full-name': '网站全称',
  'gazette-column': '政府公报',
  'archive-label': '归档标注',
  'annual-report': '年度报表',
  'broken-links': '失效链接',
  'footer-identifiers': '底部标识',
  'error-report-entry': '找错入口',
  'site-functions': '网站功能',
  'column-domain': '栏目域名',
  'site-domain': '网站域名',
  'content-freshness': '内容更新',
  'homepage-availability': '首页访问',
  'https-security': 'HTTPS',
  'wording-errors': '表述错误',
  'future-dates': '发布日期',
  'hidden-links': '暗链',
  'interaction-response': '互动回应',
  'blank-columns': '空白栏目',
  'long-unupdated-columns': '应更未更',
};

function shortTitleOf(id: string, title: string): string {
  return Object.hasOwn(SHORT_TITLES, id) ? SHORT_TITLES[id]! : title;
}

/** A check's metadata as the reports show it. */
export function ruleFromMeta(meta: CheckMeta): ReportRule {
  return {
    id: meta.id,
    clause: meta.clause,
    title: meta.title,
    shortTitle: shortTitleOf(meta.id, meta.title),
    description: meta.description,
    appliesToText: meta.appliesToText,
  };
}

/** A rule this build has no check for (results written by a newer version), shown under its id. */
export function unknownRule(id: string): ReportRule {
  return { id, title: id, shortTitle: shortTitleOf(id, id) };
}

/**
 * The rules in contract order, from the checks' metadata, followed by any rule id the results carry that
 * this build has no check for.
 */
export function reportRules(results: SweepResults): ReportRule[] {
  const rules = CHECKS.map(({ meta }) => ruleFromMeta(meta));
  const known = new Set(rules.map((rule) => rule.id));
  for (const site of results.sites) {
    for (const check of site.checks) {
      if (!known.has(check.ruleId)) {
        known.add(check.ruleId);
        rules.push(unknownRule(check.ruleId));
      }
    }
  }
  return rules;
}

/** '网站全称展示（4.3.3）'. */
export function ruleHeading(rule: ReportRule): string {
  return rule.clause === undefined ? rule.title : `${rule.title}（${rule.clause}）`;
}

/** A rule's column heading in a sites × rules table: the short title, the full heading as its expansion. */
export function ruleColumnHead(rule: ReportRule): string {
  return `<th scope="col" class="rule-col"><abbr title="${escapeHtml(ruleHeading(rule))}">${escapeHtml(rule.shortTitle)}</abbr></th>`;
}

/** For paper, where no tooltip shows: '列名：网站全称＝头部标识区域展示网站全称（4.3.3）；…'. */
export function ruleColumnKey(rules: readonly ReportRule[]): string {
  const pairs = rules
    .filter((rule) => rule.shortTitle !== rule.title)
    .map((rule) => `${escapeHtml(rule.shortTitle)}＝${escapeHtml(ruleHeading(rule))}`);
  return pairs.length === 0 ? '' : `<p class="legend key">列名：${pairs.join('；')}。</p>`;
}
