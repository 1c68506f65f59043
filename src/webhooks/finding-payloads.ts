import type { Outcome } from '../../checks/check.ts';
import { CHECKS } from '../../checks/index.ts';
import type { AdjudicatedResult } from '../adjudication/adjudicated-view.ts';
import type { FindingAction, FindingState } from '../adjudication/types.ts';
import type { TokenRole } from '../store/store.ts';
import type { SiteRef, WebhookPayload } from './payloads.ts';

/*
 * finding.appealed (a city office or the province disputes a failing finding, 申诉) and
 * finding.decided (the province upholds or overturns one, 复核 / 核减), one event per finding, also for
 * the findings of one bulk decision (they share `action.batchId`):
 *
 *   { period,                                              // the period the action was made for: '2026Q4'
 *     finding: { id, siteId, ruleId, url, target?, outcome, evidenceDigest, state },
 *                                                          // outcome: automated; state: after the action
 *     action: { id, what, who, role, region, when, why,    // what: 'appeal' | 'upheld' | 'overturned'
 *               verdict?, until?, batchId?, sweepId },     // decisions: verdict (= what) and until ('YYYY-MM-DD')
 *     site: { id, name, region, homepage },
 *     rule: { id, title, clause },
 *     adjudicated: { outcome, score, qualified },          // the rule's outcome, the site's score and rating after it
 *     automated: { score, qualified } }                    // of the result the values are computed on
 */

export type FindingEventType = 'finding.appealed' | 'finding.decided';

export interface FindingEventData {
  period: string;
  finding: {
    id: string;
    siteId: string;
    ruleId: string;
    url: string;
    target?: string;
    outcome: Outcome;
    evidenceDigest: string;
    state: FindingState;
  };
  action: {
    id: string;
    what: FindingAction['what'];
    who: string;
    role: TokenRole;
    region: string | null;
    when: string;
    why: string;
    verdict?: 'upheld' | 'overturned';
    until?: string;
    batchId?: string;
    sweepId: string;
  };
  site: SiteRef;
  rule: { id: string; title: string; clause: string };
  adjudicated: { outcome: Outcome; score: number; qualified: boolean | null };
  automated: { score: number; qualified: boolean | null };
}

export const findingEventType = (action: FindingAction): FindingEventType =>
  action.what === 'appeal' ? 'finding.appealed' : 'finding.decided';

/**
 * The event of one appeal or decision, its values read off `stored`: the site's latest result of the
 * action's period holding the finding, adjudicated with the action on record.
 */
export function findingEventPayload(input: {
  action: FindingAction;
  site: SiteRef;
  stored: AdjudicatedResult;
  at: Date;
}): WebhookPayload<FindingEventData> {
  const { action, site, stored, at } = input;
  const meta = CHECKS.find((check) => check.meta.id === action.ruleId)?.meta;
  const view = stored.findings.find((finding) => finding.id === action.findingId);
  const check = stored.result.checks.find((c) => c.ruleId === action.ruleId);
  const adjudicated = stored.result.adjudicated;
  const { id, what, who, role, region, when, why, until, batchId, sweepId } = action;
  return {
    type: findingEventType(action),
    timestamp: at.toISOString(),
    data: {
      period: action.period,
      finding: {
        id: action.findingId,
        siteId: action.siteId,
        ruleId: action.ruleId,
        url: view?.url ?? '',
        ...(view?.target === undefined ? {} : { target: view.target }),
        outcome: view?.outcome ?? check?.outcome ?? 'review',
        evidenceDigest: action.evidenceDigest,
        state: view?.state ?? (what === 'appeal' ? 'appealed' : what),
      },
      action: {
        id,
        what,
        who,
        role,
        region,
        when,
        why,
        ...(what === 'appeal' ? {} : { verdict: what }),
        ...(until === undefined ? {} : { until }),
        ...(batchId === undefined ? {} : { batchId }),
        sweepId,
      },
      site,
      rule: { id: action.ruleId, title: meta?.title ?? action.ruleId, clause: meta?.clause ?? '' },
      adjudicated: {
        outcome: adjudicated.checks.find((c) => c.ruleId === action.ruleId)?.outcome ?? 'review',
        score: adjudicated.score,
        qualified: adjudicated.qualified,
      },
      automated: { score: stored.result.score, qualified: stored.result.qualified ?? null },
    },
  };
}
