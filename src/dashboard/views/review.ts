import { escapeHtml } from '../../../reports/html/escape.ts';
import { formatPeriod } from '../../../reports/html/format.ts';
import { outcomeBadge } from '../../../reports/html/labels.ts';
import type { FindingView } from '../../adjudication/adjudicated-view.ts';
import type { FindingAction } from '../../adjudication/types.ts';
import type { Principal } from '../../api/principal.ts';
import { type FindingsFilter, resultKey } from '../findings-data.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import {
  appealNote,
  earlierDecisionNote,
  filterFields,
  findingAnchor,
  findingEvidence,
  historyList,
  overturnLabel,
  REVIEW_PATH,
  stateBadge,
} from './finding-parts.ts';
import { type FilterChoices, filterForm } from './findings-filter.ts';
import { page } from './layout.ts';
import { ruleLabel } from './rule-names.ts';

export interface ReviewPageInput {
  filter: FindingsFilter;
  choices: FilterChoices;
  findings: FindingView[];
  history: Map<string, FindingAction[]>;
  screenshots: Set<string>;
  /** Site names by id. */
  names: Map<string, string>;
  csrf: string;
  alert?: string;
  notice?: string;
}

/** Findings that can be decided with one reason: the same rule, the same outcome, the same evidence. */
export interface EvidenceGroup {
  ruleId: string;
  outcome: FindingView['outcome'];
  findings: FindingView[];
}

export function groupByEvidence(findings: readonly FindingView[]): EvidenceGroup[] {
  const groups = new Map<string, EvidenceGroup>();
  for (const finding of findings) {
    const key = `${finding.ruleId}\n${finding.outcome}\n${finding.evidenceDigest}`;
    const group = groups.get(key);
    if (group) group.findings.push(finding);
    else groups.set(key, { ruleId: finding.ruleId, outcome: finding.outcome, findings: [finding] });
  }
  return [...groups.values()];
}

function findingItem(finding: FindingView, input: ReviewPageInput, open: boolean): string {
  const name = input.names.get(finding.siteId) ?? finding.siteId;
  const id = findingAnchor(finding.id);
  return `<li class="queue-item" id="${id}">
<label class="pick"><input type="checkbox" name="finding" value="${finding.id}:${finding.evidenceDigest}" checked> <a href="${DASHBOARD_PREFIX}/sites/${encodeURIComponent(finding.siteId)}">${escapeHtml(name)}</a></label> ${stateBadge(finding)}
${appealNote(finding)}${earlierDecisionNote(finding)}
<details${open ? ' open' : ''}><summary>证据：${escapeHtml(finding.message)}</summary>${findingEvidence(finding, input.screenshots.has(resultKey(finding)))}</details>
<details class="history"><summary>申诉和复核记录（${input.history.get(finding.id)?.length ?? 0}）</summary>${historyList(input.history.get(finding.id) ?? [], finding.outcome)}</details>
</li>`;
}

function groupCard(group: EvidenceGroup, input: ReviewPageInput): string {
  const count = group.findings.length;
  const same = count > 1 ? `<span class="group-size">${count} 个问题证据相同</span>` : '';
  const items = group.findings.map((finding) => findingItem(finding, input, count === 1)).join('');
  return `<section class="card queue-group">
<h2>${escapeHtml(ruleLabel(group.ruleId))} ${outcomeBadge(group.outcome)} ${same}</h2>
<form method="post" action="${REVIEW_PATH}/decisions">
${input.csrf}${filterFields(input.filter)}<input type="hidden" name="outcome" value="${group.outcome}">
<ol class="queue-items">${items}</ol>
<div class="decide">
<label>理由（必填，记入复核记录${count > 1 ? '；对本组勾选的问题一并认定' : ''}）<textarea name="reason" rows="2" maxlength="2000" required></textarea></label>
<div class="decide-buttons"><button type="submit" name="verdict" value="upheld">维持</button><button type="submit" name="verdict" value="overturned" class="overturn">${overturnLabel(group.outcome)}</button></div>
</div>
</form>
</section>`;
}

function summary(input: ReviewPageInput, groups: readonly EvidenceGroup[]): string {
  const { findings } = input;
  if (findings.length === 0) return '<p class="note queue-empty">没有符合条件的问题。</p>';
  const appealed = findings.filter((f) => f.state === 'appealed').length;
  return `<p class="queue-summary">共 <b>${findings.length}</b> 个问题，其中申诉 <b>${appealed}</b> 个；按“同一规则、相同证据”分为 ${groups.length} 组，每组可勾选后以同一理由一并认定。</p>`;
}

/** The province's review queue (复核): a period's findings by evidence group, each with its decision form. */
export function reviewPage(input: ReviewPageInput, viewer: Principal): string {
  const groups = groupByEvidence(input.findings);
  const alert = input.alert ? `<p class="alert" role="alert">${escapeHtml(input.alert)}</p>` : '';
  const notice = input.notice ? `<p class="success" role="status">${escapeHtml(input.notice)}</p>` : '';
  const title = `复核（${formatPeriod(input.filter.period)}）`;
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › 复核</p>
<h1>${escapeHtml(title)}</h1>
${alert}${notice}
<p class="note">自动检查判为“不通过”或“待人工复核”的问题在此复核：维持即确认为问题；核减（“待人工复核”的为不予认定）即认定不是问题，该项不再扣分。认定结论在证据不变时沿用到下一期末；所有申诉和认定都留有记录，不能修改或删除。</p>
${filterForm(REVIEW_PATH, input.filter, input.choices)}
${summary(input, groups)}
${groups.map((group) => groupCard(group, input)).join('')}`;
  return page({ title, body, viewer, current: '/review' });
}
