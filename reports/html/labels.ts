import type { Outcome } from '../../checks/check.ts';
import type { SiteStatus } from '../../src/results.ts';

/** How an outcome is shown: a Chinese label, a symbol that survives black-and-white printing, a CSS class. */
export const OUTCOME_LABELS: Record<Outcome, { text: string; symbol: string; css: string }> = {
  pass: { text: '通过', symbol: '✓', css: 'pass' },
  fail: { text: '不通过', symbol: '✗', css: 'fail' },
  review: { text: '待人工复核', symbol: '?', css: 'review' },
  'not-applicable': { text: '不适用', symbol: '—', css: 'na' },
};

export const STATUS_LABELS: Record<SiteStatus, { text: string; css: string }> = {
  done: { text: '正常', css: 'done' },
  unreachable: { text: '无法访问', css: 'unreachable' },
  error: { text: '检查出错', css: 'error' },
};

/** An outcome as a coloured badge with its symbol and label. */
export function outcomeBadge(outcome: Outcome): string {
  const label = OUTCOME_LABELS[outcome];
  return `<span class="badge ${label.css}"><span class="sym" aria-hidden="true">${label.symbol}</span>${label.text}</span>`;
}

/**
 * An outcome as a compact badge for a sites × rules table: the symbol shows, the label is read aloud
 * (and shown as a tooltip), the legend under the table says what each symbol means.
 */
export function outcomeMark(outcome: Outcome): string {
  const label = OUTCOME_LABELS[outcome];
  return `<span class="badge mark ${label.css}" title="${label.text}"><span class="sym" aria-hidden="true">${label.symbol}</span><span class="vh">${label.text}</span></span>`;
}

export function statusBadge(status: SiteStatus): string {
  const label = STATUS_LABELS[status];
  return `<span class="status ${label.css}">${label.text}</span>`;
}
