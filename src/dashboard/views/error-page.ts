import { escapeHtml } from '../../../reports/html/escape.ts';
import type { Principal } from '../../api/principal.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { page } from './layout.ts';

/** A page for 403, 404 and 500, with a way back. */
export function errorPage(status: number, title: string, message: string, viewer: Principal | null): string {
  const body = `<section class="card error-card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p class="code">错误代码 ${status}</p><p><a href="${DASHBOARD_PREFIX}/">返回概览</a></p></section>`;
  return page({ title, body, viewer });
}

export const NOT_FOUND_MESSAGE = '没有找到这个页面，或者您的令牌无权查看它。';
