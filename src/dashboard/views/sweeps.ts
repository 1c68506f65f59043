import { escapeHtml } from '../../../reports/html/escape.ts';
import { formatDateTime, formatPeriod } from '../../../reports/html/format.ts';
import type { Principal } from '../../api/principal.ts';
import type { SweepRecord } from '../../store/store.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { KIND_LABELS, STATE_LABELS } from '../sweep-progress.ts';
import { page } from './layout.ts';

function when(iso: string | null): string {
  return iso ? formatDateTime(iso) : '—';
}

function sweepRow(sweep: SweepRecord): string {
  const href = `${DASHBOARD_PREFIX}/sweeps/${encodeURIComponent(sweep.id)}`;
  return `<tr><th scope="row"><a href="${escapeHtml(href)}">${KIND_LABELS[sweep.kind]}</a></th><td>${escapeHtml(formatPeriod(sweep.period))}</td><td><span class="state ${sweep.state}">${STATE_LABELS[sweep.state]}</span></td><td class="num">${sweep.done} / ${sweep.total}</td><td class="num">${sweep.failed}</td><td>${when(sweep.startedAt)}</td><td>${when(sweep.finishedAt)}</td></tr>`;
}

/** The sweeps the viewer may open, newest first, each linking to its live page. */
export function sweepsPage(sweeps: readonly SweepRecord[], shownAtMost: number, viewer: Principal): string {
  const list =
    sweeps.length === 0
      ? '<p class="note">还没有可以查看的检查批次。</p>'
      : `<div class="scroll"><table class="sweeps"><thead><tr><th>检查类型</th><th>期间</th><th>状态</th><th>已完成 / 网站数</th><th>检查出错</th><th>开始时间</th><th>结束时间</th></tr></thead><tbody>${sweeps.map(sweepRow).join('')}</tbody></table></div>`;
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › 检查批次</p>
<h1>检查批次</h1>
<p class="note">按创建时间从新到旧，列出最近的至多 ${shownAtMost} 个批次；点击检查类型查看批次进度和结果。</p>
${list}`;
  return page({ title: '检查批次', body, viewer });
}
