import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ServedDemo, serveDemoSites } from '../../demo/serve-demo.ts';
import { startPlanRunner } from '../../src/queue/plan-runner.ts';
import { type PlanJobData, SWEEP_PLANS, workerConnection } from '../../src/queue/queues.ts';
import { startResultIngester } from '../../src/queue/result-ingester.ts';
import { planTemplate } from '../../src/queue/schedulers.ts';
import { startSiteWorker } from '../../src/queue/site-worker.ts';
import { createSweepLauncher } from '../../src/queue/sweep-launcher.ts';
import { FAST_SETTINGS, type Harness, startHarness, waitFor, waitForSweep } from './support/harness.ts';

describe('a scheduled sweep', () => {
  let h: Harness;
  let demo: ServedDemo;
  const closers: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    h = await startHarness();
    demo = await serveDemoSites();
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await demo.close();
    await h.close();
  });

  it('fires in Asia/Shanghai time, fans out one job per site and completes with one result per site', async () => {
    // The province portal, a city portal, a department (semi-annual) and the site that is down.
    const sites = demo.sites.filter((s) =>
      ['sc-portal', 'cd-portal', 'edu-dept', 'xx-county'].includes(s.id),
    );
    expect(sites.length).toBeGreaterThanOrEqual(3);
    await h.store.sites.replaceAll(sites);
    const launcher = createSweepLauncher(h.config, { settings: FAST_SETTINGS, backoffMs: 500 });
    closers.push(() => launcher.close());
    const ingester = startResultIngester(h.config, h.store, h.log);
    closers.push(() => ingester.close());
    const runner = startPlanRunner(h.config, h.store, launcher, h.log);
    closers.push(() => runner.close());
    const worker = startSiteWorker(h.config, h.log, { lockDurationMs: 5_000, stalledIntervalMs: 2_000 });
    closers.push(() => worker.close());

    const plans = new Queue<PlanJobData>(SWEEP_PLANS, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
    closers.push(() => plans.close());
    const plan: PlanJobData = { plan: 'quarterly-patrol', kind: 'quarterly-patrol' };
    // Every second, once: the production scheduler with a test-sized pattern.
    await plans.upsertJobScheduler(
      plan.plan,
      { pattern: '* * * * * *', tz: 'Asia/Shanghai', limit: 1 },
      planTemplate(plan),
    );

    const fired = await waitFor('the plan to fire', async () => (await plans.getCompleted())[0], 15_000);
    const sweepId = (fired.returnvalue as { sweepId: string }).sweepId;
    const sweep = await waitForSweep(h.store, sweepId);

    expect(sweep).toMatchObject({
      kind: 'quarterly-patrol',
      requestedBy: 'scheduler:quarterly-patrol',
      total: sites.length,
      done: sites.length,
      failed: 0,
    });
    expect(sweep.startedAt).not.toBeNull();
    for (const site of sites) {
      const stored = (await h.store.results.forSite(site.id)).filter((r) => r.sweepId === sweepId);
      expect(stored, site.id).toHaveLength(1);
    }
    const down = sites.find((s) => s.id === 'xx-county');
    if (down) expect((await h.store.results.forSite(down.id))[0]?.result.status).toBe('unreachable');
  });
});
