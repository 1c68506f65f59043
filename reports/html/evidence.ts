import { escapeHtml, safeHref, urlLink } from './escape.ts';
import { evidenceKeyLabel, evidenceValueLabel } from './evidence-labels.ts';

/** Evidence lists longer than this show their first items and a count of the rest. */
export const MAX_LIST_ITEMS = 10;
const MAX_TEXT_CHARS = 300;
const MAX_DEPTH = 4;

function renderText(key: string, text: string): string {
  const label = evidenceValueLabel(key, text);
  if (label !== undefined) return escapeHtml(label);
  if (safeHref(text) !== undefined) return urlLink(text);
  if (text.length <= MAX_TEXT_CHARS) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, MAX_TEXT_CHARS))}…<span class="more">（共 ${text.length} 字）</span>`;
}

/** A box `{ x, y, width, height }` in words; undefined for any other object. */
function describeBox(record: Record<string, unknown>): string | undefined {
  const { x, y, width, height, ...rest } = record;
  if (Object.keys(rest).length > 0) return undefined;
  if (
    typeof x !== 'number' ||
    typeof y !== 'number' ||
    typeof width !== 'number' ||
    typeof height !== 'number'
  ) {
    return undefined;
  }
  const r = Math.round;
  return `位置 (${r(x)}, ${r(y)})，尺寸 ${r(width)}×${r(height)} 像素`;
}

function renderList(key: string, items: unknown[], depth: number): string {
  if (items.length === 0) return '<span class="none">（无）</span>';
  if (items.length === 1) return renderValue(key, items[0], depth + 1);
  const shown = items.slice(0, MAX_LIST_ITEMS).map((item) => `<li>${renderValue(key, item, depth + 1)}</li>`);
  const rest = items.length - MAX_LIST_ITEMS;
  if (rest > 0) shown.push(`<li class="more">另有 ${rest} 条，完整列表见 results.json</li>`);
  return `<ul class="ev-list">${shown.join('')}</ul>`;
}

function renderValue(key: string, value: unknown, depth: number): string {
  if (value === null || value === undefined) return '<span class="none">—</span>';
  if (typeof value === 'string') return renderText(key, value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (depth >= MAX_DEPTH) return '<span class="more">（详见 results.json）</span>';
  if (Array.isArray(value)) return renderList(key, value, depth);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return describeBox(record) ?? renderEntries(record, depth + 1);
  }
  return escapeHtml(String(value));
}

function renderEntries(record: Record<string, unknown>, depth: number): string {
  const rows = Object.entries(record)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const label = escapeHtml(evidenceKeyLabel(key));
      return `<dt>${label}</dt><dd>${renderValue(key, value, depth)}</dd>`;
    });
  return `<dl class="evidence">${rows.join('')}</dl>`;
}

/** A finding's evidence as a readable key/value list (never raw JSON); '' when there is none. */
export function renderEvidence(evidence: Record<string, unknown>): string {
  return Object.keys(evidence).length === 0 ? '' : renderEntries(evidence, 0);
}
