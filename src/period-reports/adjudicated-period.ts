import type { AdjudicatedResult } from '../adjudication/adjudicated-view.ts';
import type { AdjudicationCounts } from '../adjudication/types.ts';
import { buildPeriodReport, type PeriodReport } from '../periods/period-report.ts';
import type { Site } from '../registry/site.ts';
import type { CheckReport, SiteResult } from '../results.ts';
import type { StoredResult } from '../store/store.ts';

/** A period's results twice over: as decided (what scores, ratings and notices use) and as inspected. */
export interface AdjudicatedPeriodReport {
  /** Over the adjudicated values: scores, ratings, outcomes and the findings that still count. */
  decided: PeriodReport;
  /** Over the automated values, to show beside them where they differ. */
  automated: PeriodReport;
  /** Each inspected site's result with its `adjudicated` values and its findings' states. */
  results: ReadonlyMap<string, AdjudicatedResult>;
}

export interface AdjudicatedPeriodInput {
  period: string;
  /** The sites of the report, in registry order. */
  sites: readonly Site[];
  /** Latest results of the period and of the period before it, adjudicated. */
  current: readonly AdjudicatedResult[];
  previous: readonly AdjudicatedResult[];
}

/**
 * The period report over the decided results, and over the automated ones (pure). New and fixed
 * violations are compared between the decided results of both periods: a finding struck off last
 * quarter is no violation fixed now.
 */
export function adjudicatedPeriodReport(input: AdjudicatedPeriodInput): AdjudicatedPeriodReport {
  const { period, sites } = input;
  return {
    decided: buildPeriodReport({
      period,
      sites,
      current: input.current.map(decidedStored),
      previous: input.previous.map(decidedStored),
    }),
    automated: buildPeriodReport({ period, sites, current: input.current, previous: input.previous }),
    results: new Map(input.current.map((stored) => [stored.siteId, stored])),
  };
}

function decidedStored(stored: AdjudicatedResult): StoredResult {
  return { ...stored, result: decidedResult(stored) };
}

/**
 * A result as decided, in the contract §3 shape: the adjudicated score, rating and vetoes, each check's
 * adjudicated outcome, and in a failing check only the findings that still make it fail (an overturned
 * finding is struck off; an upheld finding of a `review` check is a problem). The `adjudicated` field is
 * left out: this is the decided value itself.
 */
export function decidedResult(stored: AdjudicatedResult): SiteResult {
  const { adjudicated, ...automated } = stored.result;
  const outcomes = new Map(adjudicated.checks.map((check) => [check.ruleId, check.outcome] as const));
  const vetoes = new Map(adjudicated.vetoes.map((veto) => [veto.ruleId, veto.reason] as const));
  let index = 0;
  const checks = automated.checks.map((check): CheckReport => {
    const states = check.findings.map(() => stored.findings[index++]?.state ?? 'open');
    const outcome = outcomes.get(check.ruleId) ?? check.outcome;
    const { singleVeto: _automatedVeto, ...rest } = check;
    const veto = vetoes.get(check.ruleId);
    if (outcome === 'pass' || outcome === 'not-applicable') return { ...rest, outcome, findings: [] };
    if (outcome === 'review') return { ...rest, outcome };
    const findings = check.findings.filter(
      (_, i) => states[i] === 'upheld' || (check.outcome === 'fail' && states[i] !== 'overturned'),
    );
    return { ...rest, outcome, findings, ...(veto === undefined ? {} : { singleVeto: veto }) };
  });
  // A result stored before ratings existed stays 未评定 while no decision changes it.
  const unchanged =
    adjudicated.score === automated.score &&
    automated.checks.every((check) => outcomes.get(check.ruleId) === check.outcome);
  if (unchanged && automated.qualified === undefined) return { ...automated, checks };
  return {
    ...automated,
    score: adjudicated.score,
    qualified: adjudicated.qualified,
    vetoes: adjudicated.vetoes,
    checks,
  };
}

/** The rules of a result with findings struck off (核减): overturned findings of failing checks. */
export function struckOffRules(stored: AdjudicatedResult): { ruleId: string; findings: number }[] {
  const byRule = new Map<string, number>();
  for (const finding of stored.findings) {
    if (finding.state !== 'overturned' || finding.outcome !== 'fail') continue;
    byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  }
  return [...byRule].map(([ruleId, findings]) => ({ ruleId, findings }));
}

export const NO_COUNTS: AdjudicationCounts = {
  findings: 0,
  open: 0,
  appealed: 0,
  appealsPending: 0,
  reviewed: 0,
  upheld: 0,
  overturned: 0,
  struckOff: 0,
};

/** The counts of several results added up. */
export function sumCounts(counts: readonly AdjudicationCounts[]): AdjudicationCounts {
  const total = { ...NO_COUNTS };
  for (const one of counts) {
    for (const key of Object.keys(total) as (keyof AdjudicationCounts)[]) total[key] += one[key];
  }
  return total;
}
