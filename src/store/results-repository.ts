import { identifyFindings } from '../adjudication/finding-id.ts';
import { isHalfYear, isQuarter } from '../periods/period-names.ts';
import type { SiteResult } from '../results.ts';
import { halfYearOf, quarterOf } from '../sweep/period.ts';
import type { Database } from './database.ts';
import { recordFindingSites } from './finding-sites.ts';
import { trimResults } from './results-trim.ts';
import type { ResultOutcomes, ResultsRepository, StoredResult } from './store.ts';
import { UnknownSweepError } from './sweeps-repository.ts';
import { isoTimestamp } from './timestamps.ts';

export interface ResultRow {
  sweep_id: string;
  site_id: string;
  quarter: string;
  half_year: string;
  result: SiteResult;
  stored_at: Date;
}

export class InvalidPeriodError extends RangeError {
  override readonly name = 'InvalidPeriodError';
  constructor(readonly period: string) {
    super(
      `Not a period: ${JSON.stringify(period)}; expected a quarter like 2026Q4 or a half-year like 2026H2`,
    );
  }
}

/** Newest first: by storage time, then by the sweep started later. */
const NEWEST_FIRST = 'r.seq DESC';

type OutcomesRow = Omit<ResultRow, 'result'> & { result: ResultOutcomes };

/** Each site's latest result of `period` ($1), `columns` of it, in registry order. */
function latestInPeriodSql(period: string, columns: string): string {
  const column = isQuarter(period) ? 'quarter' : isHalfYear(period) ? 'half_year' : undefined;
  if (!column) throw new InvalidPeriodError(period);
  return `SELECT ${columns} FROM (
            SELECT DISTINCT ON (r.site_id) r.*
            FROM site_results r
            WHERE r.${column} = $1
            ORDER BY r.site_id, ${NEWEST_FIRST}
          ) latest
          LEFT JOIN sites ON sites.id = latest.site_id
          ORDER BY sites.position NULLS LAST, latest.site_id`;
}

export function resultsRepository(db: Database): ResultsRepository {
  return {
    record(sweepId, made) {
      // Whoever made the result (a worker of an older release, a test), its findings are stored with ids.
      const result = identifyFindings(made);
      return db.transaction(async (tx) => {
        // Locks the sweep row: concurrent results for one sweep count in turn.
        const [sweep] = await tx.query<{ now: Date; listed: boolean }>(
          'SELECT now, $2 = ANY(site_ids) AS listed FROM sweeps WHERE id = $1 FOR UPDATE',
          [sweepId, result.siteId],
        );
        if (!sweep) throw new UnknownSweepError(sweepId);
        if (!sweep.listed)
          throw new Error(`Site ${result.siteId} is not part of sweep ${sweepId}; result not stored`);
        const now = new Date(sweep.now);
        const inserted = await tx.query(
          `INSERT INTO site_results (sweep_id, site_id, quarter, half_year, result)
           VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (sweep_id, site_id) DO NOTHING RETURNING site_id`,
          [sweepId, result.siteId, quarterOf(now), halfYearOf(now), JSON.stringify(result)],
        );
        if (inserted.length === 0) return false;
        await recordFindingSites(tx, result);
        // Results arriving prove the sweep runs, even one marked failed because its launch timed out
        // (the jobs were queued after all): the last result completes it.
        await tx.query(
          `UPDATE sweeps SET
             done = done + 1,
             failed = failed + $2,
             started_at = COALESCE(started_at, now()),
             state = CASE WHEN done + 1 >= total THEN 'done' ELSE 'running' END,
             error = CASE WHEN done + 1 >= total THEN NULL ELSE error END,
             finished_at = CASE WHEN done + 1 >= total THEN now() ELSE finished_at END
           WHERE id = $1`,
          [sweepId, result.status === 'error' ? 1 : 0],
        );
        return true;
      });
    },
    async latestInPeriod(period) {
      const rows = await db.query<ResultRow>(latestInPeriodSql(period, 'latest.*'), [period]);
      return rows.map(toStoredResult);
    },
    async latestOutcomesInPeriod(period) {
      const rows = await db.query<OutcomesRow>(
        latestInPeriodSql(
          period,
          `latest.sweep_id, latest.site_id, latest.quarter, latest.half_year, latest.stored_at,
           jsonb_build_object(
             'score', latest.result->'score',
             'checks', (SELECT COALESCE(jsonb_agg(
                          jsonb_build_object('ruleId', c.value->'ruleId', 'outcome', c.value->'outcome')
                          ORDER BY c.ordinality), '[]'::jsonb)
                        FROM jsonb_array_elements(latest.result->'checks') WITH ORDINALITY c)
           ) AS result`,
        ),
        [period],
      );
      return rows.map(toStoredResult);
    },
    async forSite(siteId, limit = 50) {
      const rows = await db.query<ResultRow>(
        `SELECT r.* FROM site_results r WHERE r.site_id = $1 ORDER BY ${NEWEST_FIRST} LIMIT $2`,
        [siteId, limit],
      );
      return rows.map(toStoredResult);
    },
    async forSweep(sweepId) {
      const rows = await db.query<ResultRow>(
        'SELECT r.* FROM site_results r WHERE r.sweep_id = $1 ORDER BY r.seq',
        [sweepId],
      );
      return rows.map(toStoredResult);
    },
    trim: (before, periods) => trimResults(db, before, periods),
  };
}

export function toStoredResult<R = SiteResult>(
  row: Omit<ResultRow, 'result'> & { result: R },
): Omit<StoredResult, 'result'> & { result: R } {
  return {
    sweepId: row.sweep_id,
    siteId: row.site_id,
    quarter: row.quarter,
    halfYear: row.half_year,
    result: row.result,
    storedAt: isoTimestamp(row.stored_at),
  };
}
