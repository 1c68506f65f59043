import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedisHostPoliteness } from '../../src/queue/redis-politeness.ts';
import { type RunningRedis, startRedis } from '../support/redis.ts';

const HOLDER = fileURLToPath(new URL('./fixtures/politeness-holder.js', import.meta.url));

describe('per-host politeness over every worker (Redis)', () => {
  let redis: RunningRedis;
  let prefix: string;
  const instances: RedisHostPoliteness[] = [];

  beforeEach(async () => {
    redis = await startRedis();
    prefix = `test-${randomUUID().slice(0, 8)}`;
  });

  afterEach(async () => {
    await Promise.all(instances.splice(0).map((p) => p.close()));
    await redis.stop();
  });

  const politeness = (options: { perHostConcurrency: number; leaseMs?: number }) => {
    const p = new RedisHostPoliteness({ redisUrl: redis.url, prefix, pollMs: 10, ...options });
    instances.push(p);
    return p;
  };

  it('never lets two workers together exceed the per-host limit, and keeps hosts apart', async () => {
    const a = politeness({ perHostConcurrency: 2 });
    const b = politeness({ perHostConcurrency: 2 });
    let inFlight = 0;
    let peak = 0;
    let peakSeenByRedis = 0;
    const request = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      peakSeenByRedis = Math.max(peakSeenByRedis, await a.inFlight('gov.example'));
      await sleep(40);
      inFlight--;
    };
    let otherHostRanWhileBusy = false;
    const busy = Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).run('gov.example', request)),
    );
    await sleep(20);
    await b.run('other.example', async () => {
      otherHostRanWhileBusy = inFlight > 0;
    });
    await busy;

    expect(peak).toBe(2);
    expect(peakSeenByRedis).toBe(2);
    expect(otherHostRanWhileBusy).toBe(true);
    expect(await a.inFlight('gov.example')).toBe(0);
  });

  it("keeps a long request's lease alive, and reclaims the leases of a holder killed with -9", async () => {
    const leaseMs = 1_000;
    const holder = spawn(
      process.execPath,
      [
        HOLDER,
        JSON.stringify({
          redisUrl: redis.url,
          prefix,
          host: 'gov.example',
          slots: 2,
          perHostConcurrency: 2,
          leaseMs,
        }),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let held = 0;
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => {
        held += chunk.toString().split('held').length - 1;
        if (held >= 2) resolve();
      });
      holder.once('exit', (code) => reject(new Error(`holder exited (${code})`)));
    });

    const waiter = politeness({ perHostConcurrency: 2, leaseMs });
    let startedAt = 0;
    const waiting = waiter.run('gov.example', async () => {
      startedAt = Date.now();
    });
    // The holder renews its leases: well past one lease time, the slots are still its.
    await sleep(2.5 * leaseMs);
    expect(startedAt).toBe(0);
    expect(await waiter.inFlight('gov.example')).toBe(2);

    const killedAt = Date.now();
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    await waiting;
    const reclaimedAfter = startedAt - killedAt;
    expect(reclaimedAfter).toBeGreaterThan(0.3 * leaseMs);
    expect(reclaimedAfter).toBeLessThan(leaseMs + 500);
  });
});
