import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PlanJobData, SWEEP_PLANS, workerConnection } from '../../src/queue/queues.ts';
import { PATTERNS, reconcileSchedulers } from '../../src/queue/schedulers.ts';
import type { Site } from '../../src/registry/site.ts';
import { type Harness, startHarness } from './support/harness.ts';

const site = (id: string, level: Site['level'], kind: Site['kind'], region: string): Site => ({
  id,
  fullName: id,
  homepage: `http://127.0.0.1:9/${id}`,
  level,
  kind,
  region,
  parent: null,
  archiveRoots: [],
});

const REGISTRY: Site[] = [
  site('sc-portal', 'province', 'portal', '510000'),
  site('edu-dept', 'province', 'department', '510000'),
  site('cd-portal', 'city', 'portal', '510100'),
  site('cd-jinjiang', 'county', 'portal', '510104'),
  site('lz-hejiang', 'county', 'portal', '510522'),
  site('my-portal', 'city', 'portal', '510700'),
];

/** Year, month, day, hour and minute of `ms` on the Asia/Shanghai clock. */
const shanghai = (ms: number) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
};

describe('plan schedulers', () => {
  let h: Harness;
  let plans: Queue<PlanJobData>;

  beforeEach(async () => {
    h = await startHarness();
    plans = new Queue(SWEEP_PLANS, { connection: workerConnection(h.config), prefix: h.config.queuePrefix });
  });

  afterEach(async () => {
    await plans.close();
    await h.close();
  });

  /** Each scheduler with its pending jobs. */
  const state = async () => {
    const schedulers = await plans.getJobSchedulers(0, -1, true);
    const pending = await plans.getJobs(['delayed', 'waiting', 'prioritized']);
    return schedulers
      .map((s) => ({
        id: s.key,
        pattern: s.pattern,
        tz: s.tz,
        pending: pending.filter((job) => job.repeatJobKey === s.key),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  };

  it('reconciled at once from several connections: one scheduler and one pending job per plan; gone cities are removed', async () => {
    await h.store.sites.replaceAll(REGISTRY);
    await Promise.all(Array.from({ length: 8 }, () => reconcileSchedulers(h.config, h.store)));

    const first = await state();
    expect(first.map((s) => s.id)).toEqual([
      'city-quarterly-510100',
      'city-quarterly-510500',
      'city-quarterly-510700',
      'quarterly-patrol',
      'semiannual-check',
    ]);
    for (const scheduler of first) {
      expect(scheduler.tz, scheduler.id).toBe('Asia/Shanghai');
      expect(scheduler.pending, scheduler.id).toHaveLength(1);
    }
    expect(await plans.getJobCountByTypes('delayed', 'waiting', 'prioritized')).toBe(first.length);

    // The next runs fall where the plans say, on the Shanghai clock.
    const next = (id: string) => {
      const job = first.find((s) => s.id === id)!.pending[0]!;
      return { at: shanghai(job.timestamp + job.delay), data: job.data };
    };
    expect(next('quarterly-patrol').at).toMatchObject({ day: 1, hour: 9, minute: 0 });
    expect([2, 5, 8, 11]).toContain(next('quarterly-patrol').at.month);
    expect(next('semiannual-check').at).toMatchObject({ day: 15, hour: 9, minute: 0 });
    expect([5, 11]).toContain(next('semiannual-check').at.month);
    expect([3, 6, 9, 12]).toContain(next('city-quarterly-510100').at.month);
    expect(next('city-quarterly-510100').data).toEqual({
      plan: 'city-quarterly-510100',
      kind: 'quarterly-patrol',
      region: '510100',
    });
    expect(next('quarterly-patrol').data).toEqual({ plan: 'quarterly-patrol', kind: 'quarterly-patrol' });
    expect(first.find((s) => s.id === 'quarterly-patrol')?.pattern).toBe(PATTERNS.quarterlyPatrol);

    // Luzhou's and Mianyang's sites leave the registry; several processes reconcile again at once.
    await h.store.sites.replaceAll(REGISTRY.filter((s) => !['lz-hejiang', 'my-portal'].includes(s.id)));
    await Promise.all(Array.from({ length: 4 }, () => reconcileSchedulers(h.config, h.store)));

    const second = await state();
    expect(second.map((s) => s.id)).toEqual([
      'city-quarterly-510100',
      'quarterly-patrol',
      'semiannual-check',
    ]);
    for (const scheduler of second) expect(scheduler.pending, scheduler.id).toHaveLength(1);
    expect(await plans.getJobCountByTypes('delayed', 'waiting', 'prioritized')).toBe(second.length);
    // The pending jobs were kept, not replaced: reconciling at every boot does not move the next run.
    expect(second.find((s) => s.id === 'quarterly-patrol')?.pending[0]?.id).toBe(
      first.find((s) => s.id === 'quarterly-patrol')?.pending[0]?.id,
    );
  });
});
