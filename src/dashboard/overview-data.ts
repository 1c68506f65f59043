import { adjudicateStored } from '../adjudication/adjudicated-view.ts';
import type { AdjudicatedValues } from '../adjudication/types.ts';
import type { Principal } from '../api/principal.ts';
import { previousPeriod } from '../periods/period-names.ts';
import { buildPeriodReport, type PeriodReport, reportRegionOf } from '../periods/period-report.ts';
import type { Site } from '../registry/site.ts';
import type { ResultsStore, StoredOutcomes } from '../store/store.ts';
import { sitesInReach } from './scope.ts';

/** Quarters shown in the trend chart (two at least: the overview compares with the quarter before). */
export const TREND_QUARTERS = 6;

export interface TrendPoint {
  period: string;
  /** null when no site in scope has a result that quarter. */
  averageScore: number | null;
  /** Percent of decided checks (pass + fail) that passed; null when none was decided. */
  passRate: number | null;
}

export interface RulePassRate {
  ruleId: string;
  pass: number;
  fail: number;
  review: number;
  notApplicable: number;
}

export interface Overview {
  period: string;
  /** The city-level region shown, or null for everything in reach. */
  region: string | null;
  /** City-level regions the viewer can choose between (province only). */
  regions: string[];
  sites: Site[];
  report: PeriodReport;
  rules: RulePassRate[];
  trend: TrendPoint[];
  /** Each inspected site's values with the decisions applied (contract §7), beside the automated ones. */
  adjudicated: Map<string, AdjudicatedValues>;
}

export async function loadOverview(
  store: ResultsStore,
  viewer: Principal,
  period: string,
  region: string | null,
): Promise<Overview> {
  const reachable = await sitesInReach(store, viewer);
  const sites = region ? reachable.filter((site) => reportRegionOf(site.region) === region) : reachable;
  const quarters = lastQuarters(period, TREND_QUARTERS);
  // Only the current quarter is read whole: the trend and the comparison with the quarter before (the
  // trend's last but one) need scores and outcomes.
  const [current, periods] = await Promise.all([
    store.results.latestInPeriod(period),
    Promise.all(quarters.map((q) => store.results.latestOutcomesInPeriod(q))),
  ]);
  const report = buildPeriodReport({ period, sites, current, previous: periods.at(-2)! });
  const ids = new Set(sites.map((site) => site.id));
  const inScope = current.filter((stored) => ids.has(stored.siteId));
  const adjudicated = new Map(
    (await adjudicateStored(store, inScope)).map(
      (entry) => [entry.siteId, entry.result.adjudicated] as const,
    ),
  );
  return {
    period,
    region,
    regions:
      viewer.role === 'province' ? [...new Set(reachable.map((s) => reportRegionOf(s.region)))].sort() : [],
    sites,
    report,
    rules: passRates(report),
    trend: quarters.map((q, index) => trendPoint(q, periods[index]!, ids)),
    adjudicated,
  };
}

/** The `count` quarters ending with `period`, oldest first. */
export function lastQuarters(period: string, count: number): string[] {
  const quarters = [period];
  while (quarters.length < count) quarters.unshift(previousPeriod(quarters[0]!));
  return quarters;
}

function passRates(report: PeriodReport): RulePassRate[] {
  const byRule = new Map<string, RulePassRate>();
  for (const region of report.regions) {
    for (const rule of region.rules) {
      const totals = byRule.get(rule.ruleId) ?? { ...rule, pass: 0, fail: 0, review: 0, notApplicable: 0 };
      totals.pass += rule.pass;
      totals.fail += rule.fail;
      totals.review += rule.review;
      totals.notApplicable += rule.notApplicable;
      byRule.set(rule.ruleId, totals);
    }
  }
  return [...byRule.values()];
}

function trendPoint(
  period: string,
  results: readonly StoredOutcomes[],
  siteIds: ReadonlySet<string>,
): TrendPoint {
  const inScope = results.filter((stored) => siteIds.has(stored.siteId));
  if (inScope.length === 0) return { period, averageScore: null, passRate: null };
  const average = inScope.reduce((sum, stored) => sum + stored.result.score, 0) / inScope.length;
  let pass = 0;
  let decided = 0;
  for (const stored of inScope) {
    for (const check of stored.result.checks) {
      if (check.outcome === 'pass') pass += 1;
      if (check.outcome === 'pass' || check.outcome === 'fail') decided += 1;
    }
  }
  return {
    period,
    averageScore: Math.round(average * 10) / 10,
    passRate: decided === 0 ? null : Math.round((pass / decided) * 1000) / 10,
  };
}
