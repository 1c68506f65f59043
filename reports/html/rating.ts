import type { SiteResult } from '../../src/results.ts';
import { escapeHtml } from './escape.ts';

/** A site's rating beside its score: 合格, 不合格 (a single veto, 单项否决), or 未评定. */
export type Rating = 'qualified' | 'unqualified' | 'unrated';

type Rated = Pick<SiteResult, 'qualified' | 'vetoes'>;

export const RATING_LABELS: Record<Rating, { text: string; css: string }> = {
  qualified: { text: '合格', css: 'qualified' },
  unqualified: { text: '不合格', css: 'unqualified' },
  unrated: { text: '未评定', css: 'unrated' },
};

/** `qualified` as stored: null (not inspected) and absent (stored before ratings existed) are both 未评定. */
export function ratingOf(site: Rated): Rating {
  if (site.qualified === true) return 'qualified';
  if (site.qualified === false) return 'unqualified';
  return 'unrated';
}

export function ratingText(site: Rated): string {
  return RATING_LABELS[ratingOf(site)].text;
}

export function isUnqualified(site: Rated): boolean {
  return site.qualified === false;
}

/** The reasons of the single vetoes, each without its closing full stop, so that they can be joined. */
export function vetoReasons(site: Rated): string[] {
  if (!isUnqualified(site)) return [];
  return (site.vetoes ?? []).map((veto) => veto.reason.trim().replace(/[。；;.]+$/, ''));
}

/** How a rating is shown: its label, a CSS class, and for 不合格 the veto reasons as a tooltip. */
export interface RatingLabel {
  text: string;
  css: string;
  title?: string;
}

export function ratingLabel(site: Rated): RatingLabel {
  const { text, css } = RATING_LABELS[ratingOf(site)];
  const reasons = vetoReasons(site);
  return reasons.length === 0 ? { text, css } : { text, css, title: `单项否决：${reasons.join('；')}` };
}

/** A rating label as a tag. */
export function renderRatingLabel(label: RatingLabel): string {
  const title = label.title === undefined ? '' : ` title="${escapeHtml(label.title)}"`;
  return `<span class="rating ${escapeHtml(label.css)}"${title}>${escapeHtml(label.text)}</span>`;
}

/** The site's rating as a tag; a 不合格 one carries its veto reasons as a tooltip. */
export function ratingBadge(site: Rated): string {
  return renderRatingLabel(ratingLabel(site));
}
