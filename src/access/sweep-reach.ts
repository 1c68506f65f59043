import type { Site } from '../registry/site.ts';
import type { ResultsStore, SweepRecord } from '../store/store.ts';

/**
 * Whether a city viewer may see a sweep: only when every site in it is within reach (a sweep that
 * also covered another region's sites would tell of them). One registry read, however large the sweep.
 */
export async function sweepWithinReach(
  store: ResultsStore,
  sweep: SweepRecord,
  reaches: (site: Site) => boolean,
): Promise<boolean> {
  const registry = new Map((await store.sites.list()).map((site) => [site.id, site]));
  return sweep.siteIds.every((id) => {
    const site = registry.get(id);
    return site !== undefined && reaches(site);
  });
}
