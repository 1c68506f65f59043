import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SITE_INSPECTIONS, type SiteJobData, siteJobId, workerConnection } from '../../src/queue/queues.ts';
import { startResultIngester } from '../../src/queue/result-ingester.ts';
import { startSiteWorker } from '../../src/queue/site-worker.ts';
import { createSweepLauncher, type SweepLauncherOptions } from '../../src/queue/sweep-launcher.ts';
import type { Site } from '../../src/registry/site.ts';
import { startSweep } from '../../src/service/start-sweep.ts';
import { FAST_SETTINGS, type Harness, startHarness, waitFor, waitForSweep } from './support/harness.ts';
import { type SlowSite, serveSlowSite } from './support/slow-site.ts';
import { childrenOf } from './support/worker-process.ts';

/** The sandboxed processor children BullMQ forked from this process. */
const sandboxes = () =>
  childrenOf(process.pid).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('bullmq'));

describe('a site inspection that fails', () => {
  let h: Harness;
  let slow: SlowSite;
  let inspections: Queue<SiteJobData>;
  const closers: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    h = await startHarness();
    slow = await serveSlowSite('slow-county', 1_500);
    inspections = new Queue(SITE_INSPECTIONS, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
    const ingester = startResultIngester(h.config, h.store, h.log);
    const worker = startSiteWorker({ ...h.config, workerConcurrency: 1 }, h.log, {
      lockDurationMs: 5_000,
      stalledIntervalMs: 2_000,
    });
    closers.push(
      () => inspections.close(),
      () => ingester.close(),
      () => worker.close(),
    );
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await slow.close();
    await h.close();
  });

  const launch = async (sites: Site[], options: SweepLauncherOptions) => {
    const launcher = createSweepLauncher(h.config, { settings: FAST_SETTINGS, ...options });
    closers.push(() => launcher.close());
    await h.store.sites.replaceAll(sites);
    return startSweep(h.store, launcher, { kind: 'adhoc', requestedBy: 'test', now: new Date() }, () => true);
  };

  /** Kills the processor child while it is inside the slow site's homepage. */
  const crashMidSite = async (jobId: string, hitsBefore: number) => {
    await waitFor(
      'the slow site in hand',
      async () =>
        ((await inspections.getJobState(jobId)) === 'active' && slow.homepageHits() > hitsBefore) ||
        undefined,
    );
    for (const pid of sandboxes()) process.kill(pid, 'SIGKILL');
  };

  it('is retried after its processor crashed, each failed attempt recorded with its reason', async () => {
    const sweep = await launch([slow.site], { attempts: 3, backoffMs: 200 });
    const jobId = siteJobId(sweep.id, slow.site.id);
    await crashMidSite(jobId, 0);

    const done = await waitForSweep(h.store, sweep.id);
    expect(done).toMatchObject({ done: 1, failed: 0 });
    expect((await h.store.results.forSite(slow.site.id))[0]?.result.status).toBe('done');
    const job = (await inspections.getJob(jobId))!;
    expect(job.stacktrace).toHaveLength(1);
    const logged = h.logs.filter((line) => line.msg === 'site inspection attempt failed; will retry');
    expect(logged).toEqual([
      expect.objectContaining({
        sweepId: sweep.id,
        siteId: slow.site.id,
        attempt: 1,
        reason: expect.stringMatching(/SIGKILL/),
      }),
    ]);
  });

  it('gets an error result once its last attempt failed, so the sweep still completes', async () => {
    const sweep = await launch([slow.site], { attempts: 2, backoffMs: 200 });
    const jobId = siteJobId(sweep.id, slow.site.id);
    await crashMidSite(jobId, 0);
    await crashMidSite(jobId, 1);

    const done = await waitForSweep(h.store, sweep.id);
    expect(done).toMatchObject({ done: 1, failed: 1 });
    const [stored] = await h.store.results.forSite(slow.site.id);
    expect(stored?.result).toMatchObject({
      status: 'error',
      score: 0,
      reason: expect.stringMatching(/SIGKILL/),
    });
    const job = (await inspections.getJob(jobId))!;
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(2);
    expect(job.failedReason).toMatch(/SIGKILL/);
    expect(h.logs.filter((line) => line.msg === 'site inspection failed for good')).toHaveLength(1);
  });

  it('is not retried when retrying cannot help (a homepage that is not http(s))', async () => {
    const ftp: Site = { ...slow.site, id: 'ftp-site', homepage: 'ftp://127.0.0.1/' };
    const sweep = await launch([ftp], { attempts: 3, backoffMs: 200 });

    const done = await waitForSweep(h.store, sweep.id);
    expect(done).toMatchObject({ done: 1, failed: 1 });
    const job = (await inspections.getJob(siteJobId(sweep.id, ftp.id)))!;
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/不是 http\(s\) 网址/);
    expect((await h.store.results.forSite(ftp.id))[0]?.result.status).toBe('error');
  });
});
