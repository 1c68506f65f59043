import { stringify } from 'yaml';
import type { Site } from '../../../src/registry/site.ts';
import type { SiteResult } from '../../../src/results.ts';
import { RULE_IDS } from './rule-ids.ts';

const site = (
  id: string,
  level: Site['level'],
  kind: Site['kind'],
  region: string,
  parent: string | null = null,
): Site => ({
  id,
  fullName: `${id} 人民政府`,
  homepage: `http://127.0.0.1:9/${id}/`,
  level,
  kind,
  region,
  parent,
  archiveRoots: [],
});

/** Sichuan (5100), Chengdu (5101, with a Jinjiang district site) and Mianyang (5107). */
export const SITES: Site[] = [
  site('sc-portal', 'province', 'portal', '510000'),
  site('sc-fgw', 'province', 'department', '510000', 'sc-portal'),
  site('cd-portal', 'city', 'portal', '510100'),
  site('cd-jinjiang', 'county', 'portal', '510104'),
  site('my-portal', 'city', 'portal', '510700'),
];

export const CHENGDU_SITES = ['cd-portal', 'cd-jinjiang'];

export function sitesYaml(sites: readonly Site[] = SITES): string {
  return stringify({ sites });
}

/** A contract §3 site object failing `fail` and passing the other rules. */
export function siteResult(
  siteId: string,
  fail: readonly string[] = [],
  extra: Partial<SiteResult> = {},
): SiteResult {
  return {
    siteId,
    status: 'done',
    pagesCrawled: 10,
    linksChecked: 40,
    score: Math.max(0, 100 - 10 * fail.length),
    checks: RULE_IDS.map((ruleId) => ({
      ruleId,
      outcome: fail.includes(ruleId) ? 'fail' : 'pass',
      findings: fail.includes(ruleId)
        ? [{ url: `http://127.0.0.1:9/${siteId}/`, message: '未通过', evidence: { selector: 'header' } }]
        : [],
    })),
    startedAt: '2026-05-10T01:00:00.000Z',
    finishedAt: '2026-05-10T01:01:00.000Z',
    durationMs: 60_000,
    fullName: `${siteId} 人民政府`,
    homepage: `http://127.0.0.1:9/${siteId}/`,
    ...extra,
  };
}
