import { CHECKS } from '../../checks/index.ts';
import type { SweepResults } from '../../src/results.ts';

/** A rule as the report shows it: a column of the summary table and a heading in each site's section. */
export interface ReportRule {
  id: string;
  clause?: string;
  title: string;
  description?: string;
  appliesToText?: string;
}

/**
 * The rules in contract order, from the checks' metadata, followed by any rule id the results carry that
 * this build has no check for (results written by a newer version), shown under its id.
 */
export function reportRules(results: SweepResults): ReportRule[] {
  const rules: ReportRule[] = CHECKS.map(({ meta }) => ({
    id: meta.id,
    clause: meta.clause,
    title: meta.title,
    description: meta.description,
    appliesToText: meta.appliesToText,
  }));
  const known = new Set(rules.map((rule) => rule.id));
  for (const site of results.sites) {
    for (const check of site.checks) {
      if (!known.has(check.ruleId)) {
        known.add(check.ruleId);
        rules.push({ id: check.ruleId, title: check.ruleId });
      }
    }
  }
  return rules;
}

/** '网站全称展示（4.3.3）'. */
export function ruleHeading(rule: ReportRule): string {
  return rule.clause === undefined ? rule.title : `${rule.title}（${rule.clause}）`;
}
