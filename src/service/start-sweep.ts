import { randomUUID } from 'node:crypto';
import { regionContains } from '../access/region.ts';
import type { Site } from '../registry/site.ts';
import type { ResultsStore, SweepKind, SweepRecord } from '../store/store.ts';
import { halfYearOf, quarterOf } from '../sweep/period.ts';
import type { SweepLauncher } from './sweep-launcher.ts';

export interface SweepRequest {
  /**
   * A deterministic id, for callers that may run twice for one intent (a scheduled plan job redone
   * after a crash): a sweep already recorded under it is put on the queue again, which adds nothing
   * (site jobs have deterministic ids), instead of a second sweep being made.
   */
  sweepId?: string;
  kind: SweepKind;
  /** Limit to these sites (all must be within `reach`). */
  siteIds?: readonly string[];
  /** Limit to a region ('5101' or '510100'). */
  region?: string;
  requestedBy: string;
  now: Date;
}

/** Which sites the requester may sweep (a city token's region), or every site. */
export type Reach = (site: Site) => boolean;

export class SweepRequestError extends Error {
  override readonly name = 'SweepRequestError';
  constructor(
    message: string,
    readonly code: 'unknown-site' | 'out-of-reach' | 'no-sites',
  ) {
    super(message);
  }
}

/** The sites a plan covers (clause 4.6.1): every site, or for the semi-annual check city governments and provincial departments. */
export function planCovers(kind: SweepKind, site: Site): boolean {
  if (kind !== 'semiannual-check') return true;
  return site.level === 'city' || (site.level === 'province' && site.kind === 'department');
}

/**
 * Records a sweep and puts it on the queue: the one way a sweep starts, from the API and from the
 * schedulers alike. If the queue is unreachable the sweep is recorded as failed and the error thrown.
 */
export async function startSweep(
  store: ResultsStore,
  launcher: SweepLauncher,
  request: SweepRequest,
  reach: Reach,
): Promise<SweepRecord> {
  const existing = request.sweepId ? await store.sweeps.get(request.sweepId) : undefined;
  if (existing) {
    const registry = new Map((await store.sites.list()).map((site) => [site.id, site]));
    await launcher.launch(
      existing,
      existing.siteIds.flatMap((id) => registry.get(id) ?? []),
    );
    return existing;
  }
  const sites = await selectSites(store, request, reach);
  const sweep = await store.sweeps.create({
    id: request.sweepId ?? randomUUID(),
    kind: request.kind,
    period: request.kind === 'semiannual-check' ? halfYearOf(request.now) : quarterOf(request.now),
    siteIds: sites.map((site) => site.id),
    now: request.now.toISOString(),
    region: request.region ?? null,
    requestedBy: request.requestedBy,
  });
  try {
    await launcher.launch(sweep, sites);
  } catch (error) {
    await store.sweeps.markFailed(
      sweep.id,
      `无法加入任务队列：${error instanceof Error ? error.message : String(error)}`,
      new Date(),
    );
    throw error;
  }
  return sweep;
}

async function selectSites(store: ResultsStore, request: SweepRequest, reach: Reach): Promise<Site[]> {
  const registry = await store.sites.list();
  let sites = registry.filter((site) => planCovers(request.kind, site));
  if (request.siteIds) {
    const byId = new Map(registry.map((site) => [site.id, site]));
    const unknown = request.siteIds.filter((id) => !byId.has(id));
    if (unknown.length) throw new SweepRequestError(`站点不存在：${unknown.join('、')}`, 'unknown-site');
    sites = request.siteIds.map((id) => byId.get(id)!);
  }
  if (request.region) sites = sites.filter((site) => regionContains(request.region!, site.region));
  const outside = sites.filter((site) => !reach(site));
  if (request.siteIds && outside.length) {
    throw new SweepRequestError(`无权检查这些站点：${outside.map((s) => s.id).join('、')}`, 'out-of-reach');
  }
  sites = sites.filter(reach);
  if (sites.length === 0) throw new SweepRequestError('没有可检查的站点', 'no-sites');
  return sites;
}
