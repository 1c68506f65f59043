import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dropRedisConnections, trackRedis } from '../../src/queue/redis-clients.ts';
import { type RunningRedis, startRedis } from '../support/redis.ts';

const run = promisify(execFile);
const DROPPED_UNDER_JOB = fileURLToPath(new URL('./fixtures/dropped-under-job.ts', import.meta.url));

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

/** Resolves with the milliseconds a timer of `ms` took to fire while `busy` runs. */
async function timerLatency(ms: number): Promise<number> {
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return performance.now() - started;
}

it('a dropped connection refuses later commands with "Connection is closed." after a pause, so a retry loop without delay leaves the timers running', async () => {
  const client = trackRedis(new Redis(redis.url, { maxRetriesPerRequest: null }));
  await client.ping();
  expect(dropRedisConnections()).toBeGreaterThanOrEqual(1);
  // What BullMQ's worker does with a finished job while it closes: retry at once for as long as it fails.
  let attempts = 0;
  let lastError: unknown;
  let stop = false;
  const loop = (async () => {
    // Bounded, so that without the pause the test fails rather than hangs.
    while (!stop && attempts < 10_000) {
      attempts += 1;
      await client.get('job').catch((error: unknown) => {
        lastError = error;
      });
    }
  })();
  const latency = await timerLatency(50);
  stop = true;
  await loop;
  expect(latency).toBeLessThan(400);
  expect((lastError as Error).message).toBe('Connection is closed.');
  // One attempt per pause, not thousands a millisecond.
  expect(attempts).toBeLessThan(5);
});

it('a BullMQ worker whose connections were dropped under a job in hand leaves the timers running when the job ends', async () => {
  // In a process of its own: were its timers starved, nothing but a kill from outside would end it.
  const { stdout } = await run(process.execPath, ['--import', 'tsx', DROPPED_UNDER_JOB, redis.url], {
    timeout: 20_000,
  });
  expect(JSON.parse(stdout).timerMs).toBeLessThan(600);
});
