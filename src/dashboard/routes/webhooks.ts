import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebhookDelivery, WebhookSubscription } from '../../store/store.ts';
import { callApi, formMessage } from '../api-call.ts';
import { formTokenInput } from '../form-token.ts';
import { viewerOf } from '../page-access.ts';
import { DASHBOARD_PREFIX } from '../session.ts';
import { deliveriesPage } from '../views/webhook-deliveries.ts';
import { type WebhookDraft, webhookCreatedPage, webhookPath, webhooksPage } from '../views/webhooks.ts';
import { notFoundPage } from './not-found.ts';

const HTML = 'text/html; charset=utf-8';
const EMPTY: WebhookDraft = { url: '', events: [], region: '' };
const LABELS = { url: '接收地址', events: '事件', region: '辖区', secret: '签名密钥' };

type FormBody = Record<string, string | string[] | undefined>;
const text = (value: FormBody[string]) => String([value].flat()[0] ?? '').trim();
const path = (id: string) => `/webhooks/${encodeURIComponent(id)}`;

/**
 * GET/POST /webhooks, POST /webhooks/:id/delete, GET /webhooks/:id (its deliveries) and
 * POST /webhooks/:id/deliveries/:deliveryId/redeliver, through the API's /webhooks routes with the
 * viewer's token: the secret is generated there and shown once here.
 */
export function webhookPageRoutes(fastify: FastifyInstance): void {
  const config = { dashboard: 'province' } as const;

  fastify.get<{ Querystring: { deleted?: string } }>('/webhooks', { config }, async (request, reply) =>
    showList(request, reply, EMPTY, request.query.deleted === '1' ? { notice: '订阅已删除。' } : {}),
  );

  fastify.post<{ Body: FormBody }>('/webhooks', { config }, async (request, reply) => {
    const body = request.body ?? {};
    const draft: WebhookDraft = {
      url: text(body.url),
      events: [body.events ?? []].flat().filter(Boolean) as string[],
      region: text(body.region),
    };
    const payload = {
      url: draft.url,
      events: draft.events,
      ...(draft.region ? { region: draft.region } : {}),
    };
    const answer = await callApi<WebhookSubscription & { secret?: string }>(request, {
      method: 'POST',
      path: '/webhooks',
      payload,
    });
    if (!answer.ok)
      return showList(request, reply, draft, { alert: formMessage(answer.error, LABELS) }, answer.status);
    return reply
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(webhookCreatedPage(answer.body, viewerOf(request)));
  });

  fastify.post<{ Params: { id: string } }>('/webhooks/:id/delete', { config }, async (request, reply) => {
    const answer = await callApi(request, { method: 'DELETE', path: path(request.params.id) });
    if (!answer.ok) return showList(request, reply, EMPTY, { alert: answer.error.message }, answer.status);
    return reply.redirect(`${DASHBOARD_PREFIX}/webhooks?deleted=1`, 303);
  });

  fastify.get<{ Params: { id: string }; Querystring: { redelivered?: string } }>(
    '/webhooks/:id',
    { config },
    async (request, reply) =>
      showDeliveries(
        request,
        reply,
        request.params.id,
        request.query.redelivered === '1' ? { notice: '已重新排入推送队列。' } : {},
      ),
  );

  fastify.post<{ Params: { id: string; deliveryId: string } }>(
    '/webhooks/:id/deliveries/:deliveryId/redeliver',
    { config },
    async (request, reply) => {
      const { id, deliveryId } = request.params;
      const answer = await callApi(request, {
        method: 'POST',
        path: `/webhooks/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
      });
      if (!answer.ok)
        return showDeliveries(request, reply, id, { alert: answer.error.message }, answer.status);
      return reply.redirect(`${webhookPath(id)}?redelivered=1`, 303);
    },
  );
}

async function showList(
  request: FastifyRequest,
  reply: FastifyReply,
  draft: WebhookDraft,
  notes: { alert?: string; notice?: string },
  status = 200,
): Promise<FastifyReply> {
  const listed = await callApi<{ webhooks: WebhookSubscription[] }>(request, {
    method: 'GET',
    path: '/webhooks',
  });
  const subscriptions = listed.ok ? listed.body.webhooks : null;
  return reply
    .status(status)
    .type(HTML)
    .header('cache-control', 'no-store')
    .send(webhooksPage({ subscriptions, draft, csrf: formTokenInput(request), ...notes }, viewerOf(request)));
}

async function showDeliveries(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  notes: { alert?: string; notice?: string },
  status = 200,
): Promise<FastifyReply> {
  const [listed, log] = await Promise.all([
    callApi<{ webhooks: WebhookSubscription[] }>(request, { method: 'GET', path: '/webhooks' }),
    callApi<{ deliveries: WebhookDelivery[] }>(request, { method: 'GET', path: `${path(id)}/deliveries` }),
  ]);
  const subscription = listed.ok ? listed.body.webhooks.find((hook) => hook.id === id) : undefined;
  if (!subscription || !log.ok) return notFoundPage(request, reply);
  const input = { subscription, deliveries: log.body.deliveries, csrf: formTokenInput(request), ...notes };
  return reply
    .status(status)
    .type(HTML)
    .header('cache-control', 'no-store')
    .send(deliveriesPage(input, viewerOf(request)));
}
