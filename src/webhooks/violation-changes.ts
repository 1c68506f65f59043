import type { Outcome } from '../../checks/check.ts';
import {
  type AdjudicatedResult,
  adjudicateWith,
  type FindingView,
} from '../adjudication/adjudicated-view.ts';
import type { FindingAction } from '../adjudication/types.ts';
import type { StoredResult } from '../store/store.ts';

/** How many of a site's earlier results are searched for a rule's last decided outcome. */
export const HISTORY_DEPTH = 50;

export interface ViolationChanges {
  /** Rules failing now whose last decided outcome was not a failure (or that were never decided). */
  detected: string[];
  /** Rules passing now whose last decided outcome was a failure. */
  resolved: string[];
}

/** A result's outcome per rule: `result.adjudicated` (or the automated `result` itself). */
export interface RuleOutcomes {
  checks: readonly { ruleId: string; outcome: Outcome }[];
}

/**
 * The webhook's comparison (the period reports keep `compareResults`): each rule against its last
 * *decided* outcome (`pass` or `fail`) in the site's earlier results, so `review` (an unreachable
 * site) and `not-applicable` in between change nothing, and detected/resolved always alternate.
 */
export function violationChanges(current: RuleOutcomes, earlier: readonly RuleOutcomes[]): ViolationChanges {
  const detected: string[] = [];
  const resolved: string[] = [];
  for (const { ruleId, outcome } of current.checks) {
    if (outcome !== 'fail' && outcome !== 'pass') continue;
    const failedBefore = lastDecided(ruleId, earlier) === 'fail';
    if (outcome === 'fail' && !failedBefore) detected.push(ruleId);
    if (outcome === 'pass' && failedBefore) resolved.push(ruleId);
  }
  return { detected, resolved };
}

function lastDecided(ruleId: string, earlier: readonly RuleOutcomes[]): 'pass' | 'fail' | undefined {
  for (const outcomes of earlier) {
    const outcome = outcomes.checks.find((check) => check.ruleId === ruleId)?.outcome;
    if (outcome === 'pass' || outcome === 'fail') return outcome;
  }
  return undefined;
}

export interface AdjudicatedChanges extends ViolationChanges {
  current: AdjudicatedResult;
  /** The result stored just before, adjudicated; undefined for a site's first. */
  previous: AdjudicatedResult | undefined;
}

/**
 * The comparison on adjudicated outcomes (contract §7: webhooks use the adjudicated values), the
 * current result and the earlier ones all judged with the appeals and decisions on record now
 * (`actions`, oldest first). So an overturned finding is no violation; one carried forward as
 * overturned (same id and evidence, decision in force) raises nothing, and neither does the result it
 * was overturned on, looked back at; one whose evidence changed is `open` again, a violation again.
 * A decision alone changes no result and raises no violation event: `finding.decided` says it. Pure.
 */
export function adjudicatedChanges(
  current: StoredResult,
  earlier: readonly StoredResult[],
  actions: readonly FindingAction[],
): AdjudicatedChanges {
  const [now, ...before] = adjudicateWith([current, ...earlier], actions);
  const changes = violationChanges(
    now!.result.adjudicated,
    before.map((stored) => stored.result.adjudicated),
  );
  return { ...changes, current: now!, previous: before[0] };
}

/** The findings that make a rule fail once the decisions are applied (none when it does not fail). */
export function failingFindings(adjudicated: AdjudicatedResult, ruleId: string): FindingView[] {
  return adjudicated.findings.filter(
    (finding) =>
      finding.ruleId === ruleId &&
      finding.adjudicatedOutcome === 'fail' &&
      (finding.state === 'upheld' || (finding.outcome === 'fail' && finding.state !== 'overturned')),
  );
}

/**
 * The results stored strictly before this sweep's, newest first, from a site's history as the store
 * orders it (the order results were stored in): not whatever other sweep happens to be newest.
 */
export function storedBefore(sweepId: string, history: readonly StoredResult[]): StoredResult[] {
  const index = history.findIndex((stored) => stored.sweepId === sweepId);
  return index === -1 ? [...history] : history.slice(index + 1);
}
