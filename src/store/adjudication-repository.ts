import { randomUUID } from 'node:crypto';
import { AdjudicationError } from '../adjudication/errors.ts';
import { findingStatus, placeOf } from '../adjudication/finding-state.ts';
import type { FindingAction, FindingStatus } from '../adjudication/types.ts';
import { defaultUntil, shanghaiDay } from '../adjudication/until.ts';
import { isHalfYear, isQuarter } from '../periods/period-names.ts';
import type { Database, Queryable } from './database.ts';
import { insertAction, selectActions } from './finding-actions.ts';
import { InvalidPeriodError, type ResultRow, toStoredResult } from './results-repository.ts';
import type { AdjudicationRepository, FindingRef, LocatedFinding } from './store.ts';

/** Appeals and decisions on one finding are made one at a time (with the migrations' lock as first key). */
const FINDING_LOCK = 7_202_604;

export function adjudicationRepository(db: Database): AdjudicationRepository {
  return {
    async siteOf(findingId) {
      const [row] = await db.query<{ site_id: string }>(
        'SELECT site_id FROM finding_sites WHERE finding_id = $1',
        [findingId],
      );
      return row?.site_id;
    },
    locate: (findingId, period) => locate(db, findingId, period),
    appeal({ finding, period, reason, by, at }) {
      return db.transaction(async (tx) => {
        await lock(tx, [finding.id]);
        const { located, status } = await current(tx, finding, period);
        if (located.outcome !== 'fail') {
          throw refusal('not-failing', finding.id, '只能对未通过（fail）的检查项中的问题提出申诉。');
        }
        if (status.state === 'appealed') {
          throw refusal('already-appealed', finding.id, '该问题已提出申诉，正在等待复核。');
        }
        if (status.state !== 'open') {
          throw refusal('already-decided', finding.id, '该问题已经复核认定，不能再申诉。');
        }
        return insertAction(tx, { located, what: 'appeal', reason, by, at });
      });
    },
    decide({ findings, period, verdict, reason, until, by, at }) {
      return db.transaction(async (tx) => {
        await lock(
          tx,
          findings.map((finding) => finding.id),
        );
        const today = shanghaiDay(at);
        const decided: { located: LocatedFinding; until: string }[] = [];
        for (const [index, finding] of findings.entries()) {
          const { located, status } = await current(tx, finding, period, index);
          if (status.state === verdict) {
            const said = verdict === 'upheld' ? '维持' : '核减（撤销）';
            throw refusal('already-decided', finding.id, `该问题已复核认定为${said}。`, index);
          }
          const last = until ?? defaultUntil(at, located.period);
          if (last < today) {
            throw refusal('until-past', finding.id, `until（${last}）早于今天（${today}）。`, index);
          }
          decided.push({ located, until: last });
        }
        const batchId = findings.length > 1 ? randomUUID() : undefined;
        const actions: FindingAction[] = [];
        for (const { located, until: last } of decided) {
          actions.push(
            await insertAction(tx, { located, what: verdict, reason, until: last, batchId, by, at }),
          );
        }
        return actions;
      });
    },
    history: (findingId) => selectActions(db, 'finding_id = $1', [findingId]),
    actionsForSites: (siteIds) => selectActions(db, 'site_id = ANY($1::text[])', [[...siteIds]]),
  };
}

/** The finding in its site's latest result (of `period`), or undefined when that result does not hold it. */
async function locate(q: Queryable, findingId: string, period?: string): Promise<LocatedFinding | undefined> {
  const column = period === undefined ? undefined : periodColumn(period);
  const rows = await q.query<ResultRow & { sweep_period: string }>(
    `SELECT r.*, s.period AS sweep_period
     FROM finding_sites f
     JOIN site_results r ON r.site_id = f.site_id
     JOIN sweeps s ON s.id = r.sweep_id
     WHERE f.finding_id = $1 ${column ? `AND r.${column} = $2` : ''}
     ORDER BY r.seq DESC LIMIT 1`,
    column ? [findingId, period] : [findingId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const stored = toStoredResult(row);
  for (const check of stored.result.checks) {
    const finding = check.findings.find((f) => f.id === findingId);
    if (finding) {
      return {
        finding,
        ruleId: check.ruleId,
        outcome: check.outcome,
        stored,
        period: period ?? row.sweep_period,
      };
    }
  }
  return undefined;
}

/** The finding as it stands now, with its state; refused when unknown, gone, or seen on other evidence. */
async function current(
  tx: Queryable,
  ref: FindingRef,
  period: string | undefined,
  index?: number,
): Promise<{ located: LocatedFinding; status: FindingStatus }> {
  const located = await locate(tx, ref.id, period);
  if (!located) {
    const [known] = await tx.query('SELECT 1 FROM finding_sites WHERE finding_id = $1', [ref.id]);
    if (!known) throw refusal('unknown-finding', ref.id, `问题 ${ref.id} 不存在。`, index);
    const where = period === undefined ? '站点最新的检查结果' : `${period} 期间站点最新的检查结果`;
    throw refusal('not-current', ref.id, `${where}中已没有这个问题。`, index);
  }
  if (ref.evidenceDigest !== undefined && ref.evidenceDigest !== located.finding.evidenceDigest) {
    throw refusal(
      'evidence-changed',
      ref.id,
      '该问题的证据在最新的检查结果中已经变化，请刷新后重新查看。',
      index,
    );
  }
  const actions = await selectActions(tx, 'finding_id = $1', [ref.id]);
  return { located, status: findingStatus(located.finding, placeOf(located.stored), actions) };
}

async function lock(tx: Queryable, findingIds: readonly string[]): Promise<void> {
  // In one order, so that two requests deciding overlapping findings cannot deadlock.
  for (const id of [...new Set(findingIds)].sort()) {
    await tx.query(`SELECT pg_advisory_xact_lock(${FINDING_LOCK}, hashtext($1))`, [id]);
  }
}

function periodColumn(period: string): 'quarter' | 'half_year' {
  if (isQuarter(period)) return 'quarter';
  if (isHalfYear(period)) return 'half_year';
  throw new InvalidPeriodError(period);
}

function refusal(
  problem: ConstructorParameters<typeof AdjudicationError>[0],
  findingId: string,
  message: string,
  index?: number,
): AdjudicationError {
  return new AdjudicationError(problem, message, findingId, index);
}
