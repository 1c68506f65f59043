import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from '../../src/registry/site.ts';
import { planCovers, SweepRequestError, startSweep } from '../../src/service/start-sweep.ts';
import type { SweepLauncher } from '../../src/service/sweep-launcher.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { ResultsStore, SweepRecord } from '../../src/store/store.ts';

const site = (id: string, level: Site['level'], kind: Site['kind'], region: string): Site => ({
  id,
  fullName: id,
  homepage: `http://127.0.0.1:9/${id}/`,
  level,
  kind,
  region,
  parent: null,
  archiveRoots: [],
});

const SITES = [
  site('sc-portal', 'province', 'portal', '510000'),
  site('edu-dept', 'province', 'department', '510000'),
  site('cd-portal', 'city', 'portal', '510100'),
  site('jj-district', 'county', 'portal', '510104'),
];

/** Records what would have been queued. */
function recordingLauncher(): SweepLauncher & { launches: [SweepRecord, string[]][] } {
  const launches: [SweepRecord, string[]][] = [];
  return { launches, launch: async (sweep, sites) => void launches.push([sweep, sites.map((s) => s.id)]) };
}

describe('startSweep', () => {
  let store: ResultsStore;
  beforeAll(async () => {
    store = await openStore({ dataDir: await mkdtemp(join(tmpdir(), 'start-sweep-')) });
    await store.sites.replaceAll(SITES);
  });
  afterAll(() => store?.close());

  const now = new Date('2026-11-25T02:00:00Z');

  it('covers city governments and provincial departments in the semi-annual check (4.6.1)', () => {
    expect(SITES.filter((s) => planCovers('semiannual-check', s)).map((s) => s.id)).toEqual([
      'edu-dept',
      'cd-portal',
    ]);
    expect(SITES.filter((s) => planCovers('quarterly-patrol', s))).toHaveLength(4);
  });

  it('records the sweep with its period and queues its sites', async () => {
    const launcher = recordingLauncher();
    const sweep = await startSweep(
      store,
      launcher,
      { kind: 'semiannual-check', requestedBy: 't', now },
      () => true,
    );
    expect(sweep).toMatchObject({ period: '2026H2', total: 2, state: 'queued' });
    expect(launcher.launches.map(([s, ids]) => [s.id, ids])).toEqual([[sweep.id, ['edu-dept', 'cd-portal']]]);
  });

  it('makes one sweep of a plan job that runs twice: the second run re-queues the same sweep', async () => {
    const launcher = recordingLauncher();
    const request = {
      sweepId: '11111111-2222-3333-4444-555555555555',
      kind: 'quarterly-patrol' as const,
      requestedBy: 'scheduler:x',
      now,
    };
    const first = await startSweep(store, launcher, request, () => true);
    const again = await startSweep(store, launcher, request, () => true);
    expect(again.id).toBe(first.id);
    expect(launcher.launches.map(([s, ids]) => [s.id, ids.length])).toEqual([
      [first.id, 4],
      [first.id, 4],
    ]);
  });

  it('limits a region, refuses sites out of reach, and passes on the refusal of the queue', async () => {
    const launcher = recordingLauncher();
    const chengdu = (s: Site) => s.region.startsWith('5101');
    const sweep = await startSweep(store, launcher, { kind: 'adhoc', requestedBy: 't', now }, chengdu);
    expect(sweep.siteIds).toEqual(['cd-portal', 'jj-district']);
    await expect(
      startSweep(store, launcher, { kind: 'adhoc', siteIds: ['sc-portal'], requestedBy: 't', now }, chengdu),
    ).rejects.toThrow(SweepRequestError);
    const down: SweepLauncher = { launch: async () => Promise.reject(new Error('redis down')) };
    await expect(
      startSweep(store, down, { kind: 'adhoc', requestedBy: 't', now }, () => true),
    ).rejects.toThrow('redis down');
  });
});
