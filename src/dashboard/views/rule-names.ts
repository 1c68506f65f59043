import { CHECKS } from '../../../checks/index.ts';
import { type ReportRule, ruleFromMeta, ruleHeading, unknownRule } from '../../../reports/html/rules.ts';

/** The rules in contract order from the checks' metadata, as the sweep report names them. */
export const RULES: ReportRule[] = CHECKS.map(({ meta }) => ruleFromMeta(meta));

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rules to show for some rule ids: ours first, then any unknown id under its own name. */
export function rulesFor(ruleIds: Iterable<string>): ReportRule[] {
  const extra = [...new Set(ruleIds)].filter((id) => !BY_ID.has(id)).map(unknownRule);
  return [...RULES, ...extra];
}

/** '头部标识区域展示网站全称（4.3.3）', or the id of a rule this build does not know. */
export function ruleLabel(ruleId: string): string {
  const rule = BY_ID.get(ruleId);
  return rule ? ruleHeading(rule) : ruleId;
}
