import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SITE_INSPECTIONS, siteJobId, workerConnection } from '../../src/queue/queues.ts';
import { createSweepLauncher, QueueUnavailableError } from '../../src/queue/sweep-launcher.ts';
import type { Site } from '../../src/registry/site.ts';
import { startSweep } from '../../src/service/start-sweep.ts';
import type { SweepLauncher } from '../../src/service/sweep-launcher.ts';
import type { SweepRecord } from '../../src/store/store.ts';
import { refusedPort } from '../support/http-server.ts';
import { type Harness, startHarness } from './support/harness.ts';

const SITES: Site[] = ['a', 'b', 'c'].map((id) => ({
  id: `site-${id}`,
  fullName: `测试网站${id}`,
  homepage: `http://127.0.0.1:9/${id}`,
  level: 'county',
  kind: 'portal',
  region: '510104',
  parent: null,
  archiveRoots: [],
}));

const timed = async <T>(
  work: () => Promise<T>,
): Promise<{ ms: number; outcome: PromiseSettledResult<T> }> => {
  const started = performance.now();
  const [outcome] = await Promise.allSettled([work()]);
  return { ms: performance.now() - started, outcome: outcome! };
};

describe('the sweep launcher', () => {
  let h: Harness;
  /** The queue the launchers add their site jobs to, as the site workers read it. */
  let queue: Queue;
  const closers: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    h = await startHarness();
    queue = new Queue(SITE_INSPECTIONS, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
    await h.store.sites.replaceAll(SITES);
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await queue?.close();
    await h.close();
  });

  it('gives each job its page budget: the site’s own maxPages, else its plan’s, over the launcher’s settings', async () => {
    const budgeted = [{ ...SITES[0]!, maxPages: 50_000 }, SITES[1]!];
    await h.store.sites.replaceAll(budgeted);
    const launcher = createSweepLauncher(h.config, {
      settings: { maxPages: 12, links: { totalTimeoutMs: 2_000 } },
      pageBudgets: { 'quarterly-patrol': 3_000, 'semiannual-check': 8_000, adhoc: 20_000 },
    });
    closers.push(() => launcher.close());
    const sweep = await startSweep(
      h.store,
      launcher,
      { kind: 'quarterly-patrol', requestedBy: 'test', now: new Date('2026-11-25T02:00:00Z') },
      () => true,
    );
    const settingsOf = async (siteId: string) =>
      (await queue.getJob(siteJobId(sweep.id, siteId)))!.data.settings;
    expect(await settingsOf('site-a')).toEqual({
      maxPages: 50_000,
      links: { totalTimeoutMs: 2_000 },
      crawl: { sitemaps: true },
    });
    expect(await settingsOf('site-b')).toEqual({
      maxPages: 3_000,
      links: { totalTimeoutMs: 2_000 },
      crawl: { sitemaps: true },
    });
  });

  it('adds one job per site with a deterministic id, bounded attempts, backoff and removal limits', async () => {
    const launcher = createSweepLauncher(h.config, { attempts: 3, backoffMs: 1_000 });
    closers.push(() => launcher.close());
    const sweep = await startSweep(
      h.store,
      launcher,
      { kind: 'adhoc', requestedBy: 'test', now: new Date('2026-11-25T02:00:00Z') },
      () => true,
    );
    // Launching the same sweep again adds nothing: the job ids are the sweep's and the site's.
    await launcher.launch(sweep, SITES);

    const jobs = await queue.getWaiting();
    expect(jobs.map((job) => job.id).sort()).toEqual(
      SITES.map((site) => siteJobId(sweep.id, site.id)).sort(),
    );
    const job = jobs.find((j) => j.id === siteJobId(sweep.id, 'site-a'))!;
    expect(job.data).toEqual({ sweepId: sweep.id, site: SITES[0], now: '2026-11-25T02:00:00.000Z' });
    expect(job.opts).toMatchObject({ attempts: 3, backoff: { type: 'exponential', delay: 1_000 } });
    expect(job.opts.removeOnComplete).toMatchObject({ age: expect.any(Number) });
    expect(job.opts.removeOnFail).toMatchObject({ age: expect.any(Number) });
  });

  it('fails fast when Redis has never been reachable', async () => {
    const launcher = createSweepLauncher({
      ...h.config,
      redisUrl: `redis://127.0.0.1:${await refusedPort()}`,
    });
    closers.push(() => launcher.close());
    const { ms, outcome } = await timed(() =>
      startSweep(h.store, launcher, { kind: 'adhoc', requestedBy: 'test', now: new Date() }, () => true),
    );
    expect(outcome.status).toBe('rejected');
    expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(QueueUnavailableError);
    expect(ms).toBeLessThan(1_500);
    // Straight after creation too (no connection attempt has failed yet): bounded by the timeout.
    const fresh = createSweepLauncher({ ...h.config, redisUrl: `redis://127.0.0.1:${await refusedPort()}` });
    closers.push(() => fresh.close());
    const sweep = await h.store.sweeps.create({
      id: randomUUID(),
      kind: 'adhoc',
      period: '2026Q4',
      siteIds: ['site-a'],
      now: new Date().toISOString(),
      region: null,
      requestedBy: 'test',
    });
    const second = await timed(() => fresh.launch(sweep, SITES.slice(0, 1)));
    expect(second.outcome.status).toBe('rejected');
    expect(second.ms).toBeLessThan(1_500);
  });

  it('fails fast when Redis goes down after it worked, adds nothing late, and works again once Redis is back', async () => {
    const launcher = createSweepLauncher(h.config);
    closers.push(() => launcher.close());
    const launched: SweepRecord[] = [];
    // Records which sweeps were handed to the launcher, so the one refused can be looked up.
    const recording: SweepLauncher = {
      launch: (sweep, sites) => {
        launched.push(sweep);
        return launcher.launch(sweep, sites);
      },
    };
    const launch = () =>
      startSweep(h.store, recording, { kind: 'adhoc', requestedBy: 'test', now: new Date() }, () => true);
    await launch();

    await h.redis.kill();
    const down = await timed(launch);
    expect(down.outcome.status).toBe('rejected');
    expect(down.ms).toBeLessThan(1_000);
    const failed = await h.store.sweeps.get(launched.at(-1)!.id);
    expect(failed).toMatchObject({ state: 'failed', error: expect.stringContaining('任务队列') });

    await h.redis.restart();
    let back: Awaited<ReturnType<typeof launch>> | undefined;
    for (let i = 0; i < 50 && !back; i++)
      back = await launch().catch(() => new Promise<undefined>((r) => setTimeout(r, 200)));
    expect(back).toBeDefined();
    // The first sweep's jobs and the last one's; nothing of the sweep that failed while Redis was down.
    expect(await queue.getWaitingCount()).toBe(2 * SITES.length);
  });
});
