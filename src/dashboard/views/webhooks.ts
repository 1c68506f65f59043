import { escapeHtml } from '../../../reports/html/escape.ts';
import { formatDateTime } from '../../../reports/html/format.ts';
import { regionName } from '../../access/region-names.ts';
import type { Principal } from '../../api/principal.ts';
import { WEBHOOK_EVENTS, type WebhookEventType, type WebhookSubscription } from '../../store/store.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { page } from './layout.ts';
import { secretOnce } from './secret-once.ts';

export const EVENT_LABELS: Record<WebhookEventType, string> = {
  'violation.detected': '发现新问题（violation.detected）',
  'violation.resolved': '问题已整改（violation.resolved）',
  'sweep.completed': '检查批次完成（sweep.completed）',
  'finding.appealed': '问题被申诉（finding.appealed）',
  'finding.decided': '问题已复核认定（finding.decided）',
};

export interface WebhookDraft {
  url: string;
  events: string[];
  region: string;
}

export interface WebhooksPageInput {
  /** null when this service has no webhook routes (not started by serve). */
  subscriptions: WebhookSubscription[] | null;
  draft: WebhookDraft;
  csrf: string;
  alert?: string;
  notice?: string;
}

export const webhookPath = (id: string) => `${DASHBOARD_PREFIX}/webhooks/${encodeURIComponent(id)}`;

export function eventList(events: readonly WebhookEventType[]): string {
  return events.map((event) => escapeHtml(EVENT_LABELS[event] ?? event)).join('<br>');
}

function row(subscription: WebhookSubscription, csrf: string): string {
  const region = subscription.region ? escapeHtml(regionName(subscription.region)) : '全省';
  return `<tr><th scope="row"><a href="${webhookPath(subscription.id)}">${escapeHtml(subscription.url)}</a></th><td>${eventList(subscription.events)}</td><td>${region}</td><td>${formatDateTime(subscription.createdAt)}<br><small>${escapeHtml(subscription.createdBy)}</small></td><td><a href="${webhookPath(subscription.id)}">推送记录</a><form method="post" action="${webhookPath(subscription.id)}/delete">${csrf}<button type="submit" class="danger">删除</button></form></td></tr>`;
}

function createForm(draft: WebhookDraft, csrf: string): string {
  const events = WEBHOOK_EVENTS.map(
    (event) =>
      `<label class="choice"><input type="checkbox" name="events" value="${event}"${draft.events.includes(event) ? ' checked' : ''}> ${EVENT_LABELS[event]}</label>`,
  ).join('');
  return `<form class="card form" method="post" action="${DASHBOARD_PREFIX}/webhooks">
<h2>新建订阅</h2>
${csrf}
<label for="hook-url">接收地址</label>
<input id="hook-url" name="url" type="url" required maxlength="2000" value="${escapeHtml(draft.url)}" placeholder="https://example.gov.cn/hooks/gov-inspect">
<fieldset><legend>事件</legend>${events}</fieldset>
<label for="hook-region">只推送该辖区的事件（可选，6 位行政区划代码）</label>
<input id="hook-region" name="region" inputmode="numeric" pattern="\\d{6}" value="${escapeHtml(draft.region)}" placeholder="留空则推送全省">
<p class="note">签名密钥由系统生成，只在创建后显示一次。推送按 Standard Webhooks 签名，失败后自动重试。</p>
<button type="submit">创建订阅</button>
</form>`;
}

/** The subscriptions (never their secrets), each with its deliveries and a delete button; the create form. */
export function webhooksPage(input: WebhooksPageInput, viewer: Principal): string {
  const alert = input.alert ? `<p class="alert" role="alert">${escapeHtml(input.alert)}</p>` : '';
  const notice = input.notice ? `<p class="success" role="status">${escapeHtml(input.notice)}</p>` : '';
  const crumbs = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › 推送订阅</p><h1>推送订阅（Webhook）</h1>`;
  if (input.subscriptions === null) {
    const body = `${crumbs}<p class="note">本服务没有启用推送订阅（由 <code>gov-inspect serve</code> 提供）。</p>`;
    return page({ title: '推送订阅', body, viewer, current: '/webhooks' });
  }
  const list =
    input.subscriptions.length === 0
      ? '<p class="note">还没有订阅。</p>'
      : `<div class="scroll"><table class="webhooks"><thead><tr><th>接收地址</th><th>事件</th><th>辖区</th><th>创建</th><th>操作</th></tr></thead><tbody>${input.subscriptions.map((s) => row(s, input.csrf)).join('')}</tbody></table></div>`;
  const body = `${crumbs}${alert}${notice}${list}${createForm(input.draft, input.csrf)}`;
  return page({ title: '推送订阅', body, viewer, current: '/webhooks' });
}

/** A new subscription and its signing secret, shown this once. */
export function webhookCreatedPage(
  created: WebhookSubscription & { secret?: string },
  viewer: Principal,
): string {
  const secret = created.secret ? secretOnce('new-secret', '签名密钥', created.secret) : '';
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › <a href="${DASHBOARD_PREFIX}/webhooks">推送订阅</a> › 新订阅</p>
<h1>订阅已创建</h1>
<section class="card">
<p>事件将推送到 <code>${escapeHtml(created.url)}</code>：<br>${eventList(created.events)}</p>
${secret}
<p>接收方用这个密钥验证 <code>webhook-signature</code>（见 docs/webhooks.md）。</p>
<p><a href="${webhookPath(created.id)}">查看推送记录</a> · <a href="${DASHBOARD_PREFIX}/webhooks">返回订阅列表</a></p>
</section>`;
  return page({ title: '订阅已创建', body, viewer, current: '/webhooks', scripts: ['copy.js'] });
}
