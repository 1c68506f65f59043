import { escapeHtml } from '../../../reports/html/escape.ts';
import { formatDateTime, formatPeriod } from '../../../reports/html/format.ts';
import { renderRatingLabel } from '../../../reports/html/rating.ts';
import type { Principal } from '../../api/principal.ts';
import type { SweepRecord } from '../../store/store.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import type { SweepProgress } from '../sweep-progress.ts';
import { page } from './layout.ts';

function resultRows(progress: SweepProgress): string {
  return progress.results
    .map(
      (r) =>
        `<tr><th scope="row"><a href="${escapeHtml(r.href)}">${escapeHtml(r.fullName)}</a></th><td class="num score">${r.score}</td><td>${renderRatingLabel(r.rating)}</td><td><span class="status ${r.statusCss}">${r.status}</span></td><td class="num">${r.failing}</td></tr>`,
    )
    .join('');
}

/** A sweep's progress, refreshed by sweep.js from progress.json until it is finished. */
export function sweepPage(
  sweep: SweepRecord,
  progress: SweepProgress,
  viewer: Principal,
  pollMs: number,
): string {
  const title = `${progress.kind}（${formatPeriod(sweep.period)}）`;
  const source = `${DASHBOARD_PREFIX}/sweeps/${encodeURIComponent(sweep.id)}/progress.json`;
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › <a href="${DASHBOARD_PREFIX}/sweeps">检查批次</a></p>
<h1>${escapeHtml(title)}</h1>
<section class="card" id="progress" data-source="${escapeHtml(source)}" data-poll-ms="${pollMs}" data-finished="${progress.finished}">
<p>状态：<b id="sweep-state" class="state ${sweep.state}">${progress.stateText}</b></p>
<progress id="sweep-bar" max="${Math.max(progress.total, 1)}" value="${progress.done}"></progress>
<p>已完成 <b id="sweep-done">${progress.done}</b> / <b id="sweep-total">${progress.total}</b> 个网站，其中检查出错 <b id="sweep-failed">${progress.failed}</b> 个。<span id="sweep-live" class="note">${progress.finished ? '' : '页面会自动刷新进度。'}</span></p>
<dl class="facts"><dt>批次编号</dt><dd>${escapeHtml(sweep.id)}</dd><dt>发起</dt><dd>${escapeHtml(sweep.requestedBy)}</dd><dt>创建时间</dt><dd>${formatDateTime(sweep.createdAt)}</dd>${sweep.error ? `<dt>原因</dt><dd>${escapeHtml(sweep.error)}</dd>` : ''}</dl>
</section>
<section><h2>已收到的结果</h2><div class="scroll"><table class="arrived"><thead><tr><th>网站</th><th>得分</th><th>评定</th><th>状态</th><th>不通过规则数</th></tr></thead><tbody id="sweep-results">${resultRows(progress)}</tbody></table></div></section>`;
  return page({ title, body, viewer, scripts: ['sweep.js'] });
}
