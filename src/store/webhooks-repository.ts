import type { Database } from './database.ts';
import type {
  WebhookDelivery,
  WebhookDeliveryState,
  WebhookEventType,
  WebhookSubscription,
  WebhooksRepository,
} from './store.ts';
import { isoTimestamp, isoTimestampOrNull } from './timestamps.ts';

interface SubscriptionRow {
  id: string;
  url: string;
  events: WebhookEventType[];
  region: string | null;
  created_at: Date;
  created_by: string;
}

interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_type: WebhookEventType;
  payload: unknown;
  state: WebhookDeliveryState;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  redeliveries: number;
  created_at: Date;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
}

const SUBSCRIPTION_COLUMNS = 'id, url, events, region, created_at, created_by';

export function webhooksRepository(db: Database): WebhooksRepository {
  return {
    async create({ id, url, secret, events, region, createdBy }) {
      const [row] = await db.query<SubscriptionRow>(
        `INSERT INTO webhook_subscriptions (id, url, secret, events, region, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [id, url, secret, events, region, createdBy],
      );
      return toSubscription(row!);
    },
    async list() {
      const rows = await db.query<SubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions ORDER BY created_at, id`,
      );
      return rows.map(toSubscription);
    },
    async get(id) {
      const [row] = await db.query<SubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE id = $1`,
        [id],
      );
      return row && toSubscription(row);
    },
    async secretOf(id) {
      const [row] = await db.query<{ secret: string }>(
        'SELECT secret FROM webhook_subscriptions WHERE id = $1',
        [id],
      );
      return row?.secret;
    },
    async delete(id) {
      const rows = await db.query('DELETE FROM webhook_subscriptions WHERE id = $1 RETURNING id', [id]);
      return rows.length > 0;
    },
    async recordDelivery({ id, subscriptionId, eventType, payload }) {
      const rows = await db.query(
        `INSERT INTO webhook_deliveries (id, subscription_id, event_type, payload)
         VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [id, subscriptionId, eventType, JSON.stringify(payload)],
      );
      return rows.length > 0;
    },
    async getDelivery(id) {
      const [row] = await db.query<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE id = $1', [id]);
      return row && toDelivery(row);
    },
    async recordAttempt(id, { status, error, state }) {
      await db.query(
        `UPDATE webhook_deliveries SET
           attempts = attempts + 1, last_status = $2, last_error = $3, state = $4,
           last_attempt_at = now(),
           delivered_at = CASE WHEN $4 = 'delivered' THEN now() ELSE delivered_at END
         WHERE id = $1`,
        [id, status, error, state],
      );
    },
    async requeue(id) {
      const [row] = await db.query<DeliveryRow>(
        `UPDATE webhook_deliveries SET state = 'pending', redeliveries = redeliveries + 1
         WHERE id = $1 RETURNING *`,
        [id],
      );
      return row && toDelivery(row);
    },
    async deliveries(subscriptionId, limit = 100) {
      const rows = await db.query<DeliveryRow>(
        `SELECT * FROM webhook_deliveries WHERE subscription_id = $1
         ORDER BY created_at DESC, id LIMIT $2`,
        [subscriptionId, limit],
      );
      return rows.map(toDelivery);
    },
    async pendingDeliveries(limit = 10_000) {
      const rows = await db.query<DeliveryRow>(
        `SELECT * FROM webhook_deliveries WHERE state = 'pending' ORDER BY created_at, id LIMIT $1`,
        [limit],
      );
      return rows.map(toDelivery);
    },
  };
}

function toSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    region: row.region,
    createdAt: isoTimestamp(row.created_at),
    createdBy: row.created_by,
  };
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventType: row.event_type,
    payload: row.payload,
    state: row.state,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    redeliveries: row.redeliveries,
    createdAt: isoTimestamp(row.created_at),
    lastAttemptAt: isoTimestampOrNull(row.last_attempt_at),
    deliveredAt: isoTimestampOrNull(row.delivered_at),
  };
}
