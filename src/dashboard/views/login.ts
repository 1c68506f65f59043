import { escapeHtml } from '../../../reports/html/escape.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { page } from './layout.ts';

/** The sign-in form: paste the API token; `next` is carried through so shared links survive. */
export function loginPage(next: string, problem?: string): string {
  const alert = problem ? `<p class="alert" role="alert">${escapeHtml(problem)}</p>` : '';
  const body = `<section class="card login">
<h1>登录</h1>
<p>请粘贴管理员发给您的访问令牌（由 <code>gov-inspect token create</code> 生成）。省级令牌可查看全省，市级令牌只能查看本辖区。</p>
${alert}
<form method="post" action="${DASHBOARD_PREFIX}/login">
<label for="token">访问令牌</label>
<input type="hidden" name="username" value="" autocomplete="username">
<input id="token" name="token" type="password" autocomplete="current-password" required spellcheck="false">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<button type="submit">登录</button>
</form>
</section>`;
  return page({ title: '登录', body, viewer: null });
}
