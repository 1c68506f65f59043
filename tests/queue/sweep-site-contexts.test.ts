import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarizeProbes } from '../../crawlers/homepage-probe/summarize.ts';
import { periodStart } from '../../src/periods/period-names.ts';
import { SITE_INSPECTIONS, type SiteJobData, siteJobId, workerConnection } from '../../src/queue/queues.ts';
import { createSweepLauncher } from '../../src/queue/sweep-launcher.ts';
import type { Site } from '../../src/registry/site.ts';
import { startSweep } from '../../src/service/start-sweep.ts';
import { storedSiteContexts } from '../../src/service/sweep-site-contexts.ts';
import type { SiteProbe } from '../../src/store/store.ts';
import { type Harness, startHarness } from './support/harness.ts';

const site = (id: string, overrides: Partial<Site> = {}): Site => ({
  id,
  fullName: id,
  homepage: `https://${id}.example.gov.cn/`,
  level: 'city',
  kind: 'portal',
  region: '510100',
  parent: null,
  archiveRoots: [],
  ...overrides,
});

const PORTAL = site('cd-portal');
const DEPARTMENT = site('cd-fgw', { kind: 'department', parent: 'cd-portal' });
const UNPROBED = site('cd-jyj', { kind: 'department', parent: 'gone-portal' });
/** The sweep's "today": 25 November 2026, 10:00 Beijing time, in 2026Q4. */
const NOW = new Date('2026-11-25T02:00:00Z');
const Q4 = new Date('2026-09-30T16:00:00Z');

/** Probes of the department every half hour from 28 September to 30 November; each 10th fails. */
function departmentProbes(): SiteProbe[] {
  const start = Date.parse('2026-09-28T00:00:00Z');
  return Array.from({ length: 63 * 48 }, (_, i): SiteProbe => {
    const at = new Date(start + i * 30 * 60_000).toISOString();
    const failed = i % 10 === 0 || i % 10 === 1;
    return failed
      ? {
          siteId: DEPARTMENT.id,
          at,
          url: DEPARTMENT.homepage,
          ok: false,
          error: 'TIMEOUT',
          durationMs: 15_000,
        }
      : { siteId: DEPARTMENT.id, at, url: DEPARTMENT.homepage, ok: true, status: 200, durationMs: 90 };
  });
}

describe('a launched sweep carries what the store knows of each site', () => {
  let h: Harness;
  let queue: Queue<SiteJobData>;

  beforeEach(async () => {
    h = await startHarness();
    queue = new Queue(SITE_INSPECTIONS, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
  });

  afterEach(async () => {
    await queue.close();
    await h.close();
  });

  it("puts the probes' availability over the period so far and the parent portal's homepage in each job", async () => {
    await h.store.sites.replaceAll([PORTAL, DEPARTMENT, UNPROBED]);
    const probes = departmentProbes();
    for (let i = 0; i < probes.length; i += 500) await h.store.probes.record(probes.slice(i, i + 500));
    const launcher = createSweepLauncher(h.config, { siteContexts: storedSiteContexts(h.store) });
    try {
      const sweep = await startSweep(
        h.store,
        launcher,
        { kind: 'adhoc', siteIds: [DEPARTMENT.id, UNPROBED.id, PORTAL.id], requestedBy: 'test', now: NOW },
        () => true,
      );
      const data = async (id: string) => (await queue.getJob(siteJobId(sweep.id, id)))!.data;

      const inPeriod = probes
        .filter((p) => Date.parse(p.at) >= Q4.getTime() && Date.parse(p.at) <= NOW.getTime())
        .map(({ siteId: _siteId, ...probe }) => probe);
      const expected = summarizeProbes(inPeriod, { from: Q4, to: NOW }, 'scheduled-probes');
      expect(expected).toMatchObject({ method: 'scheduled-probes', daysProbed: 56 });
      // A flapping site: far more episodes than the job carries.
      expect(expected.episodeCount).toBeGreaterThan(100);
      expect(expected.episodes).toHaveLength(20);
      const department = await data(DEPARTMENT.id);
      expect(department).toEqual({
        sweepId: sweep.id,
        site: DEPARTMENT,
        now: NOW.toISOString(),
        parentHomepage: PORTAL.homepage,
        availability: expected,
      });
      // Not probed in the period, and its parent is not in the registry: nothing beyond the site.
      expect(Object.keys(await data(UNPROBED.id)).sort()).toEqual(['now', 'site', 'sweepId']);
      expect(Object.keys(await data(PORTAL.id)).sort()).toEqual(['now', 'site', 'sweepId']);
    } finally {
      await launcher.close();
    }
  });
});

describe('a launched sweep carries the offices’ wording dictionary', () => {
  let h: Harness;
  let queue: Queue<SiteJobData>;

  beforeEach(async () => {
    h = await startHarness();
    queue = new Queue(SITE_INSPECTIONS, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
  });

  afterEach(async () => {
    await queue.close();
    await h.close();
  });

  it('puts the live entries in every job and each site’s own exceptions in its own', async () => {
    await h.store.sites.replaceAll([PORTAL, DEPARTMENT]);
    const entry = { wrong: '天府新去', correct: '天府新区', category: 'division', grade: '一般' } as const;
    await h.store.wording.addEntry({ ...entry, createdBy: 'test' });
    const gone = await h.store.wording.addEntry({ ...entry, wrong: '锦江去', createdBy: 'test' });
    await h.store.wording.deleteEntry(gone!.id);
    await h.store.wording.addException({
      siteId: DEPARTMENT.id,
      text: '卢州市大酒店',
      reason: '企业登记名称',
      createdBy: 'test',
    });
    const launcher = createSweepLauncher(h.config, { siteContexts: storedSiteContexts(h.store) });
    try {
      const sweep = await startSweep(
        h.store,
        launcher,
        { kind: 'adhoc', siteIds: [DEPARTMENT.id, PORTAL.id], requestedBy: 'test', now: NOW },
        () => true,
      );
      const data = async (id: string) => (await queue.getJob(siteJobId(sweep.id, id)))!.data;
      expect((await data(DEPARTMENT.id)).wording).toEqual({ entries: [entry], exceptions: ['卢州市大酒店'] });
      expect((await data(PORTAL.id)).wording).toEqual({ entries: [entry], exceptions: [] });
    } finally {
      await launcher.close();
    }
  });
});

describe('periodStart', () => {
  it.each([
    ['2026Q1', '2025-12-31T16:00:00.000Z'],
    ['2026Q4', '2026-09-30T16:00:00.000Z'],
    ['2026H1', '2025-12-31T16:00:00.000Z'],
    ['2026H2', '2026-06-30T16:00:00.000Z'],
  ])('starts %s at midnight Beijing time', (period, iso) => {
    expect(periodStart(period).toISOString()).toBe(iso);
  });

  it('refuses what is not a period', () => {
    expect(() => periodStart('2026-11')).toThrow('Not a period');
  });
});
