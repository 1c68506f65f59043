import { escapeHtml } from '../../../reports/html/escape.ts';
import { regionName } from '../../access/region-names.ts';
import type { Principal } from '../../api/principal.ts';
import type { Site } from '../../registry/site.ts';
import { SWEEP_KINDS, type SweepKind } from '../../store/store.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { KIND_LABELS } from '../sweep-progress.ts';
import { page } from './layout.ts';

export type SweepScope = 'all' | 'region' | 'sites';

/** What the form shows chosen: the defaults, or what was sent when the API refused it. */
export interface SweepChoice {
  kind: SweepKind;
  scope: SweepScope;
  region?: string;
  siteIds: string[];
}

export interface SweepFormInput {
  sites: Site[];
  /** Regions the viewer may narrow a sweep to: codes as the API takes them ('5101', '510104'). */
  regions: string[];
  choice: SweepChoice;
  csrf: string;
  alert?: string;
}

const KIND_NOTES: Record<SweepKind, string> = {
  'quarterly-patrol': '所选范围内的全部网站（第 4.6.1 条每季度巡查）',
  'semiannual-check': '只含市（州）政府网站和省级部门网站（第 4.6.1 条每半年检查）',
  adhoc: '所选范围内的全部网站，计入当前季度',
};

const checked = (on: boolean) => (on ? ' checked' : '');

function kinds(choice: SweepChoice): string {
  return SWEEP_KINDS.map(
    (kind) =>
      `<label class="choice"><input type="radio" name="kind" value="${kind}"${checked(choice.kind === kind)}> ${KIND_LABELS[kind]}<small>${KIND_NOTES[kind]}</small></label>`,
  ).join('');
}

function siteList(sites: readonly Site[], chosen: ReadonlySet<string>): string {
  return sites
    .map(
      (site) =>
        `<label class="choice"><input type="checkbox" name="siteIds" value="${escapeHtml(site.id)}"${checked(chosen.has(site.id))}> ${escapeHtml(site.fullName)} <small>${escapeHtml(regionName(site.region))}</small></label>`,
    )
    .join('');
}

/** Start a sweep: its kind, and all sites in reach, a region, or chosen sites. */
export function sweepFormPage(input: SweepFormInput, viewer: Principal): string {
  const { choice } = input;
  const everything = viewer.role === 'province' ? '全省所有网站' : '本辖区所有网站';
  const options = input.regions
    .map(
      (code) =>
        `<option value="${code}"${choice.region === code ? ' selected' : ''}>${escapeHtml(regionName(code))}</option>`,
    )
    .join('');
  const region = input.regions.length
    ? `<label class="choice"><input type="radio" name="scope" value="region"${checked(choice.scope === 'region')}> 一个地区：</label><select name="region" aria-label="地区">${options}</select>`
    : '';
  const alert = input.alert ? `<p class="alert" role="alert">${escapeHtml(input.alert)}</p>` : '';
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › <a href="${DASHBOARD_PREFIX}/sweeps">检查批次</a> › 发起检查</p>
<h1>发起检查</h1>
${alert}
<form class="card form sweep-form" method="post" action="${DASHBOARD_PREFIX}/sweeps">
${input.csrf}
<fieldset><legend>检查类型</legend>${kinds(choice)}</fieldset>
<fieldset><legend>检查范围</legend>
<label class="choice"><input type="radio" name="scope" value="all"${checked(choice.scope === 'all')}> ${everything}（${input.sites.length} 个）</label>
<div class="inline">${region}</div>
<label class="choice"><input type="radio" name="scope" value="sites"${checked(choice.scope === 'sites')}> 选定的网站：</label>
<div class="site-picks">${siteList(input.sites, new Set(choice.siteIds))}</div>
</fieldset>
<button type="submit">开始检查</button>
<p class="note">检查开始后将转到该批次的进度页面，结果陆续到达时自动刷新。</p>
</form>`;
  return page({ title: '发起检查', body, viewer, current: '/sweeps/new' });
}
