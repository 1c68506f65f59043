import { isUnqualified } from '../../reports/html/rating.ts';
import type { PeriodReport, RuleTotals } from '../periods/period-report.ts';
import type { NoticeRule, PeriodTotals, RuleStat } from './notice-model.ts';

/**
 * The totals of a period report: rule counts summed from its per-region totals, the average over
 * every inspected site as those totals take it (unreachable sites count 0).
 */
export function periodTotals(report: PeriodReport, rules: readonly NoticeRule[]): PeriodTotals {
  const { sites } = report;
  const failing = sites.map((site) => site.checks.filter((check) => check.outcome === 'fail').length);
  return {
    inspected: sites.length,
    notInspected: report.notInspected.length,
    unreachable: sites.filter((site) => site.status === 'unreachable').length,
    errors: sites.filter((site) => site.status === 'error').length,
    averageScore:
      sites.length === 0 ? null : round2(sites.reduce((sum, site) => sum + site.score, 0) / sites.length),
    violatingSites: failing.filter((count) => count > 0).length,
    violations: failing.reduce((sum, count) => sum + count, 0),
    unqualifiedSites: sites.filter(isUnqualified).length,
    rules: ruleStats(
      report.regions.flatMap((region) => region.rules),
      rules,
    ),
  };
}

/** Pass rate as the sweep report defines it: 通过 ÷ (通过 + 不通过); review and not-applicable left out. */
export function passRate(pass: number, fail: number): number | null {
  return pass + fail === 0 ? null : pass / (pass + fail);
}

function ruleStats(perRegion: readonly RuleTotals[], rules: readonly NoticeRule[]): RuleStat[] {
  return rules.map((rule) => {
    const totals = perRegion.filter((entry) => entry.ruleId === rule.id);
    const sum = (pick: (entry: RuleTotals) => number) => totals.reduce((acc, entry) => acc + pick(entry), 0);
    const pass = sum((entry) => entry.pass);
    const fail = sum((entry) => entry.fail);
    return {
      ruleId: rule.id,
      pass,
      fail,
      review: sum((entry) => entry.review),
      notApplicable: sum((entry) => entry.notApplicable),
      passRate: passRate(pass, fail),
    };
  });
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
