import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookDelivery } from '../../src/store/store.ts';
import { SITES, siteResult } from '../api/support/fixtures.ts';
import { type Harness, startHarness, waitFor } from '../queue/support/harness.ts';
import { secretOf, type WebhookFlow, webhookFlow } from './support/flow.ts';
import { type Receiver, startReceiver } from './support/receiver.ts';
import { webhookApp } from './support/webhook-app.ts';

describe('webhook delivery', () => {
  let h: Harness;
  let flow: WebhookFlow;
  let receiver: Receiver | undefined;

  beforeEach(async () => {
    h = await startHarness();
    await h.store.sites.replaceAll(SITES);
    flow = webhookFlow(h);
  });

  afterEach(async () => {
    await flow.close();
    await receiver?.close();
    receiver = undefined;
    await h.close();
  });

  const deliveryOf = async (subscriptionId: string, state: WebhookDelivery['state']) =>
    waitFor(`a ${state} delivery`, async () => {
      const [delivery] = await h.store.webhooks.deliveries(subscriptionId);
      return delivery?.state === state ? delivery : undefined;
    });

  it('retries a receiver that answers 500 twice with the same webhook-id, verified each time, until it is delivered', async () => {
    receiver = await startReceiver((n) => (n < 2 ? 500 : 200));
    const secret = secretOf(1);
    const hook = await flow.subscribe(receiver.endpoint('retry', secret), secret, ['violation.detected']);
    flow.startWorker();
    const sweepId = await flow.sweep(['cd-portal']);
    await flow.deliver(sweepId, siteResult('cd-portal', ['header-full-name']));

    const delivery = await deliveryOf(hook.id, 'delivered');
    expect(delivery).toMatchObject({
      attempts: 3,
      lastStatus: 200,
      lastError: null,
      eventType: 'violation.detected',
    });
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.id))).toEqual(new Set([delivery.id]));
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);

    const payload = JSON.parse(receiver.received[0]!.body);
    expect(payload).toMatchObject({
      type: 'violation.detected',
      data: {
        sweep: { id: sweepId, kind: 'quarterly-patrol', period: '2026Q2' },
        site: {
          id: 'cd-portal',
          name: 'cd-portal 人民政府',
          region: '510100',
          homepage: 'http://127.0.0.1:9/cd-portal/',
        },
        rule: { id: 'header-full-name', title: '头部标识区域展示网站全称', clause: '4.3.3' },
        outcome: 'fail',
        previousOutcome: null,
        findings: { count: 1, items: [{ url: 'http://127.0.0.1:9/cd-portal/', message: '未通过' }] },
        score: 90,
        previousScore: null,
      },
    });
    expect(Date.parse(payload.timestamp)).not.toBeNaN();

    // Redelivery through the route: the same delivery, the same webhook-id, one more logged attempt.
    const api = await webhookApp(h.store, h.config, true);
    try {
      const response = await api.as('province', {
        method: 'POST',
        url: `/api/v1/webhooks/deliveries/${delivery.id}/redeliver`,
      });
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ id: delivery.id });
      await waitFor('the redelivery', () => (receiver!.received.length === 4 ? true : undefined));
      expect(receiver.received[3]).toMatchObject({ id: delivery.id, verified: true, answered: 200 });
      const again = await waitFor('the redelivery logged', async () => {
        const logged = await h.store.webhooks.getDelivery(delivery.id);
        return logged?.attempts === 4 && logged.state === 'delivered' ? logged : undefined;
      });
      expect(again.redeliveries).toBe(1);
      const log = await api.as('province', { method: 'GET', url: `/api/v1/webhooks/${hook.id}/deliveries` });
      expect(log.json().deliveries).toEqual([
        expect.objectContaining({ id: delivery.id, attempts: 4, redeliveries: 1 }),
      ]);
    } finally {
      await api.close();
    }
  });

  it('refuses at delivery time a target that is now private, without connecting to it', async () => {
    receiver = await startReceiver();
    const secret = secretOf(7);
    const hook = await flow.subscribe(receiver.endpoint('ssrf', secret), secret, ['sweep.completed']);
    flow.startWorker(false);
    const sweepId = await flow.sweep(['my-portal']);
    await flow.deliver(sweepId, siteResult('my-portal'));
    const delivery = await deliveryOf(hook.id, 'failed');
    expect(delivery.attempts).toBe(1);
    expect(delivery.lastStatus).toBeNull();
    expect(delivery.lastError).toMatch(/本机回环地址 127\.0\.0\.1/);
    await sleep(500);
    expect(receiver.received).toEqual([]);
  });

  it('retries a host that does not resolve, or not in time, instead of failing the delivery', async () => {
    receiver = await startReceiver();
    const secret = secretOf(9);
    const endpoint = new URL(receiver.endpoint('dns', secret));
    const host = 'hook.gov-inspector.invalid'; // reserved: never resolves; the lookup is injected anyway
    endpoint.hostname = host;
    const hook = await flow.subscribe(endpoint.href, secret, ['sweep.completed']);
    const seen: { host: string; attempts: number; state: string }[] = [];
    const notFound = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    flow.startWorker(true, {
      timeoutMs: 2_000, // the lookup gets half of it
      async lookup(name) {
        const [delivery] = await h.store.webhooks.deliveries(hook.id);
        seen.push({ host: name, attempts: delivery?.attempts ?? -1, state: delivery?.state ?? 'none' });
        if (seen.length === 1) throw notFound;
        if (seen.length === 2) return new Promise(() => undefined); // a resolver that never answers
        return [{ address: '127.0.0.1', family: 4 }];
      },
    });
    const sweepId = await flow.sweep(['my-portal']);
    await flow.deliver(sweepId, siteResult('my-portal'));

    const delivery = await deliveryOf(hook.id, 'delivered');
    expect(seen).toEqual([
      { host, attempts: 0, state: 'pending' },
      { host, attempts: 1, state: 'pending' },
      { host, attempts: 2, state: 'pending' },
    ]);
    expect(delivery).toMatchObject({ attempts: 3, lastStatus: 200, lastError: null });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ id: delivery.id, verified: true });
  });

  it('sends deliveries that were logged but never queued (a crash or a Redis outage in between), at start and later', async () => {
    receiver = await startReceiver();
    const secret = secretOf(8);
    const hook = await flow.subscribe(receiver.endpoint('crash', secret), secret, ['sweep.completed']);
    const logOnly = (id: string) =>
      h.store.webhooks.recordDelivery({
        id,
        subscriptionId: hook.id,
        eventType: 'sweep.completed',
        payload: { type: 'sweep.completed', timestamp: new Date().toISOString(), data: { sweep: { id } } },
      });
    await logOnly('msg_before-start');
    flow.startWorker();
    await waitFor('the first', () => (receiver!.received.length === 1 ? true : undefined));
    await logOnly('msg_after-start');
    await waitFor('both', async () => {
      const log = await h.store.webhooks.deliveries(hook.id);
      return log.length === 2 && log.every((d) => d.state === 'delivered') ? true : undefined;
    });
    expect(receiver.received.map((r) => [r.id, r.verified])).toEqual([
      ['msg_before-start', true],
      ['msg_after-start', true],
    ]);
  });
});
