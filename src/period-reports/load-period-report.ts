import { regionContains } from '../access/region.ts';
import { adjudicateStored } from '../adjudication/adjudicated-view.ts';
import { isHalfYear, isQuarter, previousPeriod } from '../periods/period-names.ts';
import type { Site } from '../registry/site.ts';
import { planCovers } from '../service/start-sweep.ts';
import type { ResultsStore } from '../store/store.ts';
import { adjudicatedPeriodReport } from './adjudicated-period.ts';
import { buildNoticeModel } from './build-notice-model.ts';
import type { NoticeModel, PeriodKind } from './notice-model.ts';

export interface PeriodReportRequest {
  kind: PeriodKind;
  /** '2026Q4' for quarterly, '2026H2' for semiannual. */
  period: string;
  /** 6-digit division code of the region reported on ('510100'); absent for the whole province. */
  region?: string;
  /** The sites the reader may see (a token's `reaches`). */
  reach: (site: Site) => boolean;
  /** The notice's date. Default: now. */
  now?: Date;
}

/** True when `period` is written as the kind's periods are ('2026Q4' quarterly, '2026H2' semiannual). */
export function isPeriodOf(kind: PeriodKind, period: string): boolean {
  return kind === 'quarterly' ? isQuarter(period) : isHalfYear(period);
}

/**
 * The notice of a period, for the sites in reach and in the region: each site's latest result of the
 * period, with the appeals and decisions on its findings applied, against the period before (as
 * GET /results/… gives them), with totals and a per-region breakdown for the whole province.
 */
export async function loadPeriodReport(
  store: ResultsStore,
  request: PeriodReportRequest,
): Promise<NoticeModel> {
  const { kind, period, region } = request;
  if (!isPeriodOf(kind, period))
    throw new Error(
      `Not a ${kind} period: "${period}" (expected ${kind === 'quarterly' ? '2026Q4' : '2026H2'})`,
    );
  const before = previousPeriod(period);
  const [registry, current, previous] = await Promise.all([
    store.sites.list(),
    store.results.latestInPeriod(period).then((results) => adjudicateStored(store, results)),
    store.results.latestInPeriod(before).then((results) => adjudicateStored(store, results)),
  ]);
  // The half-year check covers what clause 4.6.1 has checked every half year (planCovers).
  const sites = registry.filter(
    (site) =>
      request.reach(site) &&
      (region === undefined || regionContains(region, site.region)) &&
      (kind === 'quarterly' || planCovers('semiannual-check', site)),
  );
  return buildNoticeModel({
    kind,
    current: adjudicatedPeriodReport({ period, sites, current, previous }),
    // Only its totals are read: its own changes against the period before it are not needed.
    previousReport: adjudicatedPeriodReport({ period: before, sites, current: previous, previous: [] })
      .decided,
    sites,
    region: region ?? null,
    issuedAt: request.now ?? new Date(),
  });
}
