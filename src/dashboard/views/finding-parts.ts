import type { Outcome } from '../../../checks/check.ts';
import { escapeHtml, urlLink } from '../../../reports/html/escape.ts';
import { renderEvidence } from '../../../reports/html/evidence.ts';
import { formatLinkStatus } from '../../../reports/html/findings.ts';
import { formatDateTime, formatPeriod } from '../../../reports/html/format.ts';
import { regionName } from '../../access/region-names.ts';
import type { FindingView } from '../../adjudication/adjudicated-view.ts';
import type { FindingAction, FindingState } from '../../adjudication/types.ts';
import type { FindingsFilter } from '../findings-data.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { screenshotPath } from './site.ts';

/** 核减 strikes off a failing finding; a `review` one found to be no violation is 不予认定. */
export function overturnLabel(outcome: Outcome): string {
  return outcome === 'review' ? '不予认定' : '核减';
}

const STATE_CSS: Record<FindingState, string> = {
  open: 'open',
  appealed: 'appealed',
  upheld: 'upheld',
  overturned: 'overturned',
};

export function stateLabel(state: FindingState, outcome: Outcome): string {
  switch (state) {
    case 'open':
      return outcome === 'review' ? '待复核' : '未申诉';
    case 'appealed':
      return '申诉中';
    case 'upheld':
      return '已维持';
    case 'overturned':
      return outcome === 'review' ? '不予认定' : '已核减';
  }
}

export function stateBadge(finding: Pick<FindingView, 'state' | 'outcome'>): string {
  return `<span class="finding-state ${STATE_CSS[finding.state]}">${stateLabel(finding.state, finding.outcome)}</span>`;
}

/** What an action was, in the office's words. */
function actionLabel(action: FindingAction, outcome: Outcome): string {
  if (action.what === 'appeal') return '申诉';
  return action.what === 'upheld' ? '维持' : overturnLabel(outcome);
}

function actorLabel(action: FindingAction): string {
  const scope = action.role === 'province' ? '省级' : regionName(action.region ?? '');
  return `${escapeHtml(action.who)}<small>（${escapeHtml(scope)}）</small>`;
}

/** Every appeal and decision on a finding, oldest first: who, when, what, why. */
export function historyList(actions: readonly FindingAction[], outcome: Outcome): string {
  if (actions.length === 0) return '<p class="note history-none">尚无申诉和复核记录。</p>';
  const items = actions.map((action) => {
    const until = action.until ? `<small>（结论沿用至 ${escapeHtml(action.until)}）</small>` : '';
    return `<li class="action ${action.what}"><span class="when">${formatDateTime(action.when)}</span> <b class="what">${actionLabel(action, outcome)}</b>${until} <span class="who">${actorLabel(action)}</span><p class="why">${escapeHtml(action.why)}</p></li>`;
  });
  return `<ol class="history-log">${items.join('')}</ol>`;
}

/**
 * The evidence a finding rests on, below its message: the page, the link, the screenshot when it cites
 * one (and the file is kept: `hasScreenshot`), the text found.
 */
export function findingEvidence(finding: FindingView, hasScreenshot: boolean): string {
  const { screenshot, ...evidence } = finding.evidence;
  const shot =
    typeof screenshot === 'string' && hasScreenshot
      ? `<figure class="shot evidence-shot"><img src="${screenshotPath(finding.sweepId, finding.siteId)}" alt="首页头部区域截图" loading="lazy"><figcaption>检查时的首页头部截图</figcaption></figure>`
      : '';
  const target =
    finding.target === undefined
      ? ''
      : `<p class="where">链接：${urlLink(finding.target)}${finding.status === undefined ? '' : `（${escapeHtml(formatLinkStatus(finding.status))}）`}</p>`;
  return `<p class="where">页面：${urlLink(finding.url)}</p>${target}${shot}${renderEvidence(evidence)}`;
}

/** The appeal awaiting a decision, shown prominently: the office's reason is what the reviewer weighs. */
export function appealNote(finding: FindingView): string {
  if (finding.state !== 'appealed' || !finding.appeal) return '';
  const appeal = finding.appeal;
  return `<blockquote class="appeal-reason"><p><b>申诉理由</b>（${escapeHtml(appeal.who)}，${formatDateTime(appeal.when)}）</p><p>${escapeHtml(appeal.why)}</p></blockquote>`;
}

/** An earlier decision that no longer applies (evidence changed or expired), shown beside an open finding. */
export function earlierDecisionNote(finding: FindingView): string {
  const decision = finding.decision;
  if (!decision || decision.inForce) return '';
  return `<p class="note">此前曾于${formatPeriod(decision.period)}认定为“${decision.what === 'upheld' ? '维持' : overturnLabel(finding.outcome)}”（${escapeHtml(decision.why)}），证据已变化或结论已过期，需重新复核。</p>`;
}

/** The hidden fields that bring a form's answer back to the list it was posted from. */
export function filterFields(filter: FindingsFilter): string {
  const field = (name: string, value: string | null) =>
    value ? `<input type="hidden" name="${name}" value="${escapeHtml(value)}">` : '';
  return `${field('period', filter.period)}${field('region', filter.region)}${field('ruleId', filter.ruleId)}${field('state', filter.state)}`;
}

export function findingAnchor(id: string): string {
  return `finding-${id}`;
}

export const FINDINGS_PATH = `${DASHBOARD_PREFIX}/findings`;
export const REVIEW_PATH = `${DASHBOARD_PREFIX}/review`;
