import { beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, useBackend } from '../store/backends.ts';

const SECRET = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;

describe.each(BACKENDS)('webhooks on the $name store', ({ name }) => {
  const backend = useBackend(name);
  beforeEach(async () => {
    await backend.db.exec('TRUNCATE webhook_subscriptions CASCADE');
  });

  const subscribe = (id: string, region: string | null = null) =>
    backend.store.webhooks.create({
      id,
      url: 'https://hooks.example.gov.cn/in',
      secret: SECRET,
      events: ['violation.detected', 'sweep.completed'],
      region,
      createdBy: 'token:province-office',
    });

  it('creates, lists, gets and deletes subscriptions, the secret only through secretOf', async () => {
    const created = await subscribe('wh_a', '510100');
    expect(created).toEqual({
      id: 'wh_a',
      url: 'https://hooks.example.gov.cn/in',
      events: ['violation.detected', 'sweep.completed'],
      region: '510100',
      createdAt: expect.stringMatching(/Z$/),
      createdBy: 'token:province-office',
    });
    await subscribe('wh_b');
    expect((await backend.store.webhooks.list()).map((s) => s.id)).toEqual(['wh_a', 'wh_b']);
    expect(await backend.store.webhooks.get('wh_a')).toEqual(created);
    expect(JSON.stringify(await backend.store.webhooks.list())).not.toContain('whsec_');
    expect(await backend.store.webhooks.secretOf('wh_a')).toBe(SECRET);
    expect(await backend.store.webhooks.delete('wh_a')).toBe(true);
    expect(await backend.store.webhooks.delete('wh_a')).toBe(false);
    expect(await backend.store.webhooks.get('wh_a')).toBeUndefined();
  });

  it('logs a delivery once, its attempts, a redelivery, and drops the log with the subscription', async () => {
    await subscribe('wh_a');
    const delivery = {
      id: 'msg_1',
      subscriptionId: 'wh_a',
      eventType: 'sweep.completed' as const,
      payload: { type: 'sweep.completed', data: { sweep: { id: 's1', 名称: '季度巡查' } } },
    };
    expect(await backend.store.webhooks.recordDelivery(delivery)).toBe(true);
    expect(await backend.store.webhooks.recordDelivery({ ...delivery, payload: {} })).toBe(false);
    expect(await backend.store.webhooks.pendingDeliveries()).toHaveLength(1);

    await backend.store.webhooks.recordAttempt('msg_1', { status: 500, error: 'HTTP 500', state: 'pending' });
    await backend.store.webhooks.recordAttempt('msg_1', { status: 200, error: null, state: 'delivered' });
    const logged = await backend.store.webhooks.getDelivery('msg_1');
    expect(logged).toMatchObject({
      id: 'msg_1',
      subscriptionId: 'wh_a',
      eventType: 'sweep.completed',
      payload: delivery.payload,
      state: 'delivered',
      attempts: 2,
      lastStatus: 200,
      lastError: null,
      redeliveries: 0,
      deliveredAt: expect.stringMatching(/Z$/),
      lastAttemptAt: expect.stringMatching(/Z$/),
    });
    expect(await backend.store.webhooks.pendingDeliveries()).toEqual([]);

    expect(await backend.store.webhooks.requeue('msg_1')).toMatchObject({
      state: 'pending',
      redeliveries: 1,
      attempts: 2,
    });
    expect(await backend.store.webhooks.requeue('msg_none')).toBeUndefined();
    expect((await backend.store.webhooks.deliveries('wh_a')).map((d) => d.id)).toEqual(['msg_1']);

    await backend.store.webhooks.delete('wh_a');
    expect(await backend.store.webhooks.getDelivery('msg_1')).toBeUndefined();
  });

  it('logs deliveries of the finding events (migration 009)', async () => {
    await subscribe('wh_a');
    for (const eventType of ['finding.appealed', 'finding.decided'] as const) {
      const id = `msg_${eventType.replace('.', '_')}`;
      expect(
        await backend.store.webhooks.recordDelivery({ id, subscriptionId: 'wh_a', eventType, payload: {} }),
      ).toBe(true);
      expect(await backend.store.webhooks.getDelivery(id)).toMatchObject({ eventType, state: 'pending' });
    }
  });

  it('refuses a subscription without events and a delivery of an unknown event type', async () => {
    await expect(
      backend.store.webhooks.create({
        id: 'wh_x',
        url: 'https://x/',
        secret: SECRET,
        events: [],
        region: null,
        createdBy: 't',
      }),
    ).rejects.toThrow();
    await subscribe('wh_a');
    await expect(
      backend.store.webhooks.recordDelivery({
        id: 'msg_x',
        subscriptionId: 'wh_a',
        eventType: 'site.deleted' as 'sweep.completed',
        payload: {},
      }),
    ).rejects.toThrow();
  });
});
