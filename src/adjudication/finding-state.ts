import type { DecisionView, FindingAction, FindingStatus } from './types.ts';
import { reachesPeriod, shanghaiDay } from './until.ts';

/** The result a finding is shown in. */
export interface ResultPlace {
  sweepId: string;
  quarter: string;
  halfYear: string;
  /** The day it was inspected, Asia/Shanghai ('YYYY-MM-DD'): decisions apply up to their `until`. */
  day: string;
}

/**
 * Where a finding stands in a result, computed from the appeals and decisions on its id (oldest first,
 * contract §7): those made on this evidence (`evidenceDigest`) in the result's period or before it
 * apply, in order. An appeal makes it `appealed`; a decision makes it `upheld` or `overturned` while the
 * result's day is not after its `until`, and `open` again after. A finding whose evidence changed is
 * `open`, with the latest earlier decision beside it. Pure.
 */
export function findingStatus(
  finding: { evidenceDigest?: string },
  place: ResultPlace,
  actions: readonly FindingAction[],
): FindingStatus {
  const earlier = actions.filter((action) => reachesPeriod(place, action.period));
  const status: FindingStatus = { state: 'open' };
  for (const action of earlier) {
    if (action.evidenceDigest !== finding.evidenceDigest) continue;
    if (action.what === 'appeal') {
      status.state = 'appealed';
      status.appeal = action;
      continue;
    }
    const decision = view(action, place);
    status.decision = decision;
    status.state = decision.inForce ? action.what : 'open';
  }
  if (status.decision === undefined) {
    const before = earlier.filter((action) => action.what !== 'appeal').at(-1);
    if (before !== undefined) status.decision = { ...view(before, place), inForce: false };
  }
  return status;
}

function view(decision: FindingAction, place: ResultPlace): DecisionView {
  return {
    ...decision,
    inForce: decision.until !== undefined && place.day <= decision.until,
    carriedForward: decision.sweepId !== place.sweepId,
  };
}

/** The place of a stored result: its sweep, periods and the Shanghai day it was inspected. */
export function placeOf(stored: {
  sweepId: string;
  quarter: string;
  halfYear: string;
  storedAt: string;
  result: { startedAt?: string };
}): ResultPlace {
  const inspected = stored.result.startedAt ?? stored.storedAt;
  return {
    sweepId: stored.sweepId,
    quarter: stored.quarter,
    halfYear: stored.halfYear,
    day: shanghaiDay(new Date(inspected)),
  };
}
