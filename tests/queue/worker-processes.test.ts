import { once } from 'node:events';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ServedDemo, serveDemoSites } from '../../demo/serve-demo.ts';
import {
  SITE_INSPECTIONS,
  type SiteJobData,
  type SiteJobSummary,
  siteJobId,
  workerConnection,
} from '../../src/queue/queues.ts';
import { startResultIngester } from '../../src/queue/result-ingester.ts';
import { createSweepLauncher } from '../../src/queue/sweep-launcher.ts';
import type { Site } from '../../src/registry/site.ts';
import { startSweep } from '../../src/service/start-sweep.ts';
import type { SweepRecord } from '../../src/store/store.ts';
import { FAST_SETTINGS, type Harness, startHarness, waitFor, waitForSweep } from './support/harness.ts';
import { type SlowSite, serveSlowSite } from './support/slow-site.ts';
import { alive, childrenOf, startWorkerProcess, type WorkerProcess } from './support/worker-process.ts';

// Short locks so that a dead worker's site is taken over within seconds.
const FAST_LOCKS = { lockDurationMs: 3_000, stalledIntervalMs: 1_000 };

describe('site workers in separate processes', () => {
  let h: Harness;
  let demo: ServedDemo;
  let slow: SlowSite | undefined;
  let inspections: Queue<SiteJobData, SiteJobSummary>;
  let launch: (sites: Site[]) => Promise<SweepRecord>;
  const workers: WorkerProcess[] = [];
  const closers: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    h = await startHarness();
    demo = await serveDemoSites();
    inspections = new Queue(SITE_INSPECTIONS, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
    const launcher = createSweepLauncher(h.config, { settings: FAST_SETTINGS, backoffMs: 500 });
    const ingester = startResultIngester(h.config, h.store, h.log);
    closers.push(
      () => inspections.close(),
      () => launcher.close(),
      () => ingester.close(),
    );
    launch = async (sites) => {
      await h.store.sites.replaceAll(sites);
      return startSweep(
        h.store,
        launcher,
        { kind: 'adhoc', requestedBy: 'test', now: new Date() },
        () => true,
      );
    };
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.kill9()));
    for (const close of closers.splice(0).reverse()) await close();
    await slow?.close();
    slow = undefined;
    await demo.close();
    await h.close();
  });

  const start = async (name: string, concurrency = 1) => {
    const worker = await startWorkerProcess(
      { ...h.config, workerConcurrency: concurrency },
      { name, ...FAST_LOCKS },
    );
    workers.push(worker);
    return worker;
  };

  const oneResultPerSite = async (sweepId: string, siteIds: readonly string[]) => {
    for (const siteId of siteIds) {
      const stored = (await h.store.results.forSite(siteId)).filter((r) => r.sweepId === sweepId);
      expect(stored, siteId).toHaveLength(1);
    }
  };

  it('two worker processes share one sweep: both inspect sites, every site gets exactly one result', async () => {
    await Promise.all([start('worker-a'), start('worker-b')]);
    const sweep = await launch(demo.sites);

    const done = await waitForSweep(h.store, sweep.id);
    expect(done).toMatchObject({ total: demo.sites.length, done: demo.sites.length, failed: 0 });
    await oneResultPerSite(
      sweep.id,
      demo.sites.map((s) => s.id),
    );
    const jobs = await inspections.getCompleted();
    expect(jobs).toHaveLength(demo.sites.length);
    expect(new Set(jobs.map((job) => job.processedBy))).toEqual(new Set(['worker-a', 'worker-b']));
    expect(jobs.every((job) => job.attemptsMade === 1)).toBe(true);
  });

  it('kill -9 of a worker in the middle of a site: another worker takes the site over, one result per site', async () => {
    slow = await serveSlowSite('slow-county', 2_500);
    const sites = [slow.site, ...demo.sites.slice(0, 2)];
    const a = await start('worker-a');
    const sweep = await launch(sites);
    const slowJobId = siteJobId(sweep.id, slow.site.id);

    // Worker A is inside the slow site (its browser is waiting for the homepage).
    await waitFor(
      'worker A to be in the slow site',
      async () =>
        ((await inspections.getJobState(slowJobId)) === 'active' && slow!.homepageHits() > 0) || undefined,
    );
    const sandboxes = childrenOf(a.pid);
    expect(sandboxes.length).toBeGreaterThan(0);
    const browsers = sandboxes.flatMap((pid) => childrenOf(pid));
    const b = await start('worker-b');
    await a.kill9();

    // A's processor children notice their worker is gone and exit, taking their browsers with them.
    await waitFor(
      "the dead worker's children to exit",
      () => ([...sandboxes, ...browsers].some(alive) ? undefined : true),
      10_000,
    );
    const done = await waitForSweep(h.store, sweep.id);
    expect(done).toMatchObject({ total: sites.length, done: sites.length, failed: 0 });
    await oneResultPerSite(
      sweep.id,
      sites.map((s) => s.id),
    );
    const job = await inspections.getJob(slowJobId);
    expect(job?.processedBy).toBe('worker-b');
    expect(job?.returnvalue.status).toBe('done');
    expect(slow.homepageHits()).toBeGreaterThanOrEqual(2);
    expect(b.sandboxPids().length).toBeGreaterThan(0);
  });

  it('SIGTERM lets the worker finish the site in hand, then exit; the sweep shows running meanwhile', async () => {
    slow = await serveSlowSite('slow-county', 2_500);
    const a = await start('worker-a');
    const sweep = await launch([slow.site]);
    const jobId = siteJobId(sweep.id, slow.site.id);
    await waitFor(
      'worker A to be in the slow site',
      async () =>
        ((await inspections.getJobState(jobId)) === 'active' && slow!.homepageHits() > 0) || undefined,
    );
    await waitFor(
      'the sweep to show running',
      async () => ((await h.store.sweeps.get(sweep.id))?.state === 'running' ? true : undefined),
      5_000,
    );

    const exit = once(a.child, 'exit');
    a.child.kill('SIGTERM');
    const [code] = await exit;
    expect(code).toBe(0);
    // It exited only once the job was done: completed by A, not left to stall.
    expect(await inspections.getJobState(jobId)).toBe('completed');
    expect((await inspections.getJob(jobId))?.processedBy).toBe('worker-a');
    expect(await waitForSweep(h.store, sweep.id)).toMatchObject({ done: 1, failed: 0 });
  });
});
