import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeQueue, failFastConnection } from '../../src/queue/queues.ts';
import { type Harness, startHarness } from './support/harness.ts';

/** Process-level errors raised while `work` runs and a moment after. */
async function stray(work: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const onError = (error: unknown) => seen.push(error);
  const listeners = process.listeners('uncaughtException');
  process.removeAllListeners('uncaughtException');
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
    for (const listener of listeners) process.on('uncaughtException', listener);
  }
  return seen;
}

describe('closeQueue', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('closes fail-fast queues a few milliseconds after creating them without an error escaping (serve on a taken port)', async () => {
    // Closed while BullMQ is still asking Redis its version, BullMQ 5.81's queue.close() lets an error
    // escape in about one case in ten at these delays.
    const seen = await stray(async () => {
      for (let i = 0; i < 120; i++) {
        const queue = new Queue(`close-${i}`, {
          connection: failFastConnection(h.config),
          prefix: h.config.queuePrefix,
        });
        queue.on('error', () => {});
        await new Promise((resolve) => setTimeout(resolve, (i % 40) / 10));
        await closeQueue(queue);
      }
    });
    expect(seen).toEqual([]);
  });

  it('closes a queue whose Redis never answers, within its settle time', async () => {
    const queue = new Queue('close-unreachable', {
      connection: failFastConnection({ ...h.config, redisUrl: 'redis://127.0.0.1:9' }),
      prefix: h.config.queuePrefix,
    });
    queue.on('error', () => {});
    const started = performance.now();
    const seen = await stray(() => closeQueue(queue, 500));
    expect(seen).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
