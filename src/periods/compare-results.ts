import type { ResultOutcomes } from '../store/store.ts';

/** What changed for one site between two periods' latest results. */
export interface ResultChange {
  /** Rules failing now that did not fail in the previous result (all current failures when there is none). */
  newViolations: string[];
  /**
   * Rules that failed before and now pass (or no longer apply). A rule that failed before and is now
   * `review` (say the site was unreachable) is not counted as fixed: nobody saw it fixed.
   */
  fixedViolations: string[];
}

const DECIDED_OK = new Set(['pass', 'not-applicable']);

/** Compares a site's current result with its previous period's latest result (pure). */
export function compareResults(current: ResultOutcomes, previous: ResultOutcomes | undefined): ResultChange {
  const failedBefore = new Set(failingRules(previous));
  const failingNow = new Set(failingRules(current));
  return {
    newViolations: [...failingNow].filter((ruleId) => !failedBefore.has(ruleId)),
    fixedViolations: current.checks
      .filter((check) => failedBefore.has(check.ruleId) && DECIDED_OK.has(check.outcome))
      .map((check) => check.ruleId),
  };
}

/** The rules a result reports as violated, in the result's rule order. */
export function failingRules(result: ResultOutcomes | undefined): string[] {
  return result?.checks.filter((check) => check.outcome === 'fail').map((check) => check.ruleId) ?? [];
}
