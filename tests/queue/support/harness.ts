import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import type { InspectionSettings } from '../../../src/inspection/context.ts';
import type { Logger } from '../../../src/log.ts';
import type { SiteWorkerConfig } from '../../../src/queue/site-worker.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { ResultsStore, SweepRecord } from '../../../src/store/store.ts';
import { type RunningRedis, startRedis } from '../../support/redis.ts';

// The sandboxed processors log through src/log.ts (LOG_LEVEL), straight to this process's stderr.
process.env.LOG_LEVEL ??= process.env.TEST_LOG ? 'info' : 'warn';

/** Small budgets so that a demo site takes seconds, not minutes. */
export const FAST_SETTINGS: InspectionSettings = {
  maxPages: 12,
  crawl: { connectTimeoutMs: 2_000, responseTimeoutMs: 3_000, totalTimeoutMs: 4_000 },
  links: {
    connectTimeoutMs: 2_000,
    responseTimeoutMs: 3_000,
    totalTimeoutMs: 4_000,
    maxRetryAfterMs: 2_000,
    retryBaseDelayMs: 200,
  },
  render: { navigationTimeoutMs: 8_000, settleCapMs: 3_000 },
};

export interface Harness {
  redis: RunningRedis;
  config: SiteWorkerConfig;
  store: ResultsStore;
  dir: string;
  log: Logger;
  /** Every log line written so far, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** A real redis-server, a fresh queue prefix, the embedded (PGlite) store in a temporary directory. */
export async function startHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'gov-inspect-queue-'));
  const redis = await startRedis();
  const store = await openStore({ dataDir: join(dir, 'data') });
  const { log, logs } = memoryLog();
  return {
    redis,
    store,
    dir,
    log,
    logs,
    config: {
      redisUrl: redis.url,
      queuePrefix: `test-${randomUUID().slice(0, 8)}`,
      artifactDir: join(dir, 'artifacts'),
      workerConcurrency: 2,
    },
    async close() {
      await store.close().catch(() => {});
      await redis.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A pino logger whose lines are kept in memory (and echoed to stderr with TEST_LOG=1). */
export function memoryLog(): { log: Logger; logs: Record<string, unknown>[] } {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      if (process.env.TEST_LOG) process.stderr.write(chunk);
      done();
    },
  });
  return { log: pino({ level: 'debug' }, sink), logs };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** Waits until the sweep is `done` (or fails the test if it ends otherwise). */
export async function waitForSweep(
  store: ResultsStore,
  sweepId: string,
  timeoutMs = 45_000,
): Promise<SweepRecord> {
  return waitFor(
    `sweep ${sweepId} to finish`,
    async () => {
      const sweep = await store.sweeps.get(sweepId);
      if (sweep?.state === 'failed') throw new Error(`sweep failed: ${sweep.error}`);
      return sweep?.state === 'done' ? sweep : undefined;
    },
    timeoutMs,
  );
}
