import { sweepWithinReach } from '../access/sweep-reach.ts';
import type { Principal } from '../api/principal.ts';
import { reportRegionOf } from '../periods/period-report.ts';
import type { Site } from '../registry/site.ts';
import type { ResultsStore, SweepRecord } from '../store/store.ts';

/** A city-level region chosen on the overview: four digits, as the period report groups them. */
export const CITY_REGION = /^\d{4}$/;

/** The sites the viewer reaches, in registry order, optionally narrowed to one city-level region. */
export async function sitesInReach(
  store: ResultsStore,
  viewer: Principal,
  region?: string | null,
): Promise<Site[]> {
  const sites = (await store.sites.list()).filter(viewer.reaches);
  return region ? sites.filter((site) => reportRegionOf(site.region) === region) : sites;
}

/** A site the viewer may open, or undefined: unknown and out-of-reach sites look alike (404). */
export async function siteInReach(
  store: ResultsStore,
  viewer: Principal,
  siteId: string,
): Promise<Site | undefined> {
  const site = await store.sites.get(siteId);
  return site && viewer.reaches(site) ? site : undefined;
}

/** A sweep the viewer may open: every site of it within reach, as GET /api/v1/sweeps/:id decides. */
export async function sweepInReach(
  store: ResultsStore,
  viewer: Principal,
  sweepId: string,
): Promise<SweepRecord | undefined> {
  const sweep = await store.sweeps.get(sweepId);
  if (!sweep) return undefined;
  if (viewer.role === 'province') return sweep;
  return (await sweepWithinReach(store, sweep, viewer.reaches)) ? sweep : undefined;
}
