import { escapeHtml } from '../../../reports/html/escape.ts';
import type { Principal } from '../../api/principal.ts';
import type { FieldChange, RegistryDiff } from '../../registry/registry-diff.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { page } from './layout.ts';
import { sitesTable } from './registry.ts';
import { FIELD_LABELS } from './site-labels.ts';

export interface PreviewInput {
  fileName: string;
  /** Sites in the file. */
  imported: number;
  changes: RegistryDiff;
  /** The confirmation form's hidden fields: the file itself, its format, and what was shown. */
  confirm: { content: string; format: string; changes: string };
  csrf: string;
  /** The registry changed between an earlier preview and the confirmation: shown again. */
  stale?: boolean;
}

function value(shown: FieldChange['before']): string {
  if (shown === null || (Array.isArray(shown) && shown.length === 0))
    return '<span class="none">（空）</span>';
  return escapeHtml(Array.isArray(shown) ? shown.join('；') : shown);
}

function changedTable(changes: RegistryDiff['changed']): string {
  const rows = changes.flatMap((site) =>
    site.changes.map(
      (change, index) =>
        `<tr>${index === 0 ? `<th scope="rowgroup" rowspan="${site.changes.length}">${escapeHtml(site.fullName)}<br><code>${escapeHtml(site.id)}</code></th>` : ''}<td>${FIELD_LABELS[change.field]}</td><td class="before">${value(change.before)}</td><td class="after">${value(change.after)}</td></tr>`,
    ),
  );
  return `<div class="scroll"><table class="changed"><thead><tr><th>网站</th><th>字段</th><th>原值</th><th>新值</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function confirmForm(input: PreviewInput): string {
  const hidden = Object.entries(input.confirm)
    .map(([name, v]) => `<input type="hidden" name="${name}" value="${escapeHtml(v)}">`)
    .join('');
  return `<form class="card form confirm" method="post" action="${DASHBOARD_PREFIX}/registry">
${input.csrf}${hidden}<input type="hidden" name="fileName" value="${escapeHtml(input.fileName)}">
<p>确认后，整个站点登记将替换为这份清单（${input.imported} 个网站）。已删除网站的历史检查结果仍会保留。</p>
<button type="submit">确认替换</button> <a href="${DASHBOARD_PREFIX}/registry">取消</a>
</form>`;
}

/** What replacing the registry with the uploaded file would do, and the form that does it. */
export function previewPage(input: PreviewInput, viewer: Principal): string {
  const { added, removed, changed, unchanged } = input.changes;
  const nothing = added.length + removed.length + changed.length === 0;
  const summary = `<p class="stats-line">${escapeHtml(input.fileName)}：共 ${input.imported} 个网站。与当前登记相比：<b class="added">新增 ${added.length}</b>，<b class="removed">删除 ${removed.length}</b>，<b class="modified">修改 ${changed.length}</b>，不变 ${unchanged}。</p>`;
  const sections = [
    added.length
      ? `<section><h2>新增的网站（${added.length}）</h2>${sitesTable(added, 'added')}</section>`
      : '',
    removed.length
      ? `<section><h2>删除的网站（${removed.length}）</h2>${sitesTable(removed, 'removed')}</section>`
      : '',
    changed.length
      ? `<section><h2>修改的网站（${changed.length}）</h2>${changedTable(changed)}</section>`
      : '',
  ].join('');
  const stale = input.stale
    ? '<p class="alert" role="alert">预览之后站点登记已有变化，下面是按当前登记重新计算的结果，请再次确认。</p>'
    : '';
  const action = nothing
    ? `<p class="note">这份清单与当前登记完全一致，无需替换。<a href="${DASHBOARD_PREFIX}/registry">返回站点登记</a></p>`
    : confirmForm(input);
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › <a href="${DASHBOARD_PREFIX}/registry">站点登记</a> › 预览</p>
<h1>确认替换站点登记</h1>
${stale}${summary}${sections}${action}`;
  return page({ title: '确认替换站点登记', body, viewer, current: '/registry' });
}
