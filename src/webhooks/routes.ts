import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiError, notFound, queueUnavailable } from '../api/api-error.ts';
import { principal } from '../api/authenticate.ts';
import { errors } from '../api/schemas.ts';
import { withTimeout } from '../api/with-timeout.ts';
import { failFastConnection, type QueueConfig } from '../queue/queues.ts';
import { createWebhookQueue } from './delivery-queue.ts';
import {
  CreatedWebhookSchema,
  DeliveryId,
  DeliverySchema,
  WebhookId,
  WebhookRequestSchema,
  WebhookSchema,
} from './schemas.ts';
import { generateSecret, secretProblem } from './secret.ts';
import { checkTarget, TargetRefusedError, TargetUnresolvedError } from './target-guard.ts';

export interface WebhookRoutesOptions {
  /** Redis and the queue prefix, for queueing redeliveries. */
  queue: QueueConfig;
  /** Accept subscription URLs on private, loopback, link-local… addresses (WEBHOOK_ALLOW_PRIVATE_TARGETS=1). */
  allowPrivateTargets: boolean;
}

const WEBHOOK_TAG = ['webhooks'];
const invalid = (field: string, message: string) =>
  new ApiError(400, 'invalid-request', `body.${field}：${message}`, { field, location: 'body' });

/**
 * Contract §6 `/webhooks`, province only: subscriptions (secrets never shown again), each one's
 * delivery log, and redelivery. Register under /api/v1 after the `app` plugin (it uses `services`).
 */
export const webhookRoutes: FastifyPluginAsyncTypebox<WebhookRoutesOptions> = async (fastify, options) => {
  const { store, dependencyTimeoutMs } = fastify.services;
  const queue = createWebhookQueue(options.queue, failFastConnection(options.queue));
  fastify.addHook('onClose', () => queue.close());
  const config = { access: 'province' } as const;

  fastify.get(
    '/webhooks',
    {
      config,
      schema: {
        summary: 'Webhook 订阅列表（不含密钥）',
        tags: WEBHOOK_TAG,
        response: { 200: Type.Object({ webhooks: Type.Array(WebhookSchema) }), ...errors(403) },
      },
    },
    async () => ({ webhooks: await store.webhooks.list() }),
  );

  fastify.post(
    '/webhooks',
    {
      config,
      schema: {
        summary: '新建 Webhook 订阅',
        description:
          '事件：violation.detected、violation.resolved、sweep.completed。地址解析到内网、本机或链路本地地址时拒绝。',
        tags: WEBHOOK_TAG,
        body: WebhookRequestSchema,
        response: { 201: CreatedWebhookSchema, ...errors(400, 403) },
      },
    },
    async (request, reply) => {
      const { url, events, region } = request.body;
      const problem = request.body.secret === undefined ? undefined : secretProblem(request.body.secret);
      if (problem) throw invalid('secret', problem);
      try {
        await checkTarget(url, options);
      } catch (error) {
        if (error instanceof TargetRefusedError || error instanceof TargetUnresolvedError)
          throw invalid('url', error.message);
        throw error;
      }
      const secret = request.body.secret ?? generateSecret();
      const created = await store.webhooks.create({
        id: `wh_${randomBytes(12).toString('base64url')}`,
        url,
        secret,
        events,
        region: region ?? null,
        createdBy: principal(request).label,
      });
      return reply
        .status(201)
        .header('location', `${request.url}/${created.id}`)
        .send(request.body.secret === undefined ? { ...created, secret } : created);
    },
  );

  fastify.delete(
    '/webhooks/:id',
    {
      config,
      schema: {
        summary: '删除 Webhook 订阅及其推送记录',
        tags: WEBHOOK_TAG,
        params: Type.Object({ id: WebhookId }),
        response: { 204: Type.Null(), ...errors(400, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!(await store.webhooks.delete(request.params.id)))
        throw notFound(`Webhook 订阅 ${request.params.id} `);
      return reply.status(204).send(null);
    },
  );

  fastify.get(
    '/webhooks/:id/deliveries',
    {
      config,
      schema: {
        summary: '一个订阅的推送记录（最新在前）',
        tags: WEBHOOK_TAG,
        params: Type.Object({ id: WebhookId }),
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ deliveries: Type.Array(DeliverySchema) }), ...errors(400, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await store.webhooks.get(id))) throw notFound(`Webhook 订阅 ${id} `);
      return { deliveries: await store.webhooks.deliveries(id, request.query.limit ?? 100) };
    },
  );

  fastify.post(
    '/webhooks/deliveries/:deliveryId/redeliver',
    {
      config,
      schema: {
        summary: '重新推送一条记录（webhook-id 不变）',
        description:
          '仅限已送达（delivered）或已失败（failed）的记录；仍在推送中（pending）的记录答 409 delivery-pending。',
        tags: WEBHOOK_TAG,
        params: Type.Object({ deliveryId: DeliveryId }),
        response: { 202: Type.Object({ id: Type.String() }), ...errors(400, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const { deliveryId } = request.params;
      const current = await store.webhooks.getDelivery(deliveryId);
      if (!current) throw notFound(`推送记录 ${deliveryId} `);
      // A pending delivery is still being retried: another round would send it twice over.
      if (current.state === 'pending')
        throw new ApiError(
          409,
          'delivery-pending',
          `推送记录 ${deliveryId} 仍在推送中，送达或失败后才能重新推送`,
        );
      if (!(await fastify.services.queueHealthy())) throw queueUnavailable('Redis 无法连接');
      const delivery = await store.webhooks.requeue(deliveryId);
      if (!delivery) throw notFound(`推送记录 ${deliveryId} `);
      try {
        await withTimeout(queue.enqueue(delivery), dependencyTimeoutMs, 'the webhook queue');
      } catch (error) {
        // Left pending: the delivery worker queues pending deliveries again when it starts.
        throw queueUnavailable(error instanceof Error ? error.message : String(error));
      }
      return reply.status(202).send({ id: delivery.id });
    },
  );
};
