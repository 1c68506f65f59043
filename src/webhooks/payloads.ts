import { CHECKS } from '../../checks/index.ts';
import type { AdjudicatedResult } from '../adjudication/adjudicated-view.ts';
import type { FindingState } from '../adjudication/types.ts';
import type { SweepRecord, WebhookEventType } from '../store/store.ts';
import { failingFindings } from './violation-changes.ts';

/*
 * The JSON body of every webhook (Standard Webhooks: `type`, `timestamp`, `data`); docs/webhooks.md
 * shows full examples. `timestamp` is when the event was raised (ISO 8601), `data` by type:
 *
 * violation.detected / violation.resolved (adjudicated values, contract §7; the automated ones beside)
 *   { sweep: { id, kind, period },                       // period: '2026Q4' ('2026H2' for semi-annual checks)
 *     site: { id, name, region, homepage },
 *     rule: { id, title, clause },                         // title in Chinese, clause of the standard
 *     outcome, previousOutcome,                            // 'fail' | 'pass' | 'not-applicable' | 'review' | null
 *     findings: { count, items: [{ url, target?, status?, message, id, evidenceDigest, state }] },
 *                                                          // detected: failing now; resolved: before; ≤ 20 items
 *     score, previousScore,                                // previousScore null when there is no earlier result
 *     previousSweepId,
 *     automated: { outcome, score } }
 *
 * finding.appealed / finding.decided: see finding-payloads.ts
 *
 * sweep.completed
 *   { sweep: { id, kind, period, region, total, done, failed, startedAt, finishedAt } }
 */

export interface WebhookPayload<D = unknown> {
  type: WebhookEventType;
  timestamp: string;
  data: D;
}

export interface SiteRef {
  id: string;
  name: string;
  /** Null when the site is no longer in the registry. */
  region: string | null;
  homepage: string;
}

export interface ViolationData {
  sweep: { id: string; kind: string; period: string };
  site: SiteRef;
  rule: { id: string; title: string; clause: string };
  outcome: string;
  previousOutcome: string | null;
  findings: { count: number; items: FindingSummary[] };
  score: number;
  previousScore: number | null;
  previousSweepId: string | null;
  /** Added (issue 10): the automated values beside the adjudicated ones above. */
  automated: { outcome: string; score: number };
}

interface FindingSummary {
  url: string;
  target?: string;
  status?: number | string;
  message: string;
  /** Added (issue 10): the finding's id, evidence digest and state (never `overturned` here). */
  id: string;
  evidenceDigest: string;
  state: FindingState;
}

export interface SweepCompletedData {
  sweep: Pick<
    SweepRecord,
    'id' | 'kind' | 'period' | 'region' | 'total' | 'done' | 'failed' | 'startedAt' | 'finishedAt'
  >;
}

const MAX_FINDINGS = 20;

export function violationPayload(
  type: 'violation.detected' | 'violation.resolved',
  input: {
    sweep: SweepRecord;
    site: SiteRef;
    ruleId: string;
    current: AdjudicatedResult;
    previous: AdjudicatedResult | undefined;
    at: Date;
  },
): WebhookPayload<ViolationData> {
  const { sweep, site, ruleId, current, previous, at } = input;
  const meta = CHECKS.find((check) => check.meta.id === ruleId)?.meta;
  const outcomeOf = (stored: AdjudicatedResult | undefined) =>
    stored?.result.adjudicated.checks.find((check) => check.ruleId === ruleId)?.outcome;
  // A resolved violation is described by what was wrong before.
  const findings = failingFindings((type === 'violation.detected' ? current : previous) ?? current, ruleId);
  return {
    type,
    timestamp: at.toISOString(),
    data: {
      sweep: { id: sweep.id, kind: sweep.kind, period: sweep.period },
      site,
      rule: { id: ruleId, title: meta?.title ?? ruleId, clause: meta?.clause ?? '' },
      outcome: outcomeOf(current) ?? 'review',
      previousOutcome: outcomeOf(previous) ?? null,
      findings: {
        count: findings.length,
        items: findings
          .slice(0, MAX_FINDINGS)
          .map(({ id, url, target, status, message, evidenceDigest, state }) => ({
            url,
            ...(target === undefined ? {} : { target }),
            ...(status === undefined ? {} : { status }),
            message,
            id,
            evidenceDigest,
            state,
          })),
      },
      score: current.result.adjudicated.score,
      previousScore: previous?.result.adjudicated.score ?? null,
      previousSweepId: previous?.sweepId ?? null,
      automated: {
        outcome: current.result.checks.find((check) => check.ruleId === ruleId)?.outcome ?? 'review',
        score: current.result.score,
      },
    },
  };
}

export function sweepCompletedPayload(sweep: SweepRecord, at: Date): WebhookPayload<SweepCompletedData> {
  const { id, kind, period, region, total, done, failed, startedAt, finishedAt } = sweep;
  return {
    type: 'sweep.completed',
    timestamp: at.toISOString(),
    data: { sweep: { id, kind, period, region, total, done, failed, startedAt, finishedAt } },
  };
}
