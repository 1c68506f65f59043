import type { Outcome } from '../../checks/check.ts';
import type { AdjudicationCounts } from '../adjudication/types.ts';
import type { SiteStatus } from '../results.ts';

export type PeriodKind = 'quarterly' | 'semiannual';

/** A rule as the notice names it. */
export interface NoticeRule {
  id: string;
  title: string;
  clause?: string;
}

/** One rule's outcome counts over the sites of the notice; passRate = 通过 ÷ (通过 + 不通过), null when 0 ÷ 0. */
export interface RuleStat {
  ruleId: string;
  pass: number;
  fail: number;
  review: number;
  notApplicable: number;
  passRate: number | null;
}

/** A failing rule of one site with the few facts an official acts on. */
export interface SiteViolation {
  ruleId: string;
  title: string;
  /** '失效链接 12 条（其中首页 3 条）', '缺少内容检索、文件下载', or the first finding's message. */
  summary: string;
  /** Failing for the first time against the previous period's result. */
  isNew: boolean;
}

export interface SiteVeto {
  ruleId: string;
  title: string;
  reason: string;
}

export interface NoticeSite {
  siteId: string;
  fullName: string;
  homepage: string;
  region: string;
  regionName: string;
  status: SiteStatus;
  /** Why an unreachable or broken inspection could not be done. */
  reason?: string;
  score: number;
  /** The rating beside the score: false 不合格 (a single veto), true 合格, null 未评定 (not inspected, or stored before ratings existed). */
  qualified: boolean | null;
  /** Why a 不合格 site failed: each rule with a single veto (单项否决) and its reason; empty otherwise. */
  vetoes: SiteVeto[];
  previousScore: number | null;
  outcomes: Record<string, Outcome>;
  violations: SiteViolation[];
  newViolations: string[];
  fixedViolations: string[];
  /** The automated score and rating, when a decision changed them (shown beside the decided ones); else null. */
  automated: { score: number; qualified: boolean | null } | null;
  /** Rules with findings struck off (核减) by a decision: not listed as problems. */
  struckOff: { ruleId: string; title: string; findings: number }[];
  /** How many of the site's findings were reviewed, appealed and struck off. */
  counts: AdjudicationCounts;
}

/** The totals of one period over the sites of the notice. */
export interface PeriodTotals {
  /** Sites in the notice's scope with a result in the period. */
  inspected: number;
  notInspected: number;
  unreachable: number;
  errors: number;
  /** Average over the inspected sites, unreachable ones counting 0 (as the period results' per-region totals do); null with none. */
  averageScore: number | null;
  /** Sites failing at least one rule. */
  violatingSites: number;
  /** Failing (site, rule) pairs. */
  violations: number;
  /** Sites rated 不合格 by a single veto, whatever their score. */
  unqualifiedSites: number;
  rules: RuleStat[];
}

export interface RegionRow {
  /** City-level prefix, '5101'; provincial sites are '5100'. */
  region: string;
  name: string;
  sites: number;
  averageScore: number;
  violatingSites: number;
  /** Sites rated 不合格 by a single veto. */
  unqualifiedSites: number;
  newViolations: number;
  fixedViolations: number;
}

/** A finalised notice's seal (定稿): shown in every format it is served in. */
export interface NoticeSeal {
  version: number;
  finalisedAt: string;
  /** sha256 (hex) of the stored notice content (its model as JSON). */
  contentHash: string;
}

/** Everything a period notice shows, whatever its format. */
export interface NoticeModel {
  kind: PeriodKind;
  period: string;
  periodText: string;
  previousPeriod: string;
  previousPeriodText: string;
  /** 6-digit division code of the region reported on, or null for the whole province. */
  region: string | null;
  /** '四川省', '成都市'. */
  scopeName: string;
  /** How the notice speaks of its scope: '全省', '全市', '全州', or the region's name. */
  scopeWord: string;
  issuer: string;
  title: string;
  /** When the notice was made (ISO). */
  issuedAt: string;
  rules: NoticeRule[];
  totals: PeriodTotals;
  /** The same totals over the automated values, before review and appeals. */
  automatedTotals: PeriodTotals;
  /** The findings of the notice's sites: how many were reviewed (复核), appealed (申诉), struck off (核减). */
  counts: AdjudicationCounts;
  /** The previous period over the same sites; null when it has no results. */
  previousTotals: PeriodTotals | null;
  newViolations: number;
  fixedViolations: number;
  sites: NoticeSite[];
  notInspected: { siteId: string; fullName: string; regionName: string }[];
  /** Per city-level region, for the province's notice; empty for a region's. */
  regions: RegionRow[];
}
