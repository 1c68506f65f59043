import { escapeHtml, urlLink } from '../../../reports/html/escape.ts';
import { formatDateTime, formatPeriod, formatScore } from '../../../reports/html/format.ts';
import { statusBadge } from '../../../reports/html/labels.ts';
import { ratingBadge } from '../../../reports/html/rating.ts';
import { renderSite } from '../../../reports/html/site-section.ts';
import { regionName } from '../../access/region-names.ts';
import type { Principal } from '../../api/principal.ts';
import type { Site } from '../../registry/site.ts';
import type { StoredResult } from '../../store/store.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { jsonBlock, page } from './layout.ts';
import { rulesFor } from './rule-names.ts';

export interface SitePageInput {
  site: Site;
  /** Newest first. */
  history: StoredResult[];
  /** Whether the latest result's header screenshot is on disk. */
  hasScreenshot: boolean;
}

export function screenshotPath(sweepId: string, siteId: string): string {
  return `${DASHBOARD_PREFIX}/evidence/${encodeURIComponent(sweepId)}/${encodeURIComponent(siteId)}/header.png`;
}

function screenshot(latest: StoredResult): string {
  return `<figure class="shot"><img src="${screenshotPath(latest.sweepId, latest.siteId)}" alt="首页头部区域截图" width="1366"><figcaption>首页头部区域截图（${formatDateTime(latest.result.startedAt)}）</figcaption></figure>`;
}

function historySection(history: readonly StoredResult[]): string {
  const rows = history
    .map((stored) => {
      const failing = stored.result.checks.filter((check) => check.outcome === 'fail').length;
      return `<tr><td>${formatDateTime(stored.result.startedAt)}</td><td>${formatPeriod(stored.quarter)}</td><td class="num score">${formatScore(stored.result.score)}</td><td>${ratingBadge(stored.result)}</td><td>${statusBadge(stored.result.status)}</td><td class="num">${failing}</td><td><a href="${DASHBOARD_PREFIX}/sweeps/${encodeURIComponent(stored.sweepId)}">查看批次</a></td></tr>`;
    })
    .join('');
  const oldestFirst = [...history].reverse();
  const chart = {
    labels: oldestFirst.map((stored) => formatDateTime(stored.result.startedAt).split(' ')[0]),
    series: [{ label: '得分', data: oldestFirst.map((stored) => stored.result.score) }],
    max: 100,
  };
  return `<section><h2>历次检查结果</h2><div class="chart-box small"><canvas id="history-chart" data-chart="history-data" role="img" aria-label="历次检查得分"></canvas></div>${jsonBlock('history-data', chart)}<div class="scroll"><table class="history"><thead><tr><th>检查时间</th><th>季度</th><th>得分</th><th>评定</th><th>状态</th><th>不通过规则数</th><th>批次</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
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
  const body = `${facts}${head}</dl>${shot}${rest.join('</dl>')}${historySection(history)}`;
  return page({ title: latest.result.fullName, body, viewer, scripts: ['chart.js', 'charts.js'] });
}
