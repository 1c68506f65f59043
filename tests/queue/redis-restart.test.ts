import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ServedDemo, serveDemoSites } from '../../demo/serve-demo.ts';
import { SITE_INSPECTIONS, siteJobId, workerConnection } from '../../src/queue/queues.ts';
import { startResultIngester } from '../../src/queue/result-ingester.ts';
import { startSiteWorker } from '../../src/queue/site-worker.ts';
import { createSweepLauncher } from '../../src/queue/sweep-launcher.ts';
import type { Site } from '../../src/registry/site.ts';
import { startSweep } from '../../src/service/start-sweep.ts';
import type { SweepRecord } from '../../src/store/store.ts';
import { FAST_SETTINGS, type Harness, startHarness, waitFor, waitForSweep } from './support/harness.ts';
import { type SlowSite, serveSlowSite } from './support/slow-site.ts';

describe('Redis restarting', () => {
  let h: Harness;
  let demo: ServedDemo;
  let slow: SlowSite;
  const closers: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    h = await startHarness();
    demo = await serveDemoSites();
    slow = await serveSlowSite('slow-county', 3_000);
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await slow.close();
    await demo.close();
    await h.close();
  });

  it('mid-sweep, and again while the workers wait for jobs: they reconnect and both sweeps complete', async () => {
    const launcher = createSweepLauncher(h.config, { settings: FAST_SETTINGS, backoffMs: 500 });
    const ingester = startResultIngester(h.config, h.store, h.log);
    const worker = startSiteWorker(h.config, h.log, { lockDurationMs: 8_000, stalledIntervalMs: 2_000 });
    const inspections = new Queue(SITE_INSPECTIONS, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
    closers.push(
      () => launcher.close(),
      () => ingester.close(),
      () => worker.close(),
      () => inspections.close(),
    );
    const sites: Site[] = [slow.site, ...demo.sites.slice(0, 3)];
    await h.store.sites.replaceAll(sites);
    const launch = () =>
      startSweep(h.store, launcher, { kind: 'adhoc', requestedBy: 'test', now: new Date() }, () => true);
    const oneResultPerSite = async (sweep: SweepRecord) => {
      expect(sweep).toMatchObject({ state: 'done', total: sites.length, done: sites.length, failed: 0 });
      for (const site of sites)
        expect(
          (await h.store.results.forSite(site.id)).filter((r) => r.sweepId === sweep.id),
          site.id,
        ).toHaveLength(1);
    };

    // 1. A crash (SIGKILL) and 3 s without Redis while a site is in hand; the append-only file,
    // written at every command, keeps the queues.
    const first = await launch();
    await waitFor(
      'a site in hand',
      async () =>
        ((await inspections.getJobState(siteJobId(first.id, slow.site.id))) === 'active' &&
          slow.homepageHits() > 0) ||
        undefined,
    );
    await h.redis.kill();
    await sleep(3_000);
    await h.redis.restart();
    await oneResultPerSite(await waitForSweep(h.store, first.id));

    // 2. A graceful restart while every worker sits idle in its blocking wait for the next job.
    await waitFor('the workers to be idle', async () =>
      (await inspections.getActiveCount()) === 0 ? true : undefined,
    );
    await h.redis.restart();
    // The launcher fails fast until its connection is back, then works again.
    const second = await waitFor('the launcher to reconnect', () => launch().catch(() => undefined), 15_000);
    await oneResultPerSite(await waitForSweep(h.store, second.id));

    const errors = h.logs.filter((line) => line.level === 50);
    expect(errors.map((line) => line.msg)).not.toContain('could not hand the error result over');
  });
});
