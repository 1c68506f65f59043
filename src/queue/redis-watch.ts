import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { trackRedis } from './redis-clients.ts';

/**
 * How the queues' connections retry while Redis is away (BullMQ's default retry strategy, which
 * every BullMQ connection here uses): after 1 s, then a little longer each time, at most every 20 s.
 */
export const RECONNECT_SCHEDULE = { firstMs: 1_000, maxMs: 20_000 } as const;

export interface RedisWatch {
  /** False when the last PING failed: closing should not wait for Redis then. */
  reachable(): boolean;
  close(): void;
}

export interface RedisWatchOptions {
  /** How often Redis is asked (PING). Default 2 s; a PING unanswered for as long counts as failed. */
  intervalMs?: number;
}

/**
 * Watches Redis for the process and logs an outage once, as a warning with the retry schedule, and
 * once more when Redis answers again: the other connections' failed reconnects are debug lines.
 * An outage is two PINGs in a row failing (refused, or not answered in time: a Redis that hangs,
 * paused or behind a dead network, refuses nothing), so a slow first connection is not one.
 */
export function watchRedis(redisUrl: string, log: Logger, options: RedisWatchOptions = {}): RedisWatch {
  const intervalMs = options.intervalMs ?? 2_000;
  const client = trackRedis(
    new Redis(redisUrl, {
      enableOfflineQueue: false,
      connectTimeout: intervalMs,
      commandTimeout: intervalMs,
      maxRetriesPerRequest: 1,
      retryStrategy: () => intervalMs,
    }),
    log,
  );
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    lastError = error;
  });
  let failures = 0;
  let downSince: number | undefined;
  let stopped = false;
  const redis = redactedUrl(redisUrl);

  const check = async () => {
    try {
      await client.ping();
      if (downSince !== undefined) {
        log.info(
          { redis, outageSeconds: Math.round((Date.now() - downSince) / 1000) },
          'Redis reachable again: the queues go on',
        );
      }
      failures = 0;
      downSince = undefined;
      lastError = undefined;
    } catch (error) {
      failures += 1;
      if (failures !== 2 || stopped) return;
      downSince = Date.now() - intervalMs;
      const reason =
        lastError?.message ??
        (client.status === 'ready' ? (error as Error).message : `no answer (connection ${client.status})`);
      log.warn(
        { redis, reason, reconnect: RECONNECT_SCHEDULE },
        `Redis unreachable (${reason}): the queues wait and reconnect after ${RECONNECT_SCHEDULE.firstMs / 1000} s, ` +
          `then less often, at most every ${RECONNECT_SCHEDULE.maxMs / 1000} s, until it is back; ` +
          'sweeps cannot start meanwhile, and nothing queued is lost',
      );
    }
  };
  void (async () => {
    while (!stopped) {
      await sleep(intervalMs, undefined, { ref: false });
      if (!stopped) await check();
    }
  })();

  return {
    reachable: () => failures === 0,
    close() {
      stopped = true;
      client.disconnect();
    },
  };
}

export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'invalid URL';
  }
}
