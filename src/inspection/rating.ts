import type { CheckReport, SiteResult } from '../results.ts';

/**
 * The rating beside the score (national indicators' single veto, 单项否决): a rule that failed with a
 * `singleVeto` makes the site 不合格 whatever its points. Otherwise an inspected site is 合格, and one
 * that could not be inspected is not rated.
 */
export function rateSite(
  status: SiteResult['status'],
  checks: readonly CheckReport[],
): Pick<SiteResult, 'qualified' | 'vetoes'> {
  const vetoes = checks.flatMap((check) =>
    check.outcome === 'fail' && check.singleVeto ? [{ ruleId: check.ruleId, reason: check.singleVeto }] : [],
  );
  if (vetoes.length > 0) return { qualified: false, vetoes };
  return { qualified: status === 'done' ? true : null, vetoes };
}
