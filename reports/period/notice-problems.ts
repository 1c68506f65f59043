import type { NoticeModel, NoticeSite } from '../../src/period-reports/notice-model.ts';
import { escapeHtml } from '../html/escape.ts';
import { formatScore } from '../html/format.ts';
import { STATUS_LABELS } from '../html/labels.ts';
import { isUnqualified, ratingBadge, vetoReasons } from '../html/rating.ts';
import { automatedRatingNote, automatedScoreNote, struckOffList } from './notice-adjudication.ts';
import { ruleTitles } from './notice-text.ts';

/** Which rules vetoed a 不合格 site; their reasons are listed above the table. */
function vetoLine(site: NoticeSite): string {
  if (site.vetoes.length === 0) return '';
  return `<p class="veto">单项否决：${escapeHtml(site.vetoes.map((veto) => veto.title).join('、'))}</p>`;
}

function problemList(site: NoticeSite): string {
  if (site.status !== 'done') {
    const reason = site.reason ? `：${escapeHtml(site.reason)}` : '';
    return `${vetoLine(site)}<p class="down">${STATUS_LABELS[site.status].text}${reason}</p>`;
  }
  const items = site.violations.map(
    (v) =>
      `<li><b>${escapeHtml(v.title)}</b>：${escapeHtml(v.summary)}${v.isNew ? '<span class="new">〔新增〕</span>' : ''}</li>`,
  );
  return `${vetoLine(site)}<ol>${items.join('')}</ol>`;
}

/** The 不合格 sites, each with why, or '' when none is. */
function unqualifiedList(model: NoticeModel): string {
  const unqualified = model.sites.filter(isUnqualified);
  if (unqualified.length === 0) return '';
  const items = unqualified.map(
    (site) => `<li>${escapeHtml(site.fullName)}：${escapeHtml(vetoReasons(site).join('；'))}。</li>`,
  );
  return `<p>其中 ${unqualified.length} 个网站触及单项否决指标，不论得分多少，评定为不合格：</p><ol class="unqualified">${items.join('')}</ol>`;
}

/** 三、存在的主要问题: the sites with violations, not reachable or 不合格, and what is wrong with each. */
export function renderProblems(model: NoticeModel): string {
  const listed = model.sites.filter(
    (site) => site.violations.length > 0 || site.status !== 'done' || isUnqualified(site),
  );
  const rows = listed.map(
    (site, i) =>
      `<tr><td class="num">${i + 1}</td><td class="name">${escapeHtml(site.fullName)}</td><td class="region">${escapeHtml(site.regionName)}</td><td class="num">${formatScore(site.score)}${automatedScoreNote(site)}</td><td class="num">${ratingBadge(site)}${automatedRatingNote(site)}</td><td>${problemList(site)}</td></tr>`,
  );
  const table =
    listed.length === 0
      ? '<p>本期检查的网站均未发现不符合要求的问题。</p>'
      : `<p>本期检查发现 ${listed.length} 个网站存在问题（含无法访问的网站），名单及问题如下：</p>${unqualifiedList(model)}<table class="problems"><thead><tr><th>序号</th><th>网站名称</th><th>地区</th><th>得分</th><th>评定</th><th>存在问题</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const pending = model.notInspected.map((site) => escapeHtml(site.fullName)).join('、');
  const notInspected = pending === '' ? '' : `<p>以下网站本期尚无检查结果，请尽快安排检查：${pending}。</p>`;
  return `<section><h2>三、存在的主要问题（网站名单及问题）</h2>${table}${struckOffList(model)}${notInspected}</section>`;
}

/** 四、与上期相比: average score and per-rule changes, and each site whose violations changed. */
export function renderComparison(model: NoticeModel): string {
  const heading = `<h2>四、与上期相比</h2>`;
  if (model.previousTotals === null)
    return `<section>${heading}<p>上期（${model.previousPeriodText}）没有检查结果，本期不作比较。</p></section>`;
  const now = model.totals.averageScore;
  const before = model.previousTotals.averageScore;
  const trend =
    now === null || before === null
      ? ''
      : now === before
        ? '与上期持平'
        : `较上期${now > before ? '上升' : '下降'} ${formatScore(Math.abs(now - before))} 分`;
  const summary = `<p>上期（${model.previousPeriodText}）检查网站 ${model.previousTotals.inspected} 个，平均得分 ${before === null ? '—' : formatScore(before)} 分，存在问题网站 ${model.previousTotals.violatingSites} 个；本期平均得分 ${now === null ? '—' : formatScore(now)} 分${trend ? `，${trend}` : ''}。本期新增问题 ${model.newViolations} 项，已整改问题 ${model.fixedViolations} 项。</p>`;
  const changed = model.sites.filter(
    (site) => site.newViolations.length > 0 || site.fixedViolations.length > 0,
  );
  const rows = changed.map(
    (site) =>
      `<tr><td>${escapeHtml(site.fullName)}</td><td class="num">${site.previousScore === null ? '—' : formatScore(site.previousScore)}</td><td class="num">${formatScore(site.score)}</td><td>${escapeHtml(ruleTitles(model, site.newViolations)) || '—'}</td><td>${escapeHtml(ruleTitles(model, site.fixedViolations)) || '—'}</td></tr>`,
  );
  const table =
    changed.length === 0
      ? ''
      : `<table class="changes"><thead><tr><th>网站名称</th><th>上期得分</th><th>本期得分</th><th>新增问题</th><th>已整改问题</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<section>${heading}${summary}${table}</section>`;
}
