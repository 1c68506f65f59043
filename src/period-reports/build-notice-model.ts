import { formatPeriod } from '../../reports/html/format.ts';
import { isUnqualified } from '../../reports/html/rating.ts';
import { regionName } from '../access/region-names.ts';
import type { AdjudicatedResult } from '../adjudication/adjudicated-view.ts';
import { type PeriodReport, type PeriodSiteEntry, reportRegionOf } from '../periods/period-report.ts';
import type { Site } from '../registry/site.ts';
import { type AdjudicatedPeriodReport, NO_COUNTS, struckOffRules, sumCounts } from './adjudicated-period.ts';
import type { NoticeModel, NoticeRule, NoticeSite, PeriodKind, RegionRow } from './notice-model.ts';
import { noticeRules } from './notice-rules.ts';
import { periodTotals } from './period-totals.ts';
import { violationSummary } from './violation-summary.ts';

export interface NoticeInput {
  kind: PeriodKind;
  /** The period's results over the sites of the notice, decided and automated (`adjudicatedPeriodReport`). */
  current: AdjudicatedPeriodReport;
  /** The previous period's report over the same sites, as decided. */
  previousReport: PeriodReport;
  /** The sites of the notice, in registry order. */
  sites: readonly Site[];
  /** 6-digit division code of the region, or null for the whole province. */
  region: string | null;
  issuedAt: Date;
}

const PROVINCE = '四川省';

/**
 * The notice's model from the period reports (pure): scores, ratings, vetoes and problems as decided
 * (an overturned finding is struck off, an upheld `review` finding is a problem), the automated score
 * and rating beside them where a decision changed them, and how many findings were reviewed, appealed
 * and struck off.
 */
export function buildNoticeModel(input: NoticeInput): NoticeModel {
  const { previousReport, region, kind } = input;
  const report = input.current.decided;
  const rules = noticeRules([report, input.current.automated, previousReport]);
  const byId = new Map(input.sites.map((site) => [site.id, site]));
  const scopeName = region === null ? PROVINCE : regionName(region);
  const issuer = `${scopeName}人民政府办公厅`;
  const periodText = formatPeriod(report.period);
  const scope = scopeWord(region, scopeName);
  const automated = new Map(input.current.automated.sites.map((entry) => [entry.siteId, entry]));
  const sites = report.sites.map((entry) =>
    noticeSite(entry, automated.get(entry.siteId)!, input.current.results.get(entry.siteId), rules),
  );
  return {
    kind,
    period: report.period,
    periodText,
    previousPeriod: report.previousPeriod,
    previousPeriodText: formatPeriod(report.previousPeriod),
    region,
    scopeName,
    scopeWord: scope,
    issuer,
    title: `${issuer}关于${periodText}${scope}政府网站${kind === 'quarterly' ? '抽查' : '检查'}情况的通报`,
    issuedAt: input.issuedAt.toISOString(),
    rules,
    totals: periodTotals(report, rules),
    automatedTotals: periodTotals(input.current.automated, rules),
    counts: sumCounts(sites.map((site) => site.counts)),
    previousTotals: previousReport.sites.length === 0 ? null : periodTotals(previousReport, rules),
    newViolations: sites.reduce((sum, site) => sum + site.newViolations.length, 0),
    fixedViolations: sites.reduce((sum, site) => sum + site.fixedViolations.length, 0),
    sites,
    notInspected: report.notInspected.map((siteId) => {
      const site = byId.get(siteId);
      return {
        siteId,
        fullName: site?.fullName ?? siteId,
        regionName: site ? regionName(reportRegionOf(site.region)) : '',
      };
    }),
    regions: region === null ? regionRows(report, sites) : [],
  };
}

/** 全省, 全市, 全州; a county or unknown region by its name. */
function scopeWord(region: string | null, scopeName: string): string {
  if (region === null) return '全省';
  if (scopeName.endsWith('市')) return '全市';
  if (scopeName.endsWith('州')) return '全州';
  return scopeName;
}

function noticeSite(
  entry: PeriodSiteEntry,
  automated: PeriodSiteEntry,
  adjudicated: AdjudicatedResult | undefined,
  rules: readonly NoticeRule[],
): NoticeSite {
  const titles = new Map(rules.map((rule) => [rule.id, rule.title]));
  const isNew = new Set(entry.newViolations);
  const qualified = entry.qualified ?? null;
  const automatedQualified = automated.qualified ?? null;
  const changed = automated.score !== entry.score || automatedQualified !== qualified;
  return {
    siteId: entry.siteId,
    fullName: entry.fullName,
    homepage: entry.homepage,
    region: entry.region,
    regionName: regionName(reportRegionOf(entry.region)),
    status: entry.status,
    ...(entry.reason === undefined ? {} : { reason: entry.reason }),
    score: entry.score,
    qualified,
    vetoes: isUnqualified(entry)
      ? (entry.vetoes ?? []).map((veto) => ({ ...veto, title: titles.get(veto.ruleId) ?? veto.ruleId }))
      : [],
    previousScore: entry.previous?.score ?? null,
    outcomes: Object.fromEntries(entry.checks.map((check) => [check.ruleId, check.outcome])),
    violations: entry.checks
      .filter((check) => check.outcome === 'fail')
      .map((check) => ({
        ruleId: check.ruleId,
        title: titles.get(check.ruleId) ?? check.ruleId,
        summary: violationSummary(check, entry),
        isNew: isNew.has(check.ruleId),
      })),
    newViolations: entry.newViolations,
    fixedViolations: entry.fixedViolations,
    automated: changed ? { score: automated.score, qualified: automatedQualified } : null,
    struckOff: (adjudicated ? struckOffRules(adjudicated) : []).map((rule) => ({
      ...rule,
      title: titles.get(rule.ruleId) ?? rule.ruleId,
    })),
    counts: adjudicated?.result.adjudicated.counts ?? NO_COUNTS,
  };
}

function regionRows(report: PeriodReport, sites: readonly NoticeSite[]): RegionRow[] {
  const inRegion = (region: string) => sites.filter((site) => reportRegionOf(site.region) === region);
  return report.regions.map((totals) => ({
    region: totals.region,
    name: regionName(totals.region),
    sites: totals.sites,
    averageScore: totals.averageScore,
    violatingSites: inRegion(totals.region).filter((site) => site.violations.length > 0).length,
    unqualifiedSites: inRegion(totals.region).filter(isUnqualified).length,
    newViolations: totals.newViolations,
    fixedViolations: totals.fixedViolations,
  }));
}
