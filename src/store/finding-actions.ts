import { randomUUID } from 'node:crypto';
import type { FindingAction } from '../adjudication/types.ts';
import type { Queryable } from './database.ts';
import type { Actor, LocatedFinding } from './store.ts';
import { isoTimestamp } from './timestamps.ts';

interface ActionRow {
  id: string;
  finding_id: string;
  site_id: string;
  rule_id: string;
  what: FindingAction['what'];
  reason: string;
  until: string | null;
  evidence_digest: string;
  sweep_id: string;
  period: string;
  batch_id: string | null;
  actor: string;
  actor_role: FindingAction['role'];
  actor_region: string | null;
  created_at: Date;
}

const COLUMNS = `id, finding_id, site_id, rule_id, what, reason, until::text AS until, evidence_digest, sweep_id,
  period, batch_id, actor, actor_role, actor_region, created_at`;

/** The actions matching `where` (on `finding_actions`), oldest first. */
export async function selectActions(
  q: Queryable,
  where: string,
  params: readonly unknown[],
): Promise<FindingAction[]> {
  const rows = await q.query<ActionRow>(
    `SELECT ${COLUMNS} FROM finding_actions WHERE ${where} ORDER BY seq`,
    params,
  );
  return rows.map(toAction);
}

export interface NewAction {
  located: LocatedFinding;
  what: FindingAction['what'];
  reason: string;
  until?: string;
  batchId?: string;
  by: Actor;
  at: Date;
}

/** Appends one appeal or decision. */
export async function insertAction(q: Queryable, action: NewAction): Promise<FindingAction> {
  const { located, by } = action;
  const [row] = await q.query<ActionRow>(
    `INSERT INTO finding_actions (id, finding_id, site_id, rule_id, what, reason, until, evidence_digest,
       sweep_id, period, batch_id, actor, actor_role, actor_region, token_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     RETURNING ${COLUMNS}`,
    [
      randomUUID(),
      located.finding.id,
      located.stored.siteId,
      located.ruleId,
      action.what,
      action.reason,
      action.until ?? null,
      located.finding.evidenceDigest,
      located.stored.sweepId,
      located.period,
      action.batchId ?? null,
      by.name,
      by.role,
      by.region,
      by.tokenId,
      action.at.toISOString(),
    ],
  );
  return toAction(row!);
}

function toAction(row: ActionRow): FindingAction {
  return {
    id: row.id,
    findingId: row.finding_id,
    siteId: row.site_id,
    ruleId: row.rule_id,
    what: row.what,
    why: row.reason,
    who: row.actor,
    role: row.actor_role,
    region: row.actor_region,
    when: isoTimestamp(row.created_at),
    ...(row.until === null ? {} : { until: row.until }),
    evidenceDigest: row.evidence_digest,
    sweepId: row.sweep_id,
    period: row.period,
    ...(row.batch_id === null ? {} : { batchId: row.batch_id }),
  };
}
