import { escapeHtml } from '../../../reports/html/escape.ts';

/** A secret shown this once, selectable, with a copy button (copy.js). */
export function secretOnce(id: string, label: string, secret: string): string {
  return `<div class="secret"><label for="${id}">${escapeHtml(label)}</label>
<div class="secret-row"><input id="${id}" class="secret-value" type="text" readonly value="${escapeHtml(secret)}" spellcheck="false" autocomplete="off"><button type="button" class="copy" data-copy="${id}">复制</button></div>
<p class="copy-status note" role="status" aria-live="polite"></p>
<p class="warning">只显示这一次：离开本页后无法再次查看，请立即复制并妥善保存。</p></div>`;
}
