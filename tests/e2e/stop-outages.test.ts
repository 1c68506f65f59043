import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHUTDOWN_GRACE_MS, SHUTDOWN_LIMIT_MS } from '../../src/service/shutdown.ts';
import { type RunningCli, startCli } from '../support/cli.ts';
import { refusedPort } from '../support/http-server.ts';
import { type RunningPostgres, startPostgres } from '../support/postgres.ts';
import { type RunningRedis, startRedis } from '../support/redis.ts';
import { type SilentServer, startSilentServer } from '../support/silent-server.ts';

const OUTAGE = /Redis unreachable \(/g;
const RECOVERED = /Redis reachable again/g;
const STARTED = { serve: /服务已启动/, worker: /worker started/ } as const;

/** How often `pattern` occurs in the output. */
function count(cli: RunningCli, pattern: RegExp): number {
  return cli.output().match(pattern)?.length ?? 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('stopping serve and worker whatever state Redis and the database are in', () => {
  let redis: RunningRedis;
  let postgres: RunningPostgres;
  let silent: SilentServer;
  let refusedUrl: string;
  let runs = 0;

  beforeAll(async () => {
    [redis, postgres, silent] = await Promise.all([startRedis(), startPostgres(), startSilentServer()]);
    refusedUrl = `redis://127.0.0.1:${await refusedPort()}`;
  }, 60_000);
  afterAll(async () => {
    redis?.resume();
    await Promise.all([redis?.stop(), postgres?.stop(), silent?.close()]);
  });

  /** `gov-inspect COMMAND` against `redisUrl`, on its own data directory and queue prefix; resolves once started. */
  async function start(
    command: 'serve' | 'worker',
    redisUrl: string,
    env: NodeJS.ProcessEnv = {},
  ): Promise<RunningCli> {
    runs += 1;
    const cli = startCli([command], {
      REDIS_URL: redisUrl,
      DATA_DIR: await mkdtemp(join(tmpdir(), 'gov-inspect-stop-')),
      PORT: '0',
      QUEUE_PREFIX: `stop-${runs}`,
      LOG_LEVEL: 'info',
      ...env,
    });
    await cli.waitFor(STARTED[command]);
    return cli;
  }

  /** Stops `cli` by `signal`: it must exit 0 within the bound (and, "at once", sooner than the grace), with no connection left without an error listener. */
  async function expectStopped(cli: RunningCli, signal: NodeJS.Signals): Promise<number> {
    const { code, ms } = await cli.stop(signal);
    expect(code, cli.output()).toBe(0);
    expect(ms).toBeLessThan(SHUTDOWN_LIMIT_MS);
    expect(cli.output()).not.toMatch(/Unhandled error event|内部错误/);
    expect(cli.output()).toMatch(/"msg":"stopped"/);
    return ms;
  }

  for (const [command, signal] of [
    ['serve', 'SIGTERM'],
    ['worker', 'SIGINT'],
  ] as const) {
    it(`${command}: Redis down (refused) → one outage warning, ${signal} stops it at once`, async () => {
      const cli = await start(command, refusedUrl);
      await cli.waitFor(OUTAGE);
      // Several reconnects (BullMQ retries every second at first) later, still one warning.
      await sleep(3_000);
      expect(count(cli, OUTAGE)).toBe(1);
      expect(cli.output()).toMatch(/"reconnect":\{"firstMs":1000,"maxMs":20000\}/);
      expect(await expectStopped(cli, signal)).toBeLessThan(SHUTDOWN_GRACE_MS);
    }, 60_000);

    it(`${command}: Redis accepts and never answers → one outage warning, ${signal} stops it at once`, async () => {
      const cli = await start(command, silent.url);
      await cli.waitFor(OUTAGE);
      await sleep(2_000);
      expect(count(cli, OUTAGE)).toBe(1);
      expect(await expectStopped(cli, signal)).toBeLessThan(SHUTDOWN_GRACE_MS);
    }, 60_000);
  }

  it('serve: Redis killed and back → one warning, one recovery line; then paused (SIGSTOP) → SIGTERM stops it', async () => {
    const cli = await start('serve', redis.url);
    await redis.kill();
    await cli.waitFor(OUTAGE);
    await sleep(2_000);
    expect(count(cli, OUTAGE)).toBe(1);
    await redis.restart();
    await cli.waitFor(RECOVERED);
    expect(count(cli, RECOVERED)).toBe(1);

    redis.pause();
    try {
      await cli.waitFor(/Redis unreachable \(Command timed out\)/);
      expect(count(cli, OUTAGE)).toBe(2);
      expect(await expectStopped(cli, 'SIGTERM')).toBeLessThan(SHUTDOWN_GRACE_MS);
    } finally {
      redis.resume();
    }
  }, 90_000);

  it('worker: Redis paused (SIGSTOP) under a connected worker → SIGTERM stops it', async () => {
    const cli = await start('worker', redis.url);
    redis.pause();
    try {
      await cli.waitFor(OUTAGE);
      expect(count(cli, OUTAGE)).toBe(1);
      expect(await expectStopped(cli, 'SIGTERM')).toBeLessThan(SHUTDOWN_GRACE_MS);
    } finally {
      redis.resume();
    }
  }, 60_000);

  it('serve: the PostgreSQL database gone under it → SIGTERM stops it within the bound', async () => {
    const cli = await start('serve', redis.url, { DATABASE_URL: postgres.url });
    await postgres.stop();
    await sleep(1_000);
    await expectStopped(cli, 'SIGTERM');
    // Redis was healthy all along: nothing to report of it.
    expect(count(cli, OUTAGE)).toBe(0);
  }, 60_000);
});
