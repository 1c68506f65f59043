import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { trackRedis } from '../queue/redis-clients.ts';

export interface QueueHealth {
  /** True when Redis answers a PING within the client's command timeout. */
  check(): Promise<boolean>;
  close(): Promise<void>;
}

/** A fail-fast Redis client for the API's health answers: no offline queue, short timeouts. */
export function createQueueHealth(redisUrl: string, log: Logger): QueueHealth {
  const client = trackRedis(
    new Redis(redisUrl, {
      enableOfflineQueue: false,
      connectTimeout: 2_000,
      commandTimeout: 1_000,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(200 * times, 2_000),
    }),
    log,
  );
  return {
    async check() {
      try {
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      client.disconnect();
    },
  };
}
