import { escapeHtml } from '../../../reports/html/escape.ts';
import { formatDateTime } from '../../../reports/html/format.ts';
import { cityDivisions, regionName } from '../../access/region-names.ts';
import type { Principal } from '../../api/principal.ts';
import type { TokenRecord, TokenRole } from '../../store/store.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { page } from './layout.ts';
import { secretOnce } from './secret-once.ts';

/** What the create form shows filled in: empty, or what was sent when the API refused it. */
export interface TokenDraft {
  role: TokenRole;
  region: string;
  name: string;
}

export interface TokensPageInput {
  tokens: TokenRecord[];
  draft: TokenDraft;
  csrf: string;
  alert?: string;
  notice?: string;
}

const ROLE_LABELS: Record<TokenRole, string> = { province: '省级（全省）', city: '市级（本辖区）' };

function tokenRow(token: TokenRecord, viewer: Principal, csrf: string): string {
  const action =
    token.id === viewer.tokenId
      ? '<span class="note">当前登录所用</span>'
      : `<form method="post" action="${DASHBOARD_PREFIX}/tokens/${encodeURIComponent(token.id)}/revoke">${csrf}<button type="submit" class="danger">吊销</button></form>`;
  return `<tr><th scope="row">${escapeHtml(token.name ?? '（未命名）')}</th><td>${ROLE_LABELS[token.role]}</td><td>${token.region ? `${escapeHtml(regionName(token.region))} <small>${token.region}</small>` : '全省'}</td><td>${formatDateTime(token.createdAt)}</td><td>${action}</td></tr>`;
}

function createForm(draft: TokenDraft, csrf: string): string {
  const role = (value: TokenRole, label: string) =>
    `<label class="choice"><input type="radio" name="role" value="${value}"${draft.role === value ? ' checked' : ''}> ${label}</label>`;
  const divisions = cityDivisions()
    .map(({ code, name }) => `<option value="${code}">${escapeHtml(name)}</option>`)
    .join('');
  return `<form class="card form" method="post" action="${DASHBOARD_PREFIX}/tokens">
<h2>新建令牌</h2>
${csrf}
<fieldset><legend>角色</legend>${role('city', '市级令牌：只能查看和检查其辖区内的网站')}${role('province', '省级令牌：全省，可管理站点、令牌和推送订阅')}</fieldset>
<label for="token-region">辖区（市级令牌必填：市州或县区的 6 位行政区划代码）</label>
<input id="token-region" name="region" inputmode="numeric" pattern="\\d{6}" list="divisions" value="${escapeHtml(draft.region)}" placeholder="如 510100（成都市）">
<datalist id="divisions">${divisions}</datalist>
<label for="token-name">名称</label>
<input id="token-name" name="name" maxlength="100" value="${escapeHtml(draft.name)}" placeholder="如：成都市政府办公厅">
<button type="submit">生成令牌</button>
</form>`;
}

/** The tokens (records only), a revoke button for each but the viewer's own, and the create form. */
export function tokensPage(input: TokensPageInput, viewer: Principal): string {
  const alert = input.alert ? `<p class="alert" role="alert">${escapeHtml(input.alert)}</p>` : '';
  const notice = input.notice ? `<p class="success" role="status">${escapeHtml(input.notice)}</p>` : '';
  const rows = input.tokens.map((token) => tokenRow(token, viewer, input.csrf)).join('');
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › 访问令牌</p>
<h1>访问令牌</h1>
${alert}${notice}
<p class="note">令牌用于登录本系统和调用接口。系统只保存令牌的摘要，令牌本身只在生成时显示一次；吊销后，用它登录的会话立即失效。</p>
<div class="scroll"><table class="tokens"><thead><tr><th>名称</th><th>角色</th><th>辖区</th><th>创建时间</th><th>操作</th></tr></thead><tbody>${rows}</tbody></table></div>
${createForm(input.draft, input.csrf)}`;
  return page({ title: '访问令牌', body, viewer, current: '/tokens' });
}

/** A new token, shown this once. */
export function tokenCreatedPage(token: TokenRecord & { token: string }, viewer: Principal): string {
  const who =
    token.role === 'province' ? '省级令牌（全省）' : `市级令牌（${regionName(token.region ?? '')}）`;
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › <a href="${DASHBOARD_PREFIX}/tokens">访问令牌</a> › 新令牌</p>
<h1>令牌已生成</h1>
<section class="card">
<p>${escapeHtml(who)}${token.name ? `「${escapeHtml(token.name)}」` : ''}已生成。请把它安全地交给使用者：在登录页粘贴即可登录，也可用于接口的 <code>Authorization: Bearer</code>。</p>
${secretOnce('new-token', '令牌', token.token)}
<p><a href="${DASHBOARD_PREFIX}/tokens">返回令牌列表</a></p>
</section>`;
  return page({ title: '令牌已生成', body, viewer, current: '/tokens', scripts: ['copy.js'] });
}
