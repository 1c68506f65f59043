import { join } from 'node:path';
import { pino } from 'pino';
import { serveDemoSites } from '../../../demo/serve-demo.ts';
import { fileEvidenceStore } from '../../../src/inspection/evidence-store.ts';
import type { Site } from '../../../src/registry/site.ts';
import type { SiteResult } from '../../../src/results.ts';
import type { ResultsStore } from '../../../src/store/store.ts';
import { runSweep } from '../../../src/sweep/run-sweep.ts';

export const SWEEPS = {
  q4: 'patrol-2025q4',
  q1: 'patrol-2026q1',
  q2: 'patrol-2026q2',
  live: 'adhoc-luzhou-live',
} as const;

export interface Seeded {
  sites: Site[];
  /** This quarter's (2026Q2) results, from a real sweep of the demo sites. */
  current: SiteResult[];
}

/** A result as it might have been a quarter earlier: `flip` rules with the opposite outcome. */
export function earlier(result: SiteResult, flip: readonly string[], scoreDelta: number): SiteResult {
  return {
    ...result,
    score: Math.max(0, Math.min(100, result.score + scoreDelta)),
    checks: result.checks.map((check) => {
      if (!flip.includes(check.ruleId)) return check;
      if (check.outcome === 'fail') return { ...check, outcome: 'pass', findings: [] };
      if (check.outcome === 'pass')
        return {
          ...check,
          outcome: 'fail',
          findings: [{ url: result.homepage, message: '上季度未通过', evidence: {} }],
        };
      return check;
    }),
  };
}

/**
 * Sweeps the bundled demo sites for real (Chromium, crawler, link checks on 127.0.0.1), stores the
 * results as 2026Q2's patrol with the header screenshots under `artifactDir`, and stores earlier
 * quarters made from them, so that the overview has new and fixed violations and a trend.
 */
export async function seedFromDemoSweep(store: ResultsStore, artifactDir: string): Promise<Seeded> {
  const demo = await serveDemoSites();
  try {
    const sites = demo.sites;
    await store.sites.replaceAll(sites);
    const siteIds = sites.map((site) => site.id);
    const sweep = (id: string, period: string, now: string) =>
      store.sweeps.create({
        id,
        kind: 'quarterly-patrol',
        period,
        siteIds,
        now,
        region: null,
        requestedBy: 'scheduler:quarterly-patrol',
      });
    await sweep(SWEEPS.q4, '2025Q4', '2025-11-01T01:00:00.000Z');
    await sweep(SWEEPS.q1, '2026Q1', '2026-02-01T01:00:00.000Z');
    await sweep(SWEEPS.q2, '2026Q2', '2026-05-01T01:00:00.000Z');
    const results = await runSweep(sites, {
      now: new Date('2026-05-01T01:00:00.000Z'),
      settings: { maxPages: 60, links: { totalTimeoutMs: 5000 }, crawl: { totalTimeoutMs: 5000 } },
      concurrency: 3,
      evidence: fileEvidenceStore(join(artifactDir, SWEEPS.q2)),
      log: pino({ level: 'silent' }),
    });
    for (const result of results.sites) {
      await store.results.record(SWEEPS.q4, earlier(result, ['archive-label', 'annual-report'], -20));
      await store.results.record(SWEEPS.q1, earlier(result, ['annual-report'], -10));
      await store.results.record(SWEEPS.q2, result);
    }
    const luzhou = sites.filter((site) => site.region.startsWith('5105')).map((site) => site.id);
    await store.sweeps.create({
      id: SWEEPS.live,
      kind: 'adhoc',
      period: '2026Q2',
      siteIds: luzhou,
      now: '2026-05-19T01:00:00.000Z',
      region: '5105',
      requestedBy: 'token:泸州市政府办公室',
    });
    const first = results.sites.find((result) => result.siteId === luzhou[0])!;
    await store.results.record(SWEEPS.live, first);
    return { sites, current: results.sites };
  } finally {
    await demo.close();
  }
}
