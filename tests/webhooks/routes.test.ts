import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsStore } from '../../src/store/store.ts';
import { openEmbeddedStore } from '../api/support/api-fixture.ts';
import { type RunningRedis, startRedis } from '../support/redis.ts';
import { type WebhookApp, webhookApp } from './support/webhook-app.ts';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const body = (extra: Record<string, unknown> = {}) => ({
  url: 'http://127.0.0.1:9/hook',
  secret: SECRET,
  events: ['violation.detected'],
  ...extra,
});

describe('the /webhooks routes', () => {
  let redis: RunningRedis;
  let store: ResultsStore;
  let api: WebhookApp;
  let strict: WebhookApp;

  beforeAll(async () => {
    redis = await startRedis();
    store = await openEmbeddedStore();
    const queue = { redisUrl: redis.url, queuePrefix: `test-${randomUUID().slice(0, 8)}` };
    api = await webhookApp(store, queue, true);
    strict = await webhookApp(store, queue, false);
  });

  afterAll(async () => {
    await api?.close();
    await strict?.close();
    await store?.close();
    await redis?.stop();
  });

  // Who may call each route (no token 401, a city token 403): tests/routes/route-matrix.test.ts.

  it('creates, lists (without secrets), shows the log of and deletes a subscription', async () => {
    const created = await api.as('province', {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: body({ region: '510100', events: ['violation.detected', 'sweep.completed'] }),
    });
    expect(created.statusCode).toBe(201);
    const hook = created.json();
    expect(hook).toMatchObject({
      url: 'http://127.0.0.1:9/hook',
      events: ['violation.detected', 'sweep.completed'],
      region: '510100',
      createdBy: 'token:province-office',
    });
    expect(hook.id).toMatch(/^wh_/);
    expect(hook).not.toHaveProperty('secret');
    expect(await store.webhooks.secretOf(hook.id)).toBe(SECRET);

    const list = await api.as('province', { method: 'GET', url: '/api/v1/webhooks' });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('whsec_');
    expect(list.json().webhooks.map((w: { id: string }) => w.id)).toContain(hook.id);

    const log = await api.as('province', { method: 'GET', url: `/api/v1/webhooks/${hook.id}/deliveries` });
    expect(log.statusCode).toBe(200);
    expect(log.json()).toEqual({ deliveries: [] });

    const gone = await api.as('province', { method: 'DELETE', url: `/api/v1/webhooks/${hook.id}` });
    expect(gone.statusCode).toBe(204);
    expect(
      (await api.as('province', { method: 'DELETE', url: `/api/v1/webhooks/${hook.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await api.as('province', { method: 'GET', url: `/api/v1/webhooks/${hook.id}/deliveries` })).statusCode,
    ).toBe(404);
  });

  it('generates a secret when none is given and returns it once, usable by standardwebhooks', async () => {
    const { secret: _, ...withoutSecret } = body();
    const created = await api.as('province', {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: withoutSecret,
    });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(await store.webhooks.secretOf(id)).toBe(secret);
    const wh = new Webhook(secret);
    const at = new Date();
    const signature = wh.sign('msg_1', at, '{}');
    expect(
      wh.verify('{}', {
        'webhook-id': 'msg_1',
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      }),
    ).toEqual({});
    const list = await api.as('province', { method: 'GET', url: '/api/v1/webhooks' });
    expect(list.body).not.toContain(secret);
  });

  const BAD_BODIES: [string, Record<string, unknown>, string][] = [
    ['an ftp URL', body({ url: 'ftp://127.0.0.1/hook' }), 'url'],
    ['not a URL', body({ url: 'hook' }), 'url'],
    ['credentials in the URL', body({ url: 'http://user:pw@127.0.0.1/hook' }), 'url'],
    ['an unknown event', body({ events: ['site.deleted'] }), 'events[0]'],
    ['no events', body({ events: [] }), 'events'],
    ['a repeated event', body({ events: ['sweep.completed', 'sweep.completed'] }), 'events'],
    ['a secret without whsec_', body({ secret: Buffer.alloc(32).toString('base64') }), 'secret'],
    ['a secret too short', body({ secret: `whsec_${Buffer.alloc(16).toString('base64')}` }), 'secret'],
    ['a secret too long', body({ secret: `whsec_${Buffer.alloc(65).toString('base64')}` }), 'secret'],
    ['a secret not base64', body({ secret: 'whsec_not base64!' }), 'secret'],
    ['a region prefix', body({ region: '5101' }), 'region'],
    ['an unknown field', body({ active: true }), 'active'],
    ['a missing url', { events: ['sweep.completed'] }, 'url'],
  ];

  it.each(BAD_BODIES)('refuses %s with 400 naming the field', async (_, payload, field) => {
    const response = await api.as('province', { method: 'POST', url: '/api/v1/webhooks', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid-request', field });
  });

  const PRIVATE_TARGETS = [
    'http://127.0.0.1:9/hook',
    'http://localhost:9/hook',
    'http://10.0.0.1/hook',
    'http://[::1]:9/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    'http://0.0.0.0:9/',
    'http://2130706433/', // 127.0.0.1 written as one number; the URL parser normalises it
  ];

  it.each(PRIVATE_TARGETS)('refuses %s when private targets are not allowed', async (url) => {
    const response = await strict.as('province', {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: body({ url }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('url');
    expect(response.json().error.message).toMatch(/不允许向其推送/);
  });

  it('accepts a loopback target when private targets are allowed', async () => {
    const response = await api.as('province', {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: body({ url: 'http://localhost:9/hook' }),
    });
    expect(response.statusCode).toBe(201);
  });

  it('answers 404 for redelivering an unknown delivery and 400 for a malformed id', async () => {
    const unknown = await api.as('province', {
      method: 'POST',
      url: '/api/v1/webhooks/deliveries/msg_nothing/redeliver',
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await api.as('province', {
      method: 'POST',
      url: '/api/v1/webhooks/deliveries/1/redeliver',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.field).toBe('deliveryId');
  });

  it('answers 409 delivery-pending for redelivering a delivery that is still being retried', async () => {
    const hook = await store.webhooks.create({
      id: `wh_${randomUUID().slice(0, 8)}`,
      url: 'http://127.0.0.1:9/hook',
      secret: SECRET,
      events: ['sweep.completed'],
      region: null,
      createdBy: 'test',
    });
    const id = `msg_pending-${randomUUID().slice(0, 8)}`;
    await store.webhooks.recordDelivery({
      id,
      subscriptionId: hook.id,
      eventType: 'sweep.completed',
      payload: { type: 'sweep.completed', timestamp: new Date().toISOString(), data: {} },
    });
    const redeliver = () =>
      api.as('province', { method: 'POST', url: `/api/v1/webhooks/deliveries/${id}/redeliver` });

    const pending = await redeliver();
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.code).toBe('delivery-pending');
    expect(await store.webhooks.getDelivery(id)).toMatchObject({ state: 'pending', redeliveries: 0 });

    await store.webhooks.recordAttempt(id, { status: 500, error: 'HTTP 500', state: 'failed' });
    const failed = await redeliver();
    expect(failed.statusCode).toBe(202);
    expect(await store.webhooks.getDelivery(id)).toMatchObject({ state: 'pending', redeliveries: 1 });
    expect((await redeliver()).statusCode).toBe(409);
  });

  it('documents the routes in the OpenAPI description', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/webhooks',
        '/api/v1/webhooks/{id}',
        '/api/v1/webhooks/{id}/deliveries',
        '/api/v1/webhooks/deliveries/{deliveryId}/redeliver',
      ]),
    );
  });
});
