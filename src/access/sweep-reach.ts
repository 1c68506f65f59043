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
  return sweepCoveredBy(await registryById(store), sweep, reaches);
}

/** The registry keyed by site id, for judging many sweeps with `sweepCoveredBy` after one read. */
export async function registryById(store: ResultsStore): Promise<ReadonlyMap<string, Site>> {
  return new Map((await store.sites.list()).map((site) => [site.id, site]));
}

/** `sweepWithinReach` over a registry already read. */
export function sweepCoveredBy(
  registry: ReadonlyMap<string, Site>,
  sweep: SweepRecord,
  reaches: (site: Site) => boolean,
): boolean {
  return sweep.siteIds.every((id) => {
    const site = registry.get(id);
    return site !== undefined && reaches(site);
  });
}
