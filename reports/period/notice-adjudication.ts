import type { NoticeModel, NoticeSeal, NoticeSite } from '../../src/period-reports/notice-model.ts';
import { escapeHtml } from '../html/escape.ts';
import { formatScore } from '../html/format.ts';
import { ratingText } from '../html/rating.ts';
import { formatAverage, formatDate } from './notice-text.ts';

/** 复核, 申诉 and 核减 in one sentence: what people did with the automated findings. */
export function adjudicationSentence(model: NoticeModel): string {
  const c = model.counts;
  if (c.findings === 0) return '';
  const appeals =
    c.appealed === 0
      ? '网站主办单位未提出申诉'
      : `网站主办单位提出申诉 ${c.appealed} 条${c.appealsPending > 0 ? `（尚待复核 ${c.appealsPending} 条）` : ''}`;
  return `自动检测共发现问题 ${c.findings} 条，经人工复核 ${c.reviewed} 条（维持 ${c.upheld} 条、核减或撤销 ${c.overturned} 条），${appeals}，核减问题 ${c.struckOff} 条；本通报的得分、评定和问题清单均为复核、申诉和核减后的结果。`;
}

/** The automated totals in brackets, when decisions changed them. */
export function automatedTotalsNote(model: NoticeModel): string {
  const now = model.totals;
  const before = model.automatedTotals;
  if (
    now.averageScore === before.averageScore &&
    now.violatingSites === before.violatingSites &&
    now.violations === before.violations &&
    now.unqualifiedSites === before.unqualifiedSites
  )
    return '';
  return `（核减前自动检测结果：平均得分 ${formatAverage(before.averageScore)} 分，${before.violatingSites} 个网站存在问题，共 ${before.violations} 项，不合格网站 ${before.unqualifiedSites} 个。）`;
}

/** A site's automated score beside its decided one, in a table cell ('' when none changed it). */
export function automatedScoreNote(site: NoticeSite): string {
  if (site.automated === null || site.automated.score === site.score) return '';
  return `<br><small class="automated">自动 ${formatScore(site.automated.score)}</small>`;
}

export function automatedRatingNote(site: NoticeSite): string {
  if (site.automated === null || site.automated.qualified === site.qualified) return '';
  return `<br><small class="automated">自动 ${ratingText(site.automated)}</small>`;
}

/** The problems struck off (核减) after review, site by site: no longer in the list above. */
export function struckOffList(model: NoticeModel): string {
  const sites = model.sites.filter((site) => site.struckOff.length > 0);
  if (sites.length === 0) return '';
  const items = sites.map(
    (site) =>
      `<li>${escapeHtml(site.fullName)}：${escapeHtml(site.struckOff.map((rule) => `“${rule.title}”${rule.findings} 条`).join('、'))}</li>`,
  );
  return `<p>经人工复核和申诉核实，以下问题予以核减，不列入上述问题清单：</p><ol class="struck-off">${items.join('')}</ol>`;
}

/** The seal of a finalised notice: its version, date and content hash. */
export function sealBlock(seal: NoticeSeal | undefined): string {
  if (seal === undefined) return '<p class="draft">（未定稿：数据随复核、申诉结果实时变化）</p>';
  return `<p class="seal">定稿第 ${seal.version} 版 · ${formatDate(seal.finalisedAt)}定稿 · 内容校验码（SHA-256）：<code>${escapeHtml(seal.contentHash)}</code></p>`;
}
