import type { NoticeModel } from '../../src/period-reports/notice-model.ts';
import { escapeHtml } from '../html/escape.ts';
import { formatScore } from '../html/format.ts';
import { adjudicationSentence, automatedTotalsNote } from './notice-adjudication.ts';
import { actionWord, formatAverage, formatRate, ruleName } from './notice-text.ts';

/** 一、总体情况: counts in a paragraph, and for the province the table per city-level region. */
export function renderOverview(model: NoticeModel): string {
  const t = model.totals;
  const done = t.inspected - t.unreachable - t.errors;
  const registered = t.inspected + t.notInspected;
  const parts = [
    `本期纳入${actionWord(model)}范围的政府网站共 ${registered} 个，已完成检查 ${t.inspected} 个`,
    `其中正常访问 ${done} 个、无法访问 ${t.unreachable} 个${t.errors > 0 ? `、检查出错 ${t.errors} 个` : ''}`,
    t.notInspected > 0 ? `本期尚未检查 ${t.notInspected} 个` : '',
  ].filter(Boolean);
  const score =
    t.averageScore === null
      ? '本期没有检查结果。'
      : `平均得分 ${formatAverage(t.averageScore)} 分；${t.violatingSites} 个网站存在不符合要求的问题，共 ${t.violations} 项；${unqualifiedSentence(t.unqualifiedSites)}`;
  const reviewed = adjudicationSentence(model);
  const adjudication =
    reviewed === '' ? '' : `<p class="adjudication">${reviewed}${automatedTotalsNote(model)}</p>`;
  return `<section><h2>一、总体情况</h2><p>${parts.join('，')}。${score}</p>${adjudication}${renderRegionTable(model)}</section>`;
}

/** The count of 不合格 sites, which a score alone does not show. */
function unqualifiedSentence(count: number): string {
  return count === 0
    ? '没有网站因触及单项否决指标被评定为不合格。'
    : `${count} 个网站触及单项否决指标，评定为不合格（不论得分多少）。`;
}

function renderRegionTable(model: NoticeModel): string {
  if (model.regions.length === 0) return '';
  const rows = model.regions.map(
    (r) =>
      `<tr><td>${escapeHtml(r.name)}</td><td class="num">${r.sites}</td><td class="num">${formatScore(r.averageScore)}</td><td class="num">${r.violatingSites}</td><td class="num">${r.unqualifiedSites}</td><td class="num">${r.newViolations}</td><td class="num">${r.fixedViolations}</td></tr>`,
  );
  return `<table class="regions"><caption>表1　各地区检查情况</caption><thead><tr><th>地区</th><th>检查网站数</th><th>平均得分</th><th>存在问题网站数</th><th>不合格网站数</th><th>新增问题（项）</th><th>已整改问题（项）</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** 二、各项指标: each rule's counts and pass rate, with last period's rate beside it. */
export function renderIndicators(model: NoticeModel): string {
  const before = new Map(model.previousTotals?.rules.map((rule) => [rule.ruleId, rule.passRate]) ?? []);
  const rows = model.rules.map((rule, i) => {
    const stat = model.totals.rules[i]!;
    return `<tr><td>${escapeHtml(ruleName(rule))}</td><td class="num">${stat.pass}</td><td class="num">${stat.fail}</td><td class="num">${stat.review}</td><td class="num">${stat.notApplicable}</td><td class="num"><b>${formatRate(stat.passRate)}</b></td><td class="num">${formatRate(before.get(rule.id) ?? null)}</td></tr>`;
  });
  const caption = model.regions.length > 0 ? '表2' : '表1';
  return `<section><h2>二、各项指标</h2><table class="rules"><caption>${caption}　各项指标检查结果</caption><thead><tr><th>检查项目（条款）</th><th>通过</th><th>不通过</th><th>待人工复核</th><th>不适用</th><th>通过率</th><th>上期通过率</th></tr></thead><tbody>${rows.join('')}</tbody></table><p class="note">通过率 = 通过 ÷（通过 + 不通过），“待人工复核”和“不适用”不计入。</p></section>`;
}
