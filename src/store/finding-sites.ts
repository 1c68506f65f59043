import type { SiteResult } from '../results.ts';
import type { Queryable } from './database.ts';

/** Notes the site of each finding of `result` (its findings carry ids already); an id noted before stays. */
export async function recordFindingSites(tx: Queryable, result: SiteResult): Promise<void> {
  const rows = result.checks.flatMap((check) =>
    check.findings.flatMap((finding) => (finding.id ? [[finding.id, check.ruleId] as const] : [])),
  );
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO finding_sites (finding_id, site_id, rule_id)
     SELECT finding_id, $2, rule_id FROM unnest($1::text[], $3::text[]) AS f (finding_id, rule_id)
     ON CONFLICT (finding_id) DO NOTHING`,
    [rows.map(([id]) => id), result.siteId, rows.map(([, ruleId]) => ruleId)],
  );
}
