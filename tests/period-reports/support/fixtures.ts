import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, Outcome } from '../../../checks/check.ts';
import { rateSite } from '../../../src/inspection/rating.ts';
import { scoreSite } from '../../../src/inspection/score.ts';
import type { Site } from '../../../src/registry/site.ts';
import type { SiteResult } from '../../../src/results.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { ResultsStore } from '../../../src/store/store.ts';

const RULES = ['header-full-name', 'gazette-column', 'archive-label', 'annual-report', 'broken-links'];
const GAZETTE_APPLIES = new Set(['sc-portal', 'cd-portal', 'my-portal', 'lz-portal']);

/** Text a site could carry, to see that every format escapes it. */
export const HOSTILE = '<script>alert("x")</script>';

const site = (
  id: string,
  fullName: string,
  level: Site['level'],
  kind: Site['kind'],
  region: string,
): Site => ({
  id,
  fullName,
  homepage: `http://127.0.0.1:9/${id}/`,
  level,
  kind,
  region,
  parent: null,
  archiveRoots: [],
});

/** Sichuan's portal and a department (5100), Chengdu (5101), Mianyang (5107), Luzhou (5105, never inspected). */
export const SITES: Site[] = [
  site('sc-portal', '四川省人民政府', 'province', 'portal', '510000'),
  site('sc-fgw', '四川省发展和改革委员会', 'province', 'department', '510000'),
  site('cd-portal', '成都市人民政府', 'city', 'portal', '510100'),
  site('cd-jinjiang', '成都市锦江区人民政府', 'county', 'portal', '510104'),
  site('my-portal', '绵阳市人民政府', 'city', 'portal', '510700'),
  site('my-youxian', `绵阳市游仙区人民政府${HOSTILE}`, 'county', 'portal', '510704'),
  site('lz-portal', '泸州市人民政府', 'city', 'portal', '510500'),
];

const byId = new Map(SITES.map((s) => [s.id, s]));

/** Broken links: `home` on the homepage, `other` on an inner page. */
export function brokenLinks(siteId: string, home: number, other: number): Finding[] {
  const homepage = byId.get(siteId)!.homepage;
  const link = (url: string, i: number): Finding => ({
    url,
    target: `${homepage}files/${i}.pdf`,
    status: 404,
    message: '附件链接失效：HTTP 404（页面不存在）。',
    evidence: { linkText: `附件${i}` },
  });
  return [
    ...Array.from({ length: home }, (_, i) => link(homepage, i)),
    ...Array.from({ length: other }, (_, i) => link(`${homepage}xxgk/index.html`, home + i)),
  ];
}

export function gazetteMissing(siteId: string, ...missing: string[]): Finding[] {
  return missing.map((service) => ({
    url: `${byId.get(siteId)!.homepage}zfgb/`,
    message: `“政府公报”专栏中没有找到${service}。`,
    evidence: { missing: service },
  }));
}

export const finding = (siteId: string, message: string): Finding[] => [
  { url: byId.get(siteId)!.homepage, message, evidence: {} },
];

/** A contract §3 result: the given rules fail with their findings, the rest pass (or do not apply). */
export function result(siteId: string, fails: Record<string, Finding[]> = {}): SiteResult {
  const registered = byId.get(siteId)!;
  const checks = RULES.map((ruleId) => {
    const findings = fails[ruleId];
    const outcome: Outcome = findings
      ? 'fail'
      : ruleId === 'gazette-column' && !GAZETTE_APPLIES.has(siteId)
        ? 'not-applicable'
        : 'pass';
    return { ruleId, outcome, findings: findings ?? [] };
  });
  return {
    siteId,
    status: 'done',
    pagesCrawled: 120,
    linksChecked: 860,
    score: scoreSite(checks, [registered.homepage]),
    checks,
    startedAt: '2026-11-05T02:00:00.000Z',
    finishedAt: '2026-11-05T02:03:00.000Z',
    durationMs: 180_000,
    fullName: registered.fullName,
    homepage: registered.homepage,
  };
}

export function unreachable(siteId: string): SiteResult {
  const base = result(siteId);
  return {
    ...base,
    status: 'unreachable',
    score: 0,
    pagesCrawled: 0,
    linksChecked: 0,
    reason: '首页无法访问：连接被拒绝（ECONNREFUSED）',
    checks: base.checks.map((check) => ({ ...check, outcome: 'review' as const })),
  };
}

export const STALE_HOMEPAGE_VETO = '首页信息超过2周未更新（网站不更新），按国家检查指标单项否决。';
export const UNREACHABLE_VETO =
  '首页无法访问的探测占100%（达到5%），属于“站点无法访问”，按全国政府网站检查指标单项否决，网站评为不合格。';

/**
 * A result rated as the inspection rates it (合格, or 未评定 when not inspected); with `veto`, the rule
 * fails with that single veto, which makes it 不合格 whatever its score.
 */
export function rated(base: SiteResult, veto?: { ruleId: string; reason: string }): SiteResult {
  const checks = veto
    ? [
        ...base.checks,
        {
          ruleId: veto.ruleId,
          outcome: 'fail' as const,
          findings: finding(base.siteId, `${veto.reason}（详见证据）`),
          singleVeto: veto.reason,
        },
      ]
    : base.checks;
  const score = base.status === 'done' ? scoreSite(checks, [base.homepage]) : base.score;
  return { ...base, checks, score, ...rateSite(base.status, checks) };
}

async function sweep(store: ResultsStore, id: string, now: string, results: SiteResult[]): Promise<void> {
  await store.sweeps.create({
    id,
    kind: 'quarterly-patrol',
    period: id,
    siteIds: results.map((r) => r.siteId),
    now,
    region: null,
    requestedBy: 'test',
  });
  for (const r of results) await store.results.record(id, r);
}

/**
 * 2026H1 (one half-year check), 2026Q3 and 2026Q4 (two quarterly patrols). In Q4 against Q3:
 * sc-fgw and my-youxian have a new violation each; sc-portal, cd-portal and my-portal fixed one each;
 * cd-jinjiang became unreachable; lz-portal was never inspected. These results were stored before
 * ratings existed. 2027Q1's are rated: sc-portal (stale homepage) and cd-jinjiang (unreachable) are
 * 不合格 by a single veto, cd-portal and my-portal 合格; sc-fgw's result carries no rating.
 */
export async function seed(store: ResultsStore): Promise<void> {
  await store.sites.replaceAll(SITES);
  await sweep(store, 'h1', '2026-05-20T02:00:00Z', [
    result('cd-portal', { 'broken-links': brokenLinks('cd-portal', 1, 0) }),
    result('sc-fgw'),
  ]);
  await sweep(store, 'q3', '2026-08-05T02:00:00Z', [
    result('sc-portal', {
      'gazette-column': gazetteMissing('sc-portal', '内容检索'),
      'broken-links': brokenLinks('sc-portal', 1, 1),
    }),
    result('sc-fgw'),
    result('cd-portal', {
      'broken-links': brokenLinks('cd-portal', 0, 3),
      'annual-report': finding('cd-portal', '首页没有2025年度政府网站工作年度报表的链接。'),
    }),
    result('cd-jinjiang'),
    result('my-portal', { 'header-full-name': finding('my-portal', '头部标识区域没有展示网站全称。') }),
  ]);
  await sweep(store, 'q4', '2026-11-05T02:00:00Z', [
    result('sc-portal', { 'gazette-column': gazetteMissing('sc-portal', '内容检索', '文件下载') }),
    result('sc-fgw', {
      'archive-label': [
        ...finding('sc-fgw', '归档页面未注明“已归档”和归档时间。'),
        ...finding('sc-fgw', '归档页面未注明“已归档”和归档时间。'),
      ],
    }),
    result('cd-portal', { 'broken-links': brokenLinks('cd-portal', 3, 9) }),
    unreachable('cd-jinjiang'),
    result('my-portal'),
    result('my-youxian', {
      'header-full-name': finding('my-youxian', `头部显示的名称“游仙${HOSTILE}”与注册全称不一致。`),
    }),
  ]);
  await sweep(store, 'q1-2027', '2027-02-05T02:00:00Z', [
    rated(result('sc-portal'), { ruleId: 'content-freshness', reason: STALE_HOMEPAGE_VETO }),
    result('sc-fgw'),
    rated(result('cd-portal', { 'broken-links': brokenLinks('cd-portal', 0, 2) })),
    rated(unreachable('cd-jinjiang'), { ruleId: 'homepage-availability', reason: UNREACHABLE_VETO }),
    rated(result('my-portal')),
  ]);
}

/** The embedded store in a fresh directory, seeded; removed when closed. */
export async function seededStore(): Promise<ResultsStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gov-inspect-period-'));
  const store = await openStore({ dataDir });
  await seed(store);
  return {
    ...store,
    close: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
