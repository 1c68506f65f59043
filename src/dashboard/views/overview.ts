import { OUTCOMES } from '../../../checks/check.ts';
import { escapeHtml } from '../../../reports/html/escape.ts';
import { formatPercent, formatPeriod, formatScore } from '../../../reports/html/format.ts';
import { outcomeBadge, outcomeMark, statusBadge } from '../../../reports/html/labels.ts';
import { isUnqualified, ratingBadge } from '../../../reports/html/rating.ts';
import { ruleColumnHead } from '../../../reports/html/rules.ts';
import { regionName } from '../../access/region-names.ts';
import type { Principal } from '../../api/principal.ts';
import type { PeriodSiteEntry } from '../../periods/period-report.ts';
import type { Overview } from '../overview-data.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { jsonBlock, page } from './layout.ts';
import { ruleLabel, rulesFor } from './rule-names.ts';

export function overviewTitle(overview: Overview, viewer: Principal): string {
  const scope = overview.region
    ? regionName(overview.region)
    : viewer.region === null
      ? '全省'
      : regionName(viewer.region);
  return `${scope}政府网站检查概览（${formatPeriod(overview.period)}）`;
}

function filters(overview: Overview, periods: readonly string[]): string {
  const regionSelect =
    overview.regions.length === 0
      ? ''
      : `<label>地区 <select name="region"><option value="">全省</option>${overview.regions
          .map(
            (code) =>
              `<option value="${code}"${code === overview.region ? ' selected' : ''}>${escapeHtml(regionName(code))}</option>`,
          )
          .join('')}</select></label>`;
  const periodSelect = `<label>季度 <select name="period">${[...periods]
    .reverse()
    .map((p) => `<option value="${p}"${p === overview.period ? ' selected' : ''}>${formatPeriod(p)}</option>`)
    .join('')}</select></label>`;
  return `<form class="filters" method="get" action="${DASHBOARD_PREFIX}/">${regionSelect}${periodSelect}<button type="submit">查看</button></form>`;
}

function stats(overview: Overview): string {
  const { report, sites } = overview;
  const average =
    report.sites.length === 0
      ? '—'
      : formatScore(report.sites.reduce((sum, site) => sum + site.score, 0) / report.sites.length);
  const count = (pick: (entry: PeriodSiteEntry) => string[]) =>
    report.sites.reduce((sum, entry) => sum + pick(entry).length, 0);
  const adjudicated = [...overview.adjudicated.values()];
  const adjudicatedAverage =
    adjudicated.length === 0
      ? '—'
      : formatScore(adjudicated.reduce((sum, values) => sum + values.score, 0) / adjudicated.length);
  const struckOff = adjudicated.reduce((sum, values) => sum + values.counts.struckOff, 0);
  const pending = adjudicated.reduce((sum, values) => sum + values.counts.appealsPending, 0);
  const cards: [string, string, string][] = [
    ['已检查网站', `${report.sites.length} / ${sites.length}`, '个'],
    ['平均得分', average, `复核后 ${adjudicatedAverage}`],
    [
      '评定不合格',
      String(report.sites.filter(isUnqualified).length),
      `复核后 ${adjudicated.filter(isUnqualified).length}；单项否决，不论得分`,
    ],
    ['核减问题', String(struckOff), `复核认定不是问题；待复核申诉 ${pending}`],
    ['新增问题', String(count((e) => e.newViolations)), `较${formatPeriod(report.previousPeriod)}`],
    ['已整改问题', String(count((e) => e.fixedViolations)), `较${formatPeriod(report.previousPeriod)}`],
  ];
  return `<div class="stats">${cards
    .map(
      ([label, value, note]) =>
        `<div class="stat"><span>${label}</span><b>${value}</b><small>${note}</small></div>`,
    )
    .join('')}</div>`;
}

/** The notice of the region shown (a city's '5101'; '5100', the provincial bodies, has no notice of its own). */
function downloads(period: string, region: string | null): string {
  const scope = region && region !== '5100' ? `&amp;region=${region}` : '';
  const link = (format: string, label: string) =>
    `<a class="download" href="${DASHBOARD_PREFIX}/reports/quarterly/${period}?format=${format}${scope}">${label}</a>`;
  return `<p class="downloads">本季度通报：${link('pdf', '下载 PDF')} ${link('xlsx', '下载 Excel')}</p>`;
}

function trendChart(overview: Overview): string {
  const data = {
    labels: overview.trend.map((point) => formatPeriod(point.period)),
    series: [
      { label: '平均得分', data: overview.trend.map((point) => point.averageScore) },
      { label: '规则通过率（%）', data: overview.trend.map((point) => point.passRate) },
    ],
    max: 100,
  };
  const rows = overview.trend
    .map(
      (p) =>
        `<tr><th scope="row">${formatPeriod(p.period)}</th><td class="num">${p.averageScore ?? '—'}</td><td class="num">${p.passRate === null ? '—' : `${p.passRate}%`}</td></tr>`,
    )
    .join('');
  return `<section><h2>近${overview.trend.length}个季度趋势</h2><div class="chart-box"><canvas id="trend-chart" data-chart="trend-data" role="img" aria-label="近几个季度的平均得分和规则通过率"></canvas></div>${jsonBlock('trend-data', data)}<details><summary>趋势数据</summary><div class="scroll"><table><thead><tr><th>季度</th><th>平均得分</th><th>规则通过率</th></tr></thead><tbody>${rows}</tbody></table></div></details></section>`;
}

function ruleTable(overview: Overview): string {
  if (overview.rules.length === 0) return '';
  const rows = overview.rules
    .map((rule) => {
      const rate = formatPercent(rule.pass, rule.pass + rule.fail);
      const decided = rule.pass + rule.fail;
      return `<tr><th scope="row">${escapeHtml(ruleLabel(rule.ruleId))}</th><td class="num">${rule.pass}</td><td class="num">${rule.fail}</td><td class="num">${rule.review}</td><td class="num">${rule.notApplicable}</td><td class="rate"><meter min="0" max="${Math.max(decided, 1)}" value="${rule.pass}"></meter> ${rate}</td></tr>`;
    })
    .join('');
  return `<section><h2>各项规则通过率</h2><div class="scroll"><table class="counts"><thead><tr><th>规则（条款）</th><th>通过</th><th>不通过</th><th>待人工复核</th><th>不适用</th><th>通过率</th></tr></thead><tbody>${rows}</tbody></table></div><p class="note">通过率 = 通过 ÷（通过 + 不通过）；“待人工复核”和“不适用”不计入。</p></section>`;
}

function ranking(overview: Overview): string {
  const entries = [...overview.report.sites].sort((a, b) => b.score - a.score);
  if (entries.length === 0)
    return '<section><h2>各网站得分排名</h2><p class="note">本季度还没有检查结果。</p></section>';
  const rules = rulesFor(entries.flatMap((entry) => entry.checks.map((check) => check.ruleId)));
  const head = rules.map(ruleColumnHead).join('');
  const rows = entries.map((entry, index) => {
    const byRule = new Map(entry.checks.map((check) => [check.ruleId, check.outcome]));
    const cells = rules
      .map((rule) => {
        const outcome = byRule.get(rule.id);
        return `<td>${outcome ? outcomeMark(outcome) : '<span class="none">—</span>'}</td>`;
      })
      .join('');
    const changes = [
      entry.newViolations.length ? `<span class="new">新增 ${entry.newViolations.length}</span>` : '',
      entry.fixedViolations.length ? `<span class="fixed">整改 ${entry.fixedViolations.length}</span>` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const name = `<a href="${DASHBOARD_PREFIX}/sites/${encodeURIComponent(entry.siteId)}">${escapeHtml(entry.fullName)}</a>`;
    const adjudicated = overview.adjudicated.get(entry.siteId);
    const reviewed = adjudicated
      ? `<td class="num score">${formatScore(adjudicated.score)}</td><td>${ratingBadge(adjudicated)}</td><td class="num">${adjudicated.counts.struckOff}</td>`
      : '<td></td><td></td><td></td>';
    return `<tr><td class="num">${index + 1}</td><th scope="row">${name}</th><td class="num score">${formatScore(entry.score)}</td><td>${ratingBadge(entry)}</td>${reviewed}<td>${statusBadge(entry.status)}</td><td>${changes || '<span class="none">—</span>'}</td>${cells}</tr>`;
  });
  return `<section><h2>各网站得分排名</h2><div class="scroll"><table class="grid ranking"><thead><tr><th>名次</th><th scope="col">网站</th><th>得分</th><th>评定</th><th>复核后得分</th><th>复核后评定</th><th>核减</th><th>状态</th><th>较上季度</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div><p class="legend">图例：${OUTCOMES.map(outcomeBadge).join(' ')}；评定“不合格”表示触及单项否决指标；“复核后”为省级复核、申诉和核减后的得分和评定，“核减”为复核认定不是问题的条数。</p></section>`;
}

function notInspected(overview: Overview): string {
  const { notInspected } = overview.report;
  if (notInspected.length === 0) return '';
  const names = new Map(overview.sites.map((site) => [site.id, site.fullName]));
  const items = notInspected
    .map(
      (id) =>
        `<li><a href="${DASHBOARD_PREFIX}/sites/${encodeURIComponent(id)}">${escapeHtml(names.get(id) ?? id)}</a></li>`,
    )
    .join('');
  return `<section><h2>本季度尚未检查的网站</h2><ul class="plain">${items}</ul></section>`;
}

/** The region overview: this quarter's standing, what changed since the last, and the trend. */
export function overviewPage(overview: Overview, viewer: Principal): string {
  const periods = overview.trend.map((point) => point.period);
  const title = overviewTitle(overview, viewer);
  const body = `<h1>${escapeHtml(title)}</h1>${filters(overview, periods)}${stats(overview)}${downloads(overview.period, overview.region)}${trendChart(overview)}${ruleTable(overview)}${ranking(overview)}${notInspected(overview)}`;
  return page({ title, body, viewer, scripts: ['chart.js', 'charts.js'] });
}
