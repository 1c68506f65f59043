import type { Finding, Outcome } from '../../checks/check.ts';
import { regionContains } from '../access/region.ts';
import type { Site } from '../registry/site.ts';
import type { SiteResult } from '../results.ts';
import type { ResultsStore, StoredResult } from '../store/store.ts';
import { adjudicate } from './adjudicate.ts';
import { findingStatus, placeOf } from './finding-state.ts';
import type { AdjudicatedValues, FindingAction, FindingState, FindingStatus } from './types.ts';

/** A site object as the API serves it: the automated values, and `adjudicated` beside them (contract §7). */
export type AdjudicatedSiteResult = SiteResult & { adjudicated: AdjudicatedValues };

/** One finding of a stored result with where it stands (contract §7 `GET /findings`), plus where it was found. */
export interface FindingView extends FindingStatus {
  id: string;
  siteId: string;
  ruleId: string;
  /** The automated outcome of its check. */
  outcome: Outcome;
  url: string;
  target?: string;
  status?: number | string;
  message: string;
  evidence: Record<string, unknown>;
  evidenceDigest: string;
  /** Added: its check's outcome with the decisions applied. */
  adjudicatedOutcome: Outcome;
  /** Added: the result it is in. */
  sweepId: string;
  storedAt: string;
}

/** A stored result with its adjudicated values and its findings' states. */
export interface AdjudicatedResult extends StoredResult {
  result: AdjudicatedSiteResult;
  findings: FindingView[];
}

/**
 * The results with the appeals and decisions on their findings applied: each result's `adjudicated`
 * values and each finding's state. What the API, the notices, the dashboards and the webhooks read.
 */
export async function adjudicateStored(
  store: ResultsStore,
  results: readonly StoredResult[],
): Promise<AdjudicatedResult[]> {
  if (results.length === 0) return [];
  const siteIds = [...new Set(results.map((stored) => stored.siteId))];
  return adjudicateWith(results, await store.adjudication.actionsForSites(siteIds));
}

/** For each site, its latest result of `period` ('2026Q4', '2026H2'), adjudicated. */
export async function adjudicatedPeriod(store: ResultsStore, period: string): Promise<AdjudicatedResult[]> {
  return adjudicateStored(store, await store.results.latestInPeriod(period));
}

export interface FindingFilter {
  state?: FindingState;
  siteId?: string;
  ruleId?: string;
  /** A division code or its prefix ('510100', '5101'): the sites within it. */
  region?: string;
  /** The sites the reader may see; default every registered site. */
  reach?: (site: Site) => boolean;
}

/**
 * The findings of the latest results of `period`, of the registered sites in reach, filtered: the review
 * queue's list (open and appealed findings by region, rule, state) and `GET /findings`. In registry
 * order, then as each result lists them.
 */
export async function periodFindings(
  store: ResultsStore,
  period: string,
  filter: FindingFilter = {},
): Promise<FindingView[]> {
  const sites = new Map((await store.sites.list()).map((site) => [site.id, site] as const));
  const wanted = (await store.results.latestInPeriod(period)).filter((stored) => {
    const site = sites.get(stored.siteId);
    if (!site || (filter.reach && !filter.reach(site))) return false;
    if (filter.siteId !== undefined && stored.siteId !== filter.siteId) return false;
    return filter.region === undefined || regionContains(filter.region, site.region);
  });
  return (await adjudicateStored(store, wanted))
    .flatMap((adjudicated) => adjudicated.findings)
    .filter(
      (finding) =>
        (filter.ruleId === undefined || finding.ruleId === filter.ruleId) &&
        (filter.state === undefined || finding.state === filter.state),
    );
}

/** The pure core of `adjudicateStored`: `actions` are those on the results' sites, oldest first. */
export function adjudicateWith(
  results: readonly StoredResult[],
  actions: readonly FindingAction[],
): AdjudicatedResult[] {
  const byFinding = new Map<string, FindingAction[]>();
  for (const action of actions) {
    const list = byFinding.get(action.findingId);
    if (list) list.push(action);
    else byFinding.set(action.findingId, [action]);
  }
  return results.map((stored) => {
    const place = placeOf(stored);
    const statuses = new Map<Finding, FindingStatus>();
    for (const check of stored.result.checks) {
      for (const finding of check.findings) {
        statuses.set(finding, findingStatus(finding, place, byFinding.get(finding.id ?? '') ?? []));
      }
    }
    const adjudicated = adjudicate(stored.result, (finding) => statuses.get(finding));
    const outcomes = new Map(adjudicated.checks.map((check) => [check.ruleId, check.outcome] as const));
    const findings = stored.result.checks.flatMap((check) =>
      check.findings.map(
        (finding): FindingView => ({
          ...findingFields(finding),
          siteId: stored.siteId,
          ruleId: check.ruleId,
          outcome: check.outcome,
          ...statuses.get(finding)!,
          adjudicatedOutcome: outcomes.get(check.ruleId) ?? check.outcome,
          sweepId: stored.sweepId,
          storedAt: stored.storedAt,
        }),
      ),
    );
    return { ...stored, result: { ...stored.result, adjudicated }, findings };
  });
}

function findingFields(finding: Finding) {
  return {
    id: finding.id ?? '',
    url: finding.url,
    ...(finding.target === undefined ? {} : { target: finding.target }),
    ...(finding.status === undefined ? {} : { status: finding.status }),
    message: finding.message,
    evidence: finding.evidence,
    evidenceDigest: finding.evidenceDigest ?? '',
  };
}
