import { identifyFindings } from '../../adjudication/finding-id.ts';
import type { SiteResult } from '../../results.ts';
import type { Queryable } from '../database.ts';
import { recordFindingSites } from '../finding-sites.ts';

/** Results read and rewritten at a time: a result with every link of a large site can be megabytes. */
const BATCH = 50;

/**
 * Gives the findings of every result stored before contract §7 their `id` and `evidenceDigest`, as the
 * inspection now does when it makes a result, and notes each id's site (finding_sites).
 */
export async function up(tx: Queryable): Promise<void> {
  let after = '0';
  for (;;) {
    const rows = await tx.query<{ seq: string; result: SiteResult }>(
      'SELECT seq::text AS seq, result FROM site_results WHERE seq > $1::bigint ORDER BY seq LIMIT $2',
      [after, BATCH],
    );
    for (const row of rows) {
      const result = identifyFindings(row.result);
      await tx.query('UPDATE site_results SET result = $2::jsonb WHERE seq = $1::bigint', [
        row.seq,
        JSON.stringify(result),
      ]);
      await recordFindingSites(tx, result);
    }
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.seq;
  }
}
