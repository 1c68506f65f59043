import { describe, expect, it } from 'vitest';
import { loadWebhookConfig } from '../../src/webhooks/config.ts';
import {
  backoffDelay,
  DELIVERY_ATTEMPTS,
  deliveryId,
  deliveryJobId,
} from '../../src/webhooks/delivery-queue.ts';

describe('the delivery schedule', () => {
  it('waits 1, 2, 4 … 256 min then 6 h between twelve attempts: about 20.5 hours in all', () => {
    const waits = Array.from({ length: DELIVERY_ATTEMPTS - 1 }, (_, i) => backoffDelay(i + 1) / 60_000);
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360]);
    const hours = waits.reduce((sum, wait) => sum + wait, 0) / 60;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(24);
  });

  it('derives delivery ids from the event and keeps them across redeliveries', () => {
    const id = deliveryId('sweep-1', 'cd-portal', 'broken-links', 'violation.detected', 'wh_a');
    expect(id).toMatch(/^msg_[A-Za-z0-9_-]{32}$/);
    expect(deliveryId('sweep-1', 'cd-portal', 'broken-links', 'violation.detected', 'wh_a')).toBe(id);
    expect(deliveryId('sweep-1', 'cd-portal', 'broken-links', 'violation.detected', 'wh_b')).not.toBe(id);
    expect(deliveryId('sweep-1', 'cd-portal', 'broken-links', 'violation.resolved', 'wh_a')).not.toBe(id);
    expect(deliveryJobId({ id, redeliveries: 0 })).toBe(id);
    expect(deliveryJobId({ id, redeliveries: 2 })).toBe(`${id}__redelivery-2`);
  });
});

describe('loadWebhookConfig', () => {
  it.each([
    [{}, false],
    [{ WEBHOOK_ALLOW_PRIVATE_TARGETS: '0' }, false],
    [{ WEBHOOK_ALLOW_PRIVATE_TARGETS: '' }, false],
    [{ WEBHOOK_ALLOW_PRIVATE_TARGETS: '1' }, true],
    [{ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }, true],
  ])('%o → allowPrivateTargets %s', (env, allowed) => {
    expect(loadWebhookConfig(env).allowPrivateTargets).toBe(allowed);
  });
});
