import { Type } from 'typebox';
import { WEBHOOK_EVENTS } from '../store/store.ts';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const WebhookId = Type.String({ pattern: '^wh_[A-Za-z0-9_-]{1,64}$' });
export const DeliveryId = Type.String({ pattern: '^msg_[A-Za-z0-9_-]{1,64}$' });
const EventType = Type.Enum([...WEBHOOK_EVENTS]);

export const WebhookRequestSchema = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, description: '接收推送的 http(s) 地址' }),
    secret: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Standard Webhooks 密钥：whsec_ 加 24–64 字节密钥的 base64；省略则自动生成并仅返回一次',
      }),
    ),
    events: Type.Array(EventType, { minItems: 1, maxItems: WEBHOOK_EVENTS.length, uniqueItems: true }),
    region: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: '只推送该行政区划内站点的事件' })),
  },
  { additionalProperties: false },
);

export const WebhookSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(EventType),
  region: nullable(Type.String()),
  createdAt: Type.String(),
  createdBy: Type.String(),
});

/** The answer to POST /webhooks: the secret only when it was generated, shown this once. */
export const CreatedWebhookSchema = Type.Object({
  ...WebhookSchema.properties,
  secret: Type.Optional(Type.String()),
});

export const DeliverySchema = Type.Object({
  id: Type.String({ description: '即 webhook-id 请求头，每次重试相同' }),
  subscriptionId: Type.String(),
  eventType: EventType,
  payload: Type.Unknown(),
  state: Type.Enum(['pending', 'delivered', 'failed']),
  attempts: Type.Integer(),
  lastStatus: nullable(Type.Integer()),
  lastError: nullable(Type.String()),
  redeliveries: Type.Integer(),
  createdAt: Type.String(),
  lastAttemptAt: nullable(Type.String()),
  deliveredAt: nullable(Type.String()),
});
