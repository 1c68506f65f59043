import type { Site } from '../registry/site.ts';
import type { SiteResult } from '../results.ts';
import type { StoredOutcomes, StoredResult } from '../store/store.ts';
import { compareResults } from './compare-results.ts';
import { previousPeriod } from './period-names.ts';

/** A site's latest result of the period (the contract §3 site object) with what changed since the previous period. */
export type PeriodSiteEntry = SiteResult & {
  region: string;
  sweepId: string;
  storedAt: string;
  /** The previous period's latest result this one is compared with, or null when there is none. */
  previous: { sweepId: string; score: number; storedAt: string } | null;
  newViolations: string[];
  fixedViolations: string[];
};

export interface RuleTotals {
  ruleId: string;
  pass: number;
  fail: number;
  review: number;
  notApplicable: number;
}

/** Totals over the sites of one city-level region ('5101'; provincial sites are '5100'). */
export interface RegionTotals {
  region: string;
  sites: number;
  averageScore: number;
  rules: RuleTotals[];
  newViolations: number;
  fixedViolations: number;
}

export interface PeriodReport {
  period: string;
  previousPeriod: string;
  sites: PeriodSiteEntry[];
  regions: RegionTotals[];
  /** Sites in reach with no result in the period, in registry order. */
  notInspected: string[];
}

export interface PeriodReportInput {
  period: string;
  /** The sites the reader may see, in registry order. */
  sites: readonly Site[];
  /** Latest results of `period`, and of the period before it, one per site. */
  current: readonly StoredResult[];
  /** Only their scores and outcomes are read. */
  previous: readonly StoredOutcomes[];
}

/** The city-level region a site counts under: the first four digits of its division code. */
export function reportRegionOf(region: string): string {
  return region.slice(0, 4);
}

/** Builds the results of a period for the sites in reach (pure). */
export function buildPeriodReport(input: PeriodReportInput): PeriodReport {
  const current = new Map(input.current.map((stored) => [stored.siteId, stored]));
  const previous = new Map(input.previous.map((stored) => [stored.siteId, stored]));
  const entries: PeriodSiteEntry[] = [];
  const notInspected: string[] = [];
  for (const site of input.sites) {
    const stored = current.get(site.id);
    if (!stored) {
      notInspected.push(site.id);
      continue;
    }
    const before = previous.get(site.id);
    entries.push({
      ...stored.result,
      region: site.region,
      sweepId: stored.sweepId,
      storedAt: stored.storedAt,
      previous: before
        ? { sweepId: before.sweepId, score: before.result.score, storedAt: before.storedAt }
        : null,
      ...compareResults(stored.result, before?.result),
    });
  }
  return {
    period: input.period,
    previousPeriod: previousPeriod(input.period),
    sites: entries,
    regions: regionTotals(entries),
    notInspected,
  };
}

function regionTotals(entries: readonly PeriodSiteEntry[]): RegionTotals[] {
  const groups = new Map<string, PeriodSiteEntry[]>();
  for (const entry of entries) {
    const key = reportRegionOf(entry.region);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, group]) => ({
      region,
      sites: group.length,
      averageScore: round2(group.reduce((sum, entry) => sum + entry.score, 0) / group.length),
      rules: ruleTotals(group),
      newViolations: group.reduce((sum, entry) => sum + entry.newViolations.length, 0),
      fixedViolations: group.reduce((sum, entry) => sum + entry.fixedViolations.length, 0),
    }));
}

function ruleTotals(group: readonly PeriodSiteEntry[]): RuleTotals[] {
  const byRule = new Map<string, RuleTotals>();
  for (const entry of group) {
    for (const check of entry.checks) {
      let totals = byRule.get(check.ruleId);
      if (!totals) {
        totals = { ruleId: check.ruleId, pass: 0, fail: 0, review: 0, notApplicable: 0 };
        byRule.set(check.ruleId, totals);
      }
      if (check.outcome === 'not-applicable') totals.notApplicable += 1;
      else totals[check.outcome] += 1;
    }
  }
  return [...byRule.values()];
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
