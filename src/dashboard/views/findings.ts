import { escapeHtml } from '../../../reports/html/escape.ts';
import { formatPeriod } from '../../../reports/html/format.ts';
import { outcomeBadge } from '../../../reports/html/labels.ts';
import { regionName } from '../../access/region-names.ts';
import type { FindingView } from '../../adjudication/adjudicated-view.ts';
import type { FindingAction } from '../../adjudication/types.ts';
import type { Principal } from '../../api/principal.ts';
import { type FindingsFilter, resultKey } from '../findings-data.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import {
  earlierDecisionNote,
  FINDINGS_PATH,
  filterFields,
  findingAnchor,
  findingEvidence,
  historyList,
  stateBadge,
} from './finding-parts.ts';
import { type FilterChoices, filterForm } from './findings-filter.ts';
import { page } from './layout.ts';
import { ruleLabel } from './rule-names.ts';

export interface FindingsPageInput {
  filter: FindingsFilter;
  choices: FilterChoices;
  findings: FindingView[];
  history: Map<string, FindingAction[]>;
  screenshots: Set<string>;
  names: Map<string, string>;
  csrf: string;
  alert?: string;
  notice?: string;
}

/** Only a finding of a failing check can be appealed, once, before it is decided (the API says so too). */
function appealForm(finding: FindingView, input: FindingsPageInput): string {
  if (finding.outcome !== 'fail' || finding.state !== 'open') return '';
  const id = encodeURIComponent(finding.id);
  return `<form class="appeal" method="post" action="${FINDINGS_PATH}/${id}/appeals">
${input.csrf}${filterFields(input.filter)}<input type="hidden" name="evidenceDigest" value="${finding.evidenceDigest}">
<label>申诉理由（如认为检查结果有误，请说明情况，省级复核时参考）<textarea name="reason" rows="2" maxlength="2000" required></textarea></label>
<button type="submit">提出申诉</button>
</form>`;
}

function findingCard(finding: FindingView, input: FindingsPageInput): string {
  const actions = input.history.get(finding.id) ?? [];
  return `<li class="card city-finding" id="${findingAnchor(finding.id)}">
<h3>${escapeHtml(ruleLabel(finding.ruleId))} ${outcomeBadge(finding.outcome)} ${stateBadge(finding)}</h3>
<p class="msg">${escapeHtml(finding.message)}</p>${findingEvidence(finding, input.screenshots.has(resultKey(finding)))}
${earlierDecisionNote(finding)}
<h4>申诉和复核记录</h4>${historyList(actions, finding.outcome)}
${appealForm(finding, input)}
</li>`;
}

function siteSections(input: FindingsPageInput): string {
  if (input.findings.length === 0) return '<p class="note">没有符合条件的问题。</p>';
  const bySite = new Map<string, FindingView[]>();
  for (const finding of input.findings)
    bySite.set(finding.siteId, [...(bySite.get(finding.siteId) ?? []), finding]);
  return [...bySite]
    .map(([siteId, findings]) => {
      const name = input.names.get(siteId) ?? siteId;
      const link = `<a href="${DASHBOARD_PREFIX}/sites/${encodeURIComponent(siteId)}">${escapeHtml(name)}</a>`;
      return `<section><h2>${link} <small>${findings.length} 个问题</small></h2><ol class="city-findings">${findings.map((f) => findingCard(f, input)).join('')}</ol></section>`;
    })
    .join('');
}

/** A city office's findings of the period (the province's: every region's), with appeals and their answers. */
export function findingsPage(input: FindingsPageInput, viewer: Principal): string {
  const scope = viewer.region === null ? '全省' : regionName(viewer.region);
  const title = `${viewer.role === 'province' ? `${scope}问题` : '本地区问题'}（${formatPeriod(input.filter.period)}）`;
  const alert = input.alert ? `<p class="alert" role="alert">${escapeHtml(input.alert)}</p>` : '';
  const notice = input.notice ? `<p class="success" role="status">${escapeHtml(input.notice)}</p>` : '';
  const appealed = input.findings.filter((f) => f.state === 'appealed').length;
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › ${escapeHtml(scope)}</p>
<h1>${escapeHtml(title)}</h1>
${alert}${notice}
<p class="note">本季度最新检查结果中的问题。对“不通过”的问题有异议的，可在省级复核前提出申诉，写明理由；省级复核后，结论和理由记入下方记录（维持，或核减后该项不再扣分）。</p>
${filterForm(FINDINGS_PATH, input.filter, input.choices)}
<p class="queue-summary">共 <b>${input.findings.length}</b> 个问题，申诉中 <b>${appealed}</b> 个。</p>
${siteSections(input)}`;
  return page({ title, body, viewer, current: '/findings' });
}
