import type { CheckReport, SiteResult } from '../../src/results.ts';
import { escapeHtml, urlLink } from './escape.ts';
import { renderEvidence } from './evidence.ts';
import { renderFindings } from './findings.ts';
import { formatDateTime, formatDuration, formatScore } from './format.ts';
import { outcomeBadge, STATUS_LABELS, statusBadge } from './labels.ts';
import { isUnqualified, ratingBadge, vetoReasons } from './rating.ts';
import { type ReportRule, ruleHeading } from './rules.ts';
import { imageDataUri } from './screenshot.ts';

/** The id of a site's section, for links from the summary table. */
export function siteAnchor(siteId: string): string {
  return `site-${escapeHtml(siteId)}`;
}

function renderScreenshot(screenshot: Uint8Array | undefined): string {
  if (screenshot === undefined) return '';
  const uri = imageDataUri(screenshot);
  if (uri === undefined) return '<p class="note">首页头部区域截图的文件格式无法识别，未能嵌入。</p>';
  return `<figure class="shot"><img src="${uri}" alt="首页头部区域截图"><figcaption>首页头部区域截图</figcaption></figure>`;
}

/**
 * A rule's outcome and findings. On a site that could not be inspected, a `review` only repeats the
 * site's reason, so its findings are left to results.json rather than printed five times.
 */
function renderRule(rule: ReportRule, check: CheckReport | undefined, siteInspected: boolean): string {
  const heading = escapeHtml(ruleHeading(rule));
  if (check === undefined) {
    return `<article class="rule"><h3>${heading}</h3><p class="note">本次结果中没有这项检查。</p></article>`;
  }
  const findings = siteInspected || check.outcome !== 'review' ? renderFindings(check.findings) : '';
  // A pass decided on evidence worth seeing (a header name read by OCR) shows it.
  const passEvidence = check.outcome === 'pass' && check.evidence ? renderEvidence(check.evidence) : '';
  const veto = check.outcome === 'fail' && check.singleVeto ? ' <span class="veto-tag">单项否决</span>' : '';
  const vetoNote = veto === '' ? '' : `<p class="veto-note">${escapeHtml(check.singleVeto!)}</p>`;
  return `<article class="rule"><h3>${heading} ${outcomeBadge(check.outcome)}${veto}</h3>${vetoNote}${findings}${passEvidence}</article>`;
}

function notInspectedNote(site: SiteResult): string {
  if (site.status === 'done') return '';
  return `<p class="note">由于${STATUS_LABELS[site.status].text}，以下规则未能自动判定，标为“待人工复核”；原因见上，各项记录见 results.json。</p>`;
}

/** Why the site is 不合格: each vetoing rule with its reason. */
function vetoNote(site: SiteResult, rules: readonly ReportRule[]): string {
  const titles = new Map(rules.map((rule) => [rule.id, ruleHeading(rule)]));
  const reasons = vetoReasons(site);
  const items = (site.vetoes ?? []).map(
    (veto, i) =>
      `<li><b>${escapeHtml(titles.get(veto.ruleId) ?? veto.ruleId)}</b>：${escapeHtml(reasons[i]!)}</li>`,
  );
  return `不合格（单项否决，不论得分多少）<ul class="vetoes">${items.join('')}</ul>`;
}

function pagesCrawled(site: SiteResult): string {
  if (site.maxPagesReached === undefined) return String(site.pagesCrawled);
  return `${site.pagesCrawled} <span class="status capped">已达抓取上限 ${site.maxPagesReached} 页，其余网页未抓取、未检查</span>`;
}

function renderFacts(site: SiteResult, rules: readonly ReportRule[]): string {
  const facts: [string, string][] = [
    ['首页', urlLink(site.homepage)],
    ['状态', statusBadge(site.status) + (site.reason ? ` ${escapeHtml(site.reason)}` : '')],
    ['得分', `<strong class="score">${formatScore(site.score)}</strong> ${ratingBadge(site)}`],
    ...(isUnqualified(site) ? [['评定', vetoNote(site, rules)] satisfies [string, string]] : []),
    ['抓取页面数', pagesCrawled(site)],
    ['检查链接数', String(site.linksChecked)],
    ['检查时间', `${formatDateTime(site.startedAt)}，用时 ${formatDuration(site.durationMs)}`],
  ];
  if (site.tlsError)
    facts.push([
      'HTTPS 证书',
      `<span class="status error">证书有问题（${escapeHtml(site.tlsError)}）</span>`,
    ]);
  const rows = facts.map(([label, value]) => `<dt>${label}</dt><dd>${value}</dd>`).join('');
  return `<dl class="facts">${rows}</dl>`;
}

/** One site's section: its facts, the header screenshot, and each rule's outcome with its findings. */
export function renderSite(
  site: SiteResult,
  rules: ReportRule[],
  screenshot: Uint8Array | undefined,
): string {
  const byRule = new Map(site.checks.map((check) => [check.ruleId, check]));
  const inspected = site.status === 'done';
  const body = rules.map((rule) => renderRule(rule, byRule.get(rule.id), inspected)).join('');
  return `<section class="site" id="${siteAnchor(site.siteId)}"><h2>${escapeHtml(site.fullName)}</h2>${renderFacts(site, rules)}${renderScreenshot(screenshot)}${notInspectedNote(site)}${body}</section>`;
}
