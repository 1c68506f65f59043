import { previousPeriod } from '../periods/period-names.ts';
import type { Database } from './database.ts';
import type { TrimmedResults } from './store.ts';

/**
 * The (sweep, site) pairs whose results stay whatever their age: each site's latest result, its latest
 * in each of `$1` (quarters and half-years alike: their names differ), and every result an appeal or
 * decision was made on. "Latest" as `latestInPeriod` reads it.
 */
const KEPT = `(SELECT DISTINCT ON (site_id) sweep_id, site_id FROM site_results ORDER BY site_id, seq DESC)
  UNION
  (SELECT DISTINCT ON (site_id, quarter) sweep_id, site_id FROM site_results
   WHERE quarter = ANY($1::text[]) ORDER BY site_id, quarter, seq DESC)
  UNION
  (SELECT DISTINCT ON (site_id, half_year) sweep_id, site_id FROM site_results
   WHERE half_year = ANY($1::text[]) ORDER BY site_id, half_year, seq DESC)
  UNION
  SELECT sweep_id, site_id FROM finding_actions`;

/**
 * Deletes the results stored before `before` that nothing reads any more, then the sweeps made before
 * it that are left without a result, in one transaction. The periods of finalised notices are kept
 * with the period before each (a new version compares the two), beside `periods`.
 */
export function trimResults(db: Database, before: Date, periods: readonly string[]): Promise<TrimmedResults> {
  return db.transaction(async (tx) => {
    const noticed = await tx.query<{ period: string }>('SELECT DISTINCT period FROM notice_versions');
    const kept = new Set(periods);
    for (const { period } of noticed) kept.add(period).add(previousPeriod(period));
    const results = await tx.query<{ sweep_id: string; site_id: string }>(
      `WITH kept AS (${KEPT})
       DELETE FROM site_results r
       WHERE r.stored_at < $2
         AND NOT EXISTS (SELECT 1 FROM kept WHERE kept.sweep_id = r.sweep_id AND kept.site_id = r.site_id)
       RETURNING r.sweep_id, r.site_id`,
      [[...kept], before.toISOString()],
    );
    const sweeps = await tx.query<{ id: string }>(
      `DELETE FROM sweeps s
       WHERE s.created_at < $1 AND NOT EXISTS (SELECT 1 FROM site_results r WHERE r.sweep_id = s.id)
       RETURNING s.id`,
      [before.toISOString()],
    );
    return {
      results: results.map((row) => ({ sweepId: row.sweep_id, siteId: row.site_id })),
      sweeps: sweeps.map((row) => row.id),
    };
  });
}
