import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { HostPoliteness, type Politeness } from '../../crawlers/link-status/politeness.ts';
import type { Logger } from '../log.ts';
import { trackRedis } from './redis-clients.ts';
import { logRedisErrors } from './redis-errors.ts';

export interface RedisHostPolitenessOptions {
  redisUrl: string;
  /** Key prefix, e.g. the queue prefix, so deployments sharing a Redis do not share limits. */
  prefix: string;
  /** Requests in flight at once to one host, over every worker. Default 4. */
  perHostConcurrency?: number;
  /** Requests in flight at once in this process, over all hosts. Default 32. */
  concurrency?: number;
  /** A lease not renewed for this long is another holder's for the taking (a killed worker's). Default 30 s. */
  leaseMs?: number;
  /** How often a waiting request tries again. Default 50 ms (plus jitter). */
  pollMs?: number;
  log?: Logger;
}

// KEYS[1] the host's lease set; ARGV: lease id, limit, lease ms. Scores are expiry times in Redis's clock.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 2)
return 1
`;

// Extends a lease still held; 0 when it had already expired and been reclaimed.
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
return 1
`;

interface LeaseCommands {
  politenessAcquire(key: string, lease: string, limit: number, leaseMs: number): Promise<number>;
  politenessRenew(key: string, lease: string, leaseMs: number): Promise<number>;
}

/**
 * Per-host politeness over every worker process: a semaphore per host in Redis (a sorted set of
 * leases scored by expiry), taken and renewed by small Lua scripts on Redis's clock. A worker killed
 * while it holds a lease stops renewing it, and the lease is reclaimed when it expires. Same
 * `run(host, task)` contract as the in-process HostPoliteness, which still bounds this process's
 * requests overall.
 */
export class RedisHostPoliteness implements Politeness {
  readonly perHostConcurrency: number;
  readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly redis: Redis & LeaseCommands;
  private readonly local: HostPoliteness;

  constructor(private readonly options: RedisHostPolitenessOptions) {
    this.perHostConcurrency = options.perHostConcurrency ?? 4;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 50;
    this.local = new HostPoliteness({
      concurrency: options.concurrency,
      perHostConcurrency: this.perHostConcurrency,
    });
    // Commands wait for Redis to come back: a request waits for its slot rather than run unchecked.
    const redis = trackRedis(
      new Redis(options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true }),
      options.log,
    );
    redis.on('error', options.log ? logRedisErrors(options.log, 'host politeness') : () => {});
    redis.defineCommand('politenessAcquire', { numberOfKeys: 1, lua: ACQUIRE });
    redis.defineCommand('politenessRenew', { numberOfKeys: 1, lua: RENEW });
    this.redis = redis as Redis & LeaseCommands;
  }

  /** Runs `task` when fewer than `perHostConcurrency` requests to `host` are in flight over all workers. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return this.local.run(host, async () => {
      const key = `${this.options.prefix}:politeness:${host}`;
      const lease = randomUUID();
      while ((await this.redis.politenessAcquire(key, lease, this.perHostConcurrency, this.leaseMs)) !== 1) {
        await sleep(this.pollMs + Math.random() * this.pollMs);
      }
      const renewal = setInterval(() => {
        this.redis.politenessRenew(key, lease, this.leaseMs).catch(() => {});
      }, this.leaseMs / 3);
      try {
        return await task();
      } finally {
        clearInterval(renewal);
        // Not awaited: this connection sends commands in order, so the release precedes any later
        // acquire of ours, and a Redis outage does not hold the finished task's result back.
        this.redis.zrem(key, lease).catch(() => {});
      }
    });
  }

  /** Requests to `host` in flight now over every worker (expired leases not counted). */
  async inFlight(host: string): Promise<number> {
    const key = `${this.options.prefix}:politeness:${host}`;
    const [seconds, micros] = await this.redis.time();
    return this.redis.zcount(key, Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) + 1, '+inf');
  }

  /** Quits, or disconnects when Redis does not answer the QUIT within 2 s. */
  async close(): Promise<void> {
    const quit = this.redis.quit().then(
      () => true,
      () => false,
    );
    if (!(await Promise.race([quit, sleep(2_000, false, { ref: false })]))) this.redis.disconnect();
  }
}
