import { OUTCOMES, type Outcome } from '../../checks/check.ts';
import type { SiteResult, SweepResults } from '../../src/results.ts';
import { escapeHtml } from './escape.ts';
import { formatDateTime, formatDuration, formatPercent, formatPeriod, formatScore } from './format.ts';
import { OUTCOME_LABELS, outcomeBadge, outcomeMark, statusBadge } from './labels.ts';
import { isUnqualified, ratingBadge } from './rating.ts';
import { type ReportRule, ruleColumnHead, ruleColumnKey, ruleHeading } from './rules.ts';
import { siteAnchor } from './site-section.ts';

export function reportTitle(results: SweepResults): string {
  return `政府网站检查报告（${formatPeriod(results.sweep.period)}）`;
}

/** The title block: what was inspected, when, and against which "today". */
export function renderHeader(results: SweepResults): string {
  const { sweep, sites } = results;
  const took = formatDuration(Date.parse(sweep.finishedAt) - Date.parse(sweep.startedAt));
  const facts: [string, string][] = [
    ['检查周期', formatPeriod(sweep.period)],
    [
      '检查时间',
      `${formatDateTime(sweep.startedAt)} 至 ${formatDateTime(sweep.finishedAt)}（北京时间，用时 ${took}）`,
    ],
    ['判定基准时间', `${formatDateTime(sweep.now)}（与日期有关的规则以此为“今天”）`],
    ['检查网站数', `${sites.length} 个`],
    ['批次编号', escapeHtml(sweep.id)],
  ];
  const rows = facts.map(([label, value]) => `<dt>${label}</dt><dd>${value}</dd>`).join('');
  return `<header class="report-head"><h1>${escapeHtml(reportTitle(results))}</h1><dl class="facts">${rows}</dl></header>`;
}

function countOutcomes(sites: SiteResult[], ruleId: string): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, review: 0, 'not-applicable': 0 };
  for (const site of sites) {
    const check = site.checks.find((c) => c.ruleId === ruleId);
    if (check) counts[check.outcome] += 1;
  }
  return counts;
}

/** Totals: sites by status and rating, the average score, and each rule's outcome counts and pass rate. */
export function renderSummary(results: SweepResults, rules: ReportRule[]): string {
  const { sites } = results;
  const count = (status: SiteResult['status']) => sites.filter((site) => site.status === status).length;
  const done = sites.filter((site) => site.status === 'done');
  const average =
    done.length === 0 ? '—' : formatScore(done.reduce((sum, s) => sum + s.score, 0) / done.length);
  const stats: [string, string][] = [
    ['检查网站', `${sites.length} 个`],
    ['正常完成', `${done.length} 个`],
    ['无法访问', `${count('unreachable')} 个`],
    ['检查出错', `${count('error')} 个`],
    ['平均得分', `${average}<small>（正常完成的网站）</small>`],
    ['评定为不合格', `${sites.filter(isUnqualified).length} 个<small>（单项否决，不论得分）</small>`],
  ];
  const cards = stats.map(([label, value]) => `<div class="stat"><span>${label}</span><b>${value}</b></div>`);
  const head = OUTCOMES.map((outcome) => `<th>${OUTCOME_LABELS[outcome].text}</th>`).join('');
  const rows = rules.map((rule) => {
    const c = countOutcomes(sites, rule.id);
    const cells = OUTCOMES.map((outcome) => `<td class="num">${c[outcome]}</td>`).join('');
    const rate = formatPercent(c.pass, c.pass + c.fail);
    return `<tr><th scope="row">${escapeHtml(ruleHeading(rule))}</th>${cells}<td class="num">${rate}</td></tr>`;
  });
  return `<section class="summary"><h2>总体情况</h2><div class="stats">${cards.join('')}</div><h3>各项规则检查结果</h3><div class="scroll"><table class="counts"><thead><tr><th>规则（条款）</th>${head}<th>通过率</th></tr></thead><tbody>${rows.join('')}</tbody></table></div><p class="note">通过率 = 通过 ÷（通过 + 不通过）；“待人工复核”和“不适用”不计入。</p></section>`;
}

/** The table of sites × rules, with each site's score, rating and status; narrow enough for a laptop. */
export function renderMatrix(results: SweepResults, rules: ReportRule[]): string {
  const head = rules.map(ruleColumnHead).join('');
  const rows = results.sites.map((site) => {
    const byRule = new Map(site.checks.map((check) => [check.ruleId, check.outcome]));
    const cells = rules.map((rule) => {
      const outcome = byRule.get(rule.id);
      return `<td>${outcome === undefined ? '<span class="none">未检查</span>' : outcomeMark(outcome)}</td>`;
    });
    const name = `<a href="#${siteAnchor(site.siteId)}">${escapeHtml(site.fullName)}</a>`;
    return `<tr><th scope="row">${name}</th>${cells.join('')}<td class="num score">${formatScore(site.score)}</td><td>${ratingBadge(site)}</td><td>${statusBadge(site.status)}</td></tr>`;
  });
  return `<section class="matrix"><h2>检查结果汇总表</h2><div class="scroll"><table class="grid"><thead><tr><th scope="col">网站</th>${head}<th scope="col">得分</th><th scope="col">评定</th><th scope="col">状态</th></tr></thead><tbody>${rows.join('')}</tbody></table></div><p class="legend">图例：${OUTCOMES.map(outcomeBadge).join(' ')}；评定“不合格”表示触及单项否决指标，见检查说明。</p>${ruleColumnKey(rules)}</section>`;
}
