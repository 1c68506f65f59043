import { CHECKS } from '../../checks/index.ts';
import type { SiteResult } from '../results.ts';
import type { SweepRecord, WebhookEventType } from '../store/store.ts';

/*
 * The JSON body of every webhook (Standard Webhooks: `type`, `timestamp`, `data`); docs/webhooks.md
 * shows full examples. `timestamp` is when the event was raised (ISO 8601), `data` by type:
 *
 * violation.detected / violation.resolved
 *   { sweep: { id, kind, period },                       // period: '2026Q4' ('2026H2' for semi-annual checks)
 *     site: { id, name, region, homepage },
 *     rule: { id, title, clause },                         // title in Chinese, clause of the standard
 *     outcome, previousOutcome,                            // 'fail' | 'pass' | 'not-applicable' | 'review' | null
 *     findings: { count, items: [{ url, target?, status?, message }] },  // detected: now; resolved: before; ≤ 20 items
 *     score, previousScore,                                // previousScore null when there is no earlier result
 *     previousSweepId }
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
}

interface FindingSummary {
  url: string;
  target?: string;
  status?: number | string;
  message: string;
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
    current: SiteResult;
    previous: { sweepId: string; result: SiteResult } | undefined;
    at: Date;
  },
): WebhookPayload<ViolationData> {
  const { sweep, site, ruleId, current, previous, at } = input;
  const meta = CHECKS.find((check) => check.meta.id === ruleId)?.meta;
  const now = current.checks.find((check) => check.ruleId === ruleId);
  const before = previous?.result.checks.find((check) => check.ruleId === ruleId);
  // A resolved violation is described by what was wrong before.
  const findings = (type === 'violation.detected' ? now : before)?.findings ?? [];
  return {
    type,
    timestamp: at.toISOString(),
    data: {
      sweep: { id: sweep.id, kind: sweep.kind, period: sweep.period },
      site,
      rule: { id: ruleId, title: meta?.title ?? ruleId, clause: meta?.clause ?? '' },
      outcome: now?.outcome ?? 'review',
      previousOutcome: before?.outcome ?? null,
      findings: {
        count: findings.length,
        items: findings.slice(0, MAX_FINDINGS).map(({ url, target, status, message }) => ({
          url,
          ...(target === undefined ? {} : { target }),
          ...(status === undefined ? {} : { status }),
          message,
        })),
      },
      score: current.score,
      previousScore: previous?.result.score ?? null,
      previousSweepId: previous?.sweepId ?? null,
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
