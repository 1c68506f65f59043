import { escapeHtml, urlLink } from '../../../reports/html/escape.ts';
import { formatDateTime, formatPeriod, formatScore } from '../../../reports/html/format.ts';
import { outcomeBadge, statusBadge } from '../../../reports/html/labels.ts';
import { ratingBadge } from '../../../reports/html/rating.ts';
import { renderSite } from '../../../reports/html/site-section.ts';
import { regionName } from '../../access/region-names.ts';
import type { AdjudicatedResult } from '../../adjudication/adjudicated-view.ts';
import type { Principal } from '../../api/principal.ts';
import type { Site } from '../../registry/site.ts';
import type { StoredResult } from '../../store/store.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { jsonBlock, page } from './layout.ts';
import { ruleLabel, rulesFor } from './rule-names.ts';

export interface SitePageInput {
  site: Site;
  /** Newest first, with the decisions applied (contract §7). */
  history: AdjudicatedResult[];
  /** Whether the latest result's header screenshot is on disk. */
  hasScreenshot: boolean;
}

export function screenshotPath(sweepId: string, siteId: string): string {
  return `${DASHBOARD_PREFIX}/evidence/${encodeURIComponent(sweepId)}/${encodeURIComponent(siteId)}/header.png`;
}

function screenshot(latest: StoredResult): string {
  return `<figure class="shot"><img src="${screenshotPath(latest.sweepId, latest.siteId)}" alt="首页头部区域截图" width="1366"><figcaption>首页头部区域截图（${formatDateTime(latest.result.startedAt)}）</figcaption></figure>`;
}

/** The latest result's values after review beside the automated ones, and what people decided. */
function adjudicatedCard(latest: AdjudicatedResult, viewer: Principal): string {
  const { score, counts } = latest.result.adjudicated;
  const where =
    viewer.role === 'province'
      ? `${DASHBOARD_PREFIX}/review?period=${latest.quarter}`
      : `${DASHBOARD_PREFIX}/findings?period=${latest.quarter}`;
  const facts: [string, string][] = [
    [
      '复核后得分',
      `<b class="score">${formatScore(score)}</b> <small>自动检查 ${formatScore(latest.result.score)}</small>`,
    ],
    [
      '复核后评定',
      `${ratingBadge(latest.result.adjudicated)} <small>自动检查 ${ratingBadge(latest.result)}</small>`,
    ],
    ['核减', `<span class="struck">${counts.struckOff}</span> 个问题`],
    ['维持', `${counts.upheld} 个问题`],
    ['申诉中', `${counts.appealsPending} 个问题`],
    ['未认定', `${counts.open} 个问题`],
  ];
  const automated = new Map(latest.result.checks.map((check) => [check.ruleId, check.outcome] as const));
  const changed = latest.result.adjudicated.checks
    .filter((check) => automated.get(check.ruleId) !== check.outcome)
    .map(
      (check) =>
        `<li>${escapeHtml(ruleLabel(check.ruleId))}：${outcomeBadge(automated.get(check.ruleId) ?? check.outcome)} → ${outcomeBadge(check.outcome)}</li>`,
    );
  if (changed.length > 0) facts.push(['复核改变的检查项', `<ul class="plain">${changed.join('')}</ul>`]);
  const rows = facts.map(([label, value]) => `<dt>${label}</dt><dd>${value}</dd>`).join('');
  return `<section class="card adjudicated"><h2>复核与申诉</h2><dl class="facts">${rows}</dl><p class="note">复核后的得分和评定按省级复核结论计算：核减的问题不再扣分，维持的问题照常扣分。<a href="${where}">查看问题和申诉记录</a></p></section>`;
}

function historySection(history: readonly AdjudicatedResult[]): string {
  const rows = history
    .map((stored) => {
      const failing = stored.result.checks.filter((check) => check.outcome === 'fail').length;
      const adjudicated = stored.result.adjudicated;
      return `<tr><td>${formatDateTime(stored.result.startedAt)}</td><td>${formatPeriod(stored.quarter)}</td><td class="num score">${formatScore(stored.result.score)}</td><td>${ratingBadge(stored.result)}</td><td class="num score">${formatScore(adjudicated.score)}</td><td>${ratingBadge(adjudicated)}</td><td class="num">${adjudicated.counts.struckOff}</td><td>${statusBadge(stored.result.status)}</td><td class="num">${failing}</td><td><a href="${DASHBOARD_PREFIX}/sweeps/${encodeURIComponent(stored.sweepId)}">查看批次</a></td></tr>`;
    })
    .join('');
  const oldestFirst = [...history].reverse();
  const chart = {
    labels: oldestFirst.map((stored) => formatDateTime(stored.result.startedAt).split(' ')[0]),
    series: [{ label: '得分', data: oldestFirst.map((stored) => stored.result.score) }],
    max: 100,
  };
  return `<section><h2>历次检查结果</h2><div class="chart-box small"><canvas id="history-chart" data-chart="history-data" role="img" aria-label="历次检查得分"></canvas></div>${jsonBlock('history-data', chart)}<div class="scroll"><table class="history"><thead><tr><th>检查时间</th><th>季度</th><th>得分</th><th>评定</th><th>复核后得分</th><th>复核后评定</th><th>核减</th><th>状态</th><th>不通过规则数</th><th>批次</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

/** A site's latest findings with evidence (as the sweep report renders them), its screenshot, its history. */
export function sitePage(input: SitePageInput, viewer: Principal): string {
  const { site, history } = input;
  const latest = history[0];
  const facts = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › ${escapeHtml(regionName(site.region))}</p>`;
  if (!latest) {
    const body = `${facts}<h1>${escapeHtml(site.fullName)}</h1><p>首页：${urlLink(site.homepage)}</p><p class="note">这个网站还没有检查结果。</p>`;
    return page({ title: site.fullName, body, viewer });
  }
  const rules = rulesFor(latest.result.checks.map((check) => check.ruleId));
  // The report's section, its <h2> promoted to the page's heading.
  const section = renderSite(latest.result, rules, undefined).replace(/<h2>(.*?)<\/h2>/, '<h1>$1</h1>');
  const shot = input.hasScreenshot
    ? screenshot(latest)
    : '<p class="note">最近一次检查没有保存首页头部截图。</p>';
  // The screenshot goes right after the facts list, where the report puts its embedded copy.
  const [head, ...rest] = section.split('</dl>');
  const body = `${facts}${head}</dl>${adjudicatedCard(latest, viewer)}${shot}${rest.join('</dl>')}${historySection(history)}`;
  return page({ title: latest.result.fullName, body, viewer, scripts: ['chart.js', 'charts.js'] });
}
