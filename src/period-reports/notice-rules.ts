import { CHECKS } from '../../checks/index.ts';
import type { PeriodReport } from '../periods/period-report.ts';
import type { NoticeRule } from './notice-model.ts';

/** The rules in contract order, then any rule id the stored results carry that this build has no check for. */
export function noticeRules(reports: readonly PeriodReport[]): NoticeRule[] {
  const rules: NoticeRule[] = CHECKS.map(({ meta }) => ({
    id: meta.id,
    title: meta.title,
    clause: meta.clause,
  }));
  const known = new Set(rules.map((rule) => rule.id));
  for (const check of reports.flatMap((report) => report.sites.flatMap((site) => site.checks))) {
    if (known.has(check.ruleId)) continue;
    known.add(check.ruleId);
    rules.push({ id: check.ruleId, title: check.ruleId });
  }
  return rules;
}
