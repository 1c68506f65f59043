import type { SiteResult } from '../results.ts';
import type { StoredResult } from '../store/store.ts';

/** How many of a site's earlier results are searched for a rule's last decided outcome. */
export const HISTORY_DEPTH = 50;

export interface ViolationChanges {
  /** Rules failing now whose last decided outcome was not a failure (or that were never decided). */
  detected: string[];
  /** Rules passing now whose last decided outcome was a failure. */
  resolved: string[];
}

/**
 * The webhook's comparison (the period reports keep `compareResults`): each rule against its last
 * *decided* outcome (`pass` or `fail`) in the site's earlier results, so `review` (an unreachable
 * site) and `not-applicable` in between change nothing, and detected/resolved always alternate.
 */
export function violationChanges(current: SiteResult, earlier: readonly StoredResult[]): ViolationChanges {
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

function lastDecided(ruleId: string, earlier: readonly StoredResult[]): 'pass' | 'fail' | undefined {
  for (const stored of earlier) {
    const outcome = stored.result.checks.find((check) => check.ruleId === ruleId)?.outcome;
    if (outcome === 'pass' || outcome === 'fail') return outcome;
  }
  return undefined;
}

/**
 * The results stored strictly before this sweep's, newest first, from a site's history as the store
 * orders it (the order results were stored in): not whatever other sweep happens to be newest.
 */
export function storedBefore(sweepId: string, history: readonly StoredResult[]): StoredResult[] {
  const index = history.findIndex((stored) => stored.sweepId === sweepId);
  return index === -1 ? [...history] : history.slice(index + 1);
}
