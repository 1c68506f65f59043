import type { Finding } from '../../checks/check.ts';
import { glossErrorCode } from '../../checks/lib/link-failure.ts';
import { escapeHtml, urlLink } from './escape.ts';
import { renderEvidence } from './evidence.ts';

/** Findings shown per rule (or, for link findings, pages shown per rule and links shown per page). */
export const MAX_FINDINGS = 20;
export const MAX_LINK_PAGES = 10;

/** An HTTP status or error code, with the Chinese gloss the broken-links findings use for network errors. */
export function formatLinkStatus(status: number | string | undefined): string {
  if (status === undefined) return '—';
  if (typeof status === 'number') return String(status);
  const gloss = glossErrorCode(status);
  return gloss === undefined
    ? escapeHtml(status)
    : `${escapeHtml(status)}<br><span class="gloss">${escapeHtml(gloss)}</span>`;
}

export function moreNote(rest: number, unit: string): string {
  return rest > 0 ? `<p class="more">另有 ${rest} ${unit}未列出，完整列表见 results.json。</p>` : '';
}

function renderFinding(finding: Finding): string {
  return `<li class="finding"><p class="msg">${escapeHtml(finding.message)}</p><p class="where">页面：${urlLink(finding.url)}</p>${renderEvidence(finding.evidence)}</li>`;
}

function renderLinkRow(finding: Finding): string {
  const target = finding.target === undefined ? '—' : urlLink(finding.target);
  return `<tr><td class="target">${target}</td><td class="code">${formatLinkStatus(finding.status)}</td><td><p class="msg">${escapeHtml(finding.message)}</p>${renderEvidence(finding.evidence)}</td></tr>`;
}

function groupByPage(findings: Finding[]): Map<string, Finding[]> {
  const pages = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = pages.get(finding.url);
    if (group) group.push(finding);
    else pages.set(finding.url, [finding]);
  }
  return pages;
}

/** Link findings (those naming a target) grouped per page, each page's list capped. */
function renderLinkFindings(findings: Finding[]): string {
  const pages = [...groupByPage(findings)];
  const shown = pages.slice(0, MAX_LINK_PAGES).map(([page, group]) => {
    const rows = group.slice(0, MAX_FINDINGS).map(renderLinkRow).join('');
    return `<div class="page-group"><p class="where">所在页面：${urlLink(page)}（${group.length} 条）</p><div class="scroll"><table class="links"><thead><tr><th>链接地址</th><th>状态</th><th>说明</th></tr></thead><tbody>${rows}</tbody></table></div>${moreNote(group.length - MAX_FINDINGS, '条')}</div>`;
  });
  const hiddenPages = pages.slice(MAX_LINK_PAGES);
  const hiddenCount = hiddenPages.reduce((sum, [, group]) => sum + group.length, 0);
  const rest = hiddenPages.length > 0 ? moreNote(hiddenPages.length, `个页面（共 ${hiddenCount} 条）`) : '';
  return shown.join('') + rest;
}

/** The findings of one rule for one site: link findings as tables per page, others as a list. */
export function renderFindings(findings: Finding[]): string {
  if (findings.length === 0) return '';
  if (findings.every((finding) => finding.target !== undefined)) return renderLinkFindings(findings);
  const items = findings.slice(0, MAX_FINDINGS).map(renderFinding).join('');
  return `<ol class="findings">${items}</ol>${moreNote(findings.length - MAX_FINDINGS, '条')}`;
}
