import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import {
  handOffResult,
  type ResultJobData,
  SITE_RESULTS,
  workerConnection,
} from '../../../src/queue/queues.ts';
import { startResultIngester } from '../../../src/queue/result-ingester.ts';
import type { SiteResult } from '../../../src/results.ts';
import type { WebhookEventType, WebhookSubscription } from '../../../src/store/store.ts';
import {
  type DeliveryWorkerOptions,
  startWebhookDeliveryWorker,
} from '../../../src/webhooks/delivery-worker.ts';
import { createWebhookNotifier, type WebhookNotifier } from '../../../src/webhooks/notifier.ts';
import { RULE_IDS } from '../../api/support/rule-ids.ts';
import type { Harness } from '../../queue/support/harness.ts';

export const secretOf = (seed: number) => `whsec_${Buffer.alloc(32, seed).toString('base64')}`;

/** The service's webhook wiring as serve.ts does it: ingester → notifier → queue → delivery worker. */
export interface WebhookFlow {
  notifier: WebhookNotifier;
  results: Queue<ResultJobData>;
  /** Starts the delivery worker (tests start it late to show that queued deliveries wait). */
  startWorker(allowPrivateTargets?: boolean, options?: Partial<DeliveryWorkerOptions>): void;
  subscribe(
    url: string,
    secret: string,
    events: WebhookEventType[],
    region?: string,
  ): Promise<WebhookSubscription>;
  sweep(siteIds: string[]): Promise<string>;
  deliver(sweepId: string, result: SiteResult): Promise<void>;
  close(): Promise<void>;
}

/** `hookFailures`: how many times the ingester's hook fails (Redis away, say) before the notifier runs. */
export function webhookFlow(h: Harness, options: { hookFailures?: number } = {}): WebhookFlow {
  const closers: (() => Promise<unknown>)[] = [];
  const notifier = createWebhookNotifier({ store: h.store, queue: h.config, log: h.log });
  let failures = options.hookFailures ?? 0;
  const ingester = startResultIngester(h.config, h.store, h.log, async (sweepId, result) => {
    if (failures-- > 0) throw new Error('the notifier failed');
    await notifier.onResultStored(sweepId, result);
  });
  const results = new Queue<ResultJobData>(SITE_RESULTS, {
    connection: workerConnection(h.config),
    prefix: h.config.queuePrefix,
  });
  closers.push(
    () => notifier.close(),
    () => ingester.close(),
    () => results.close(),
  );
  return {
    notifier,
    results,
    startWorker(allowPrivateTargets = true, options = {}) {
      const worker = startWebhookDeliveryWorker(h.config, h.store, h.log, {
        allowPrivateTargets,
        backoff: { baseMs: 100, capMs: 400 },
        requeueIntervalMs: 300,
        ...options,
      });
      closers.unshift(() => worker.close());
    },
    subscribe: (url, secret, events, region) =>
      h.store.webhooks.create({
        id: `wh_${randomUUID().slice(0, 8)}`,
        url,
        secret,
        events,
        region: region ?? null,
        createdBy: 'test',
      }),
    async sweep(siteIds) {
      const id = randomUUID();
      await h.store.sweeps.create({
        id,
        kind: 'quarterly-patrol',
        period: '2026Q2',
        siteIds,
        now: '2026-05-10T01:00:00.000Z',
        region: null,
        requestedBy: 'test',
      });
      return id;
    },
    deliver: (sweepId, result) => handOffResult(results, sweepId, result),
    async close() {
      for (const close of closers.splice(0)) await close();
    },
  };
}

/** An unreachable site's result: every rule `review`, score 0. */
export function unreachable(result: SiteResult): SiteResult {
  return {
    ...result,
    status: 'unreachable',
    score: 0,
    reason: '无法访问',
    checks: RULE_IDS.map((ruleId) => ({ ruleId, outcome: 'review', findings: [] })),
  };
}
