import { escapeHtml } from '../../../reports/html/escape.ts';
import { formatDateTime } from '../../../reports/html/format.ts';
import type { Principal } from '../../api/principal.ts';
import type { WebhookDelivery, WebhookDeliveryState, WebhookSubscription } from '../../store/store.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { page } from './layout.ts';
import { EVENT_LABELS, eventList, webhookPath } from './webhooks.ts';

const STATE_LABELS: Record<WebhookDeliveryState, string> = {
  pending: '推送中',
  delivered: '已送达',
  failed: '推送失败',
};

export interface DeliveriesPageInput {
  subscription: WebhookSubscription;
  deliveries: WebhookDelivery[];
  csrf: string;
  alert?: string;
  notice?: string;
}

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

function deliveryRow(delivery: WebhookDelivery, subscriptionId: string, csrf: string): string {
  const outcome = delivery.lastError
    ? escapeHtml(delivery.lastError)
    : delivery.lastStatus === null
      ? '—'
      : `HTTP ${delivery.lastStatus}`;
  const action =
    delivery.state === 'pending'
      ? '<span class="note">推送中，送达或失败后可重新推送</span>'
      : `<form method="post" action="${webhookPath(subscriptionId)}/deliveries/${encodeURIComponent(delivery.id)}/redeliver">${csrf}<button type="submit">重新推送</button></form>`;
  return `<tr><td>${formatDateTime(delivery.createdAt)}</td><td>${escapeHtml(EVENT_LABELS[delivery.eventType] ?? delivery.eventType)}</td><td><span class="delivery ${delivery.state}">${STATE_LABELS[delivery.state]}</span></td><td class="num">${delivery.attempts}</td><td>${outcome}</td><td>${when(delivery.lastAttemptAt)}</td><td class="num">${delivery.redeliveries}</td><td>${action}<br><small><code>${escapeHtml(delivery.id)}</code></small></td></tr>`;
}

/** A subscription and its deliveries, newest first, each redeliverable once it is settled. */
export function deliveriesPage(input: DeliveriesPageInput, viewer: Principal): string {
  const { subscription } = input;
  const alert = input.alert ? `<p class="alert" role="alert">${escapeHtml(input.alert)}</p>` : '';
  const notice = input.notice ? `<p class="success" role="status">${escapeHtml(input.notice)}</p>` : '';
  const list =
    input.deliveries.length === 0
      ? '<p class="note">还没有推送记录。</p>'
      : `<div class="scroll"><table class="deliveries"><thead><tr><th>产生时间</th><th>事件</th><th>状态</th><th>尝试次数</th><th>最近结果</th><th>最近尝试</th><th>重新推送次数</th><th>操作</th></tr></thead><tbody>${input.deliveries.map((d) => deliveryRow(d, subscription.id, input.csrf)).join('')}</tbody></table></div>`;
  const body = `<p class="crumbs"><a href="${DASHBOARD_PREFIX}/">概览</a> › <a href="${DASHBOARD_PREFIX}/webhooks">推送订阅</a> › 推送记录</p>
<h1>推送记录</h1>
${alert}${notice}
<dl class="facts"><dt>接收地址</dt><dd><code>${escapeHtml(subscription.url)}</code></dd><dt>事件</dt><dd>${eventList(subscription.events)}</dd><dt>创建</dt><dd>${formatDateTime(subscription.createdAt)}（${escapeHtml(subscription.createdBy)}）</dd></dl>
<section><h2>最近的推送（最新在前）</h2>${list}<p class="note">重新推送时 webhook-id 不变，接收方可据此去重。</p></section>`;
  return page({ title: '推送记录', body, viewer, current: '/webhooks' });
}
