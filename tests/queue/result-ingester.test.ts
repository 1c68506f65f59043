import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOffResult, type ResultJobData, SITE_RESULTS, workerConnection } from '../../src/queue/queues.ts';
import { startResultIngester } from '../../src/queue/result-ingester.ts';
import type { Site } from '../../src/registry/site.ts';
import type { SiteResult } from '../../src/results.ts';
import type { SweepRecord } from '../../src/store/store.ts';
import { errorResult } from '../../src/sweep/error-result.ts';
import { type Harness, startHarness, waitFor, waitForSweep } from './support/harness.ts';

const SITES: Site[] = ['a', 'b'].map((id) => ({
  id: `site-${id}`,
  fullName: `测试网站${id}`,
  homepage: `http://127.0.0.1:9/${id}`,
  level: 'county',
  kind: 'portal',
  region: '510104',
  parent: null,
  archiveRoots: [],
}));

/** A finished site's result (an `error` one is as good as any for moving results around). */
const resultOf = (site: Site): SiteResult => ({
  ...errorResult(site, new Error('test')),
  status: 'done',
  score: 90,
  reason: undefined,
});

describe('the result ingester', () => {
  let h: Harness;
  let results: Queue<ResultJobData>;
  let sweep: SweepRecord;
  const closers: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    h = await startHarness();
    await h.store.sites.replaceAll(SITES);
    sweep = await h.store.sweeps.create({
      id: randomUUID(),
      kind: 'adhoc',
      period: '2026Q4',
      siteIds: SITES.map((s) => s.id),
      now: '2026-11-25T02:00:00.000Z',
      region: null,
      requestedBy: 'test',
    });
    results = new Queue(SITE_RESULTS, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
    closers.push(() => results.close());
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await h.close();
  });

  it('stores results that waited in Redis while no ingester ran, and completes the sweep', async () => {
    for (const site of SITES) await handOffResult(results, sweep.id, resultOf(site));
    expect(await results.getWaitingCount()).toBe(SITES.length);
    expect((await h.store.sweeps.get(sweep.id))?.state).toBe('queued');

    const stored: string[] = [];
    const ingester = startResultIngester(h.config, h.store, h.log, (_sweepId, result) => {
      stored.push(result.siteId);
    });
    closers.push(() => ingester.close());
    const done = await waitForSweep(h.store, sweep.id, 15_000);
    expect(done).toMatchObject({ done: 2, failed: 0, total: 2 });
    expect(done.startedAt).not.toBeNull();
    expect(stored.sort()).toEqual(SITES.map((s) => s.id));
  });

  it('stores a redelivered result once: the same job added twice, and the same result processed twice', async () => {
    const stored: string[] = [];
    const ingester = startResultIngester(h.config, h.store, h.log, (_sweepId, result) => {
      stored.push(result.siteId);
    });
    closers.push(() => ingester.close());
    const [a, b] = SITES.map(resultOf) as [SiteResult, SiteResult];

    await handOffResult(results, sweep.id, a);
    await handOffResult(results, sweep.id, a); // the same job id: BullMQ adds nothing
    await waitFor('the first result', async () =>
      (await results.getCompletedCount()) === 1 ? true : undefined,
    );
    // Processed a second time, as after a redelivery once the first job was removed.
    const again = await results.add(
      a.siteId,
      { sweepId: sweep.id, result: a },
      { jobId: `${sweep.id}__${a.siteId}__again` },
    );
    await waitFor('the redelivery to be processed', async () =>
      (await results.getJobState(again.id!)) === 'completed' ? true : undefined,
    );
    expect((await results.getJob(again.id!))?.returnvalue).toEqual({ stored: false });

    expect((await h.store.sweeps.get(sweep.id))?.done).toBe(1);
    await handOffResult(results, sweep.id, b);
    const done = await waitForSweep(h.store, sweep.id, 15_000);
    expect(done).toMatchObject({ done: 2, total: 2 });
    expect((await h.store.results.forSite(a.siteId)).filter((r) => r.sweepId === sweep.id)).toHaveLength(1);
    // The hook runs on every run, the redelivery included: it must be idempotent.
    expect(stored).toEqual([a.siteId, a.siteId, b.siteId]);
    expect(h.logs.filter((line) => line.msg === 'result already stored')).toHaveLength(1);
  });

  it('retries the job when the hook fails, and runs the hook again for a result already stored', async () => {
    const calls: { siteId: string; stored: number }[] = [];
    const ingester = startResultIngester(h.config, h.store, h.log, async (sweepId, result) => {
      const stored = (await h.store.results.forSite(result.siteId)).filter((r) => r.sweepId === sweepId);
      calls.push({ siteId: result.siteId, stored: stored.length });
      if (calls.length === 1) throw new Error('the notifier could not reach Redis');
    });
    closers.push(() => ingester.close());
    const a = resultOf(SITES[0]!);
    await handOffResult(results, sweep.id, a);
    const jobId = `${sweep.id}__${a.siteId}`;
    await waitFor('the retried job', async () =>
      (await results.getJobState(jobId)) === 'completed' ? true : undefined,
    );
    const job = await results.getJob(jobId);
    expect(job?.attemptsMade).toBe(2);
    expect(job?.returnvalue).toEqual({ stored: false });
    expect(calls).toEqual([
      { siteId: a.siteId, stored: 1 },
      { siteId: a.siteId, stored: 1 },
    ]);
  });

  it('does not retry a result for a sweep the store does not know', async () => {
    const ingester = startResultIngester(h.config, h.store, h.log);
    closers.push(() => ingester.close());
    const stray = await results.add(
      'stray',
      { sweepId: randomUUID(), result: resultOf(SITES[0]!) },
      { attempts: 5 },
    );
    await waitFor('the stray result to fail', async () =>
      (await results.getJobState(stray.id!)) === 'failed' ? true : undefined,
    );
    expect((await results.getJob(stray.id!))?.attemptsMade).toBe(1);
  });
});
