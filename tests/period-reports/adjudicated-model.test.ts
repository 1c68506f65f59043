import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderNoticeCsv } from '../../reports/period/notice-csv.ts';
import { renderNoticeHtml } from '../../reports/period/notice-html.ts';
import { adjudicateWith } from '../../src/adjudication/adjudicated-view.ts';
import type { FindingAction } from '../../src/adjudication/types.ts';
import { adjudicatedPeriodReport } from '../../src/period-reports/adjudicated-period.ts';
import { buildNoticeModel } from '../../src/period-reports/build-notice-model.ts';
import type { NoticeModel } from '../../src/period-reports/notice-model.ts';
import type { SiteResult } from '../../src/results.ts';
import type { StoredResult } from '../../src/store/store.ts';
import { action } from '../adjudication/support.ts';
import { brokenLinks, finding, rated, result, SITES, STALE_HOMEPAGE_VETO } from './support/fixtures.ts';

/** A stored Q4 result whose findings have ids `<site>/<rule>/<n>` and one evidence digest. */
function stored(base: SiteResult): StoredResult {
  const checks = base.checks.map((check) => ({
    ...check,
    findings: check.findings.map((f, i) => ({
      ...f,
      id: `${base.siteId}/${check.ruleId}/${i}`,
      evidenceDigest: 'd1',
    })),
  }));
  return {
    sweepId: 'sweep-q4',
    siteId: base.siteId,
    quarter: '2026Q4',
    halfYear: '2026H2',
    storedAt: '2026-11-05T02:05:00.000Z',
    result: { ...base, checks },
  };
}

/** An appeal or decision on finding `n` of a site's rule. */
const on = (siteId: string, ruleId: string, what: FindingAction['what'], n = 0) =>
  action({ findingId: `${siteId}/${ruleId}/${n}`, siteId, ruleId, what });

const REVIEW: SiteResult = (() => {
  const base = rated(result('my-portal'));
  return {
    ...base,
    checks: base.checks.map((check) =>
      check.ruleId === 'header-full-name'
        ? {
            ...check,
            outcome: 'review' as const,
            findings: finding('my-portal', '网站全称只以图片展示，需人工确认。'),
          }
        : check,
    ),
  };
})();

const RESULTS = [
  stored(
    rated(
      result('cd-portal', { 'annual-report': finding('cd-portal', '首页没有2025年度工作年度报表的链接。') }),
    ),
  ),
  stored(rated(result('cd-jinjiang', { 'broken-links': brokenLinks('cd-jinjiang', 3, 0) }))),
  stored(rated(result('sc-portal'), { ruleId: 'content-freshness', reason: STALE_HOMEPAGE_VETO })),
  stored(REVIEW),
];

function notice(actions: FindingAction[]): NoticeModel {
  const current = adjudicateWith(RESULTS, actions);
  const sites = SITES.filter((site) => RESULTS.some((r) => r.siteId === site.id));
  return buildNoticeModel({
    kind: 'quarterly',
    current: adjudicatedPeriodReport({ period: '2026Q4', sites, current, previous: [] }),
    previousReport: adjudicatedPeriodReport({ period: '2026Q3', sites, current: [], previous: [] }).decided,
    sites,
    region: null,
    issuedAt: new Date('2026-12-20T02:00:00Z'),
  });
}

const site = (model: NoticeModel, id: string) => model.sites.find((s) => s.siteId === id)!;
const row = (model: NoticeModel, id: string) => {
  const rows: string[][] = parse(renderNoticeCsv(model).slice(1));
  const header = rows[0]!;
  const values = rows.find((r) => r[1] === id)!;
  return Object.fromEntries(header.map((name, i) => [name, values[i]]));
};

describe('the notice with decisions applied', () => {
  const untouched = notice([]);

  it('without decisions is the automated notice: nothing beside the values, every finding open', () => {
    expect(untouched.sites.map((s) => s.automated)).toEqual([null, null, null, null]);
    expect(untouched.totals).toEqual(untouched.automatedTotals);
    expect(untouched.counts).toMatchObject({ findings: 6, open: 6, reviewed: 0, appealed: 0, struckOff: 0 });
    expect(site(untouched, 'cd-portal').violations.map((v) => v.ruleId)).toEqual(['annual-report']);
    const html = renderNoticeHtml(untouched);
    expect(html).toContain('自动检测共发现问题 6 条，经人工复核 0 条');
    expect(html).not.toContain('以下问题予以核减');
    expect(html).not.toContain('核减前');
  });

  it.each([
    {
      name: 'an overturned failing finding is struck off: no problem, the score back, the automated one beside it',
      actions: [on('cd-portal', 'annual-report', 'overturned')],
      siteId: 'cd-portal',
      expected: {
        score: 100,
        automated: { score: 90, qualified: true },
        violations: [],
        struckOff: [{ ruleId: 'annual-report', findings: 1 }],
        counts: { reviewed: 1, overturned: 1, struckOff: 1 },
      },
    },
    {
      name: 'one broken link of three struck off: two listed, one point back',
      actions: [on('cd-jinjiang', 'broken-links', 'overturned', 1)],
      siteId: 'cd-jinjiang',
      expected: {
        score: 98,
        automated: { score: 97, qualified: true },
        violations: [{ ruleId: 'broken-links', summary: '失效链接 2 条（其中首页 2 条）' }],
        struckOff: [{ ruleId: 'broken-links', findings: 1 }],
        counts: { reviewed: 1, struckOff: 1 },
      },
    },
    {
      name: 'an upheld review finding is a problem and costs its points',
      actions: [on('my-portal', 'header-full-name', 'upheld')],
      siteId: 'my-portal',
      expected: {
        score: 90,
        automated: { score: 100, qualified: true },
        violations: [{ ruleId: 'header-full-name', summary: '网站全称只以图片展示，需人工确认' }],
        struckOff: [],
        counts: { reviewed: 1, upheld: 1, struckOff: 0 },
      },
    },
    {
      name: 'a dismissed review finding: the rule passes, nothing struck off (it never failed)',
      actions: [on('my-portal', 'header-full-name', 'overturned')],
      siteId: 'my-portal',
      expected: {
        score: 100,
        automated: null,
        violations: [],
        struckOff: [],
        counts: { overturned: 1, struckOff: 0 },
      },
    },
    {
      name: 'the single veto overturned: 合格, no veto, the automated 不合格 beside it',
      actions: [on('sc-portal', 'content-freshness', 'overturned')],
      siteId: 'sc-portal',
      expected: {
        qualified: true,
        vetoes: [],
        automated: { score: 90, qualified: false },
        violations: [],
        counts: { struckOff: 1 },
      },
    },
    {
      name: 'an appeal awaiting its answer changes nothing yet, and is counted',
      actions: [on('cd-portal', 'annual-report', 'appeal')],
      siteId: 'cd-portal',
      expected: {
        score: 90,
        automated: null,
        violations: [{ ruleId: 'annual-report' }],
        counts: { appealed: 1, appealsPending: 1, reviewed: 0 },
      },
    },
    {
      name: 'an appeal answered by 核减: appealed and struck off',
      actions: [on('cd-portal', 'annual-report', 'appeal'), on('cd-portal', 'annual-report', 'overturned')],
      siteId: 'cd-portal',
      expected: {
        score: 100,
        violations: [],
        counts: { appealed: 1, appealsPending: 0, reviewed: 1, struckOff: 1 },
      },
    },
  ])('$name', ({ actions, siteId, expected }) => {
    const model = notice(actions);
    const { counts, violations, struckOff, ...rest } = expected as Record<string, unknown> & {
      counts: object;
      violations: object[];
      struckOff?: object[];
    };
    expect(site(model, siteId)).toMatchObject(rest);
    expect(site(model, siteId).violations).toMatchObject(violations);
    if (struckOff) expect(site(model, siteId).struckOff).toMatchObject(struckOff);
    expect(site(model, siteId).counts).toMatchObject(counts);
    expect(model.counts).toMatchObject(counts);
  });

  it('counts the decided totals, keeps the automated ones beside them, and says so in every format', () => {
    const model = notice([
      on('cd-portal', 'annual-report', 'appeal'),
      on('cd-portal', 'annual-report', 'overturned'),
      on('sc-portal', 'content-freshness', 'overturned'),
      on('my-portal', 'header-full-name', 'upheld'),
    ]);
    expect(model.totals).toMatchObject({ violatingSites: 2, violations: 2, unqualifiedSites: 0 });
    expect(model.automatedTotals).toMatchObject({ violatingSites: 3, violations: 3, unqualifiedSites: 1 });
    expect(model.counts).toMatchObject({
      findings: 6,
      reviewed: 3,
      upheld: 1,
      overturned: 2,
      appealed: 1,
      struckOff: 2,
    });

    const html = renderNoticeHtml(model);
    expect(html).toContain(
      '自动检测共发现问题 6 条，经人工复核 3 条（维持 1 条、核减或撤销 2 条），网站主办单位提出申诉 1 条，核减问题 2 条',
    );
    expect(html).toContain('核减前自动检测结果：平均得分');
    expect(html).toContain('不合格网站 1 个');
    expect(html).toMatch(
      /经人工复核和申诉核实，以下问题予以核减[\s\S]*成都市人民政府：“首页发布政府网站工作年度报表”1 条/,
    );
    // The upheld review finding is in the problem table, with the automated score beside the decided one.
    expect(html).toMatch(/绵阳市人民政府<\/td>[\s\S]*?90<br><small class="automated">自动 100<\/small>/);
    expect(html).toContain('未定稿');

    expect(row(model, 'sc-portal')).toMatchObject({ 评定: '合格', 自动检测评定: '不合格', 核减问题数: '1' });
    expect(row(model, 'cd-portal')).toMatchObject({
      得分: '100',
      自动检测得分: '90',
      申诉问题数: '1',
      复核问题数: '1',
    });
  });

  it('shows a finalised notice’s version, date and content hash under its title', () => {
    const html = renderNoticeHtml(untouched, {
      version: 2,
      finalisedAt: '2026-12-21T02:00:00Z',
      contentHash: 'ab'.repeat(32),
    });
    expect(html).toContain(
      `定稿第 2 版 · 2026年12月21日定稿 · 内容校验码（SHA-256）：<code>${'ab'.repeat(32)}</code>`,
    );
    expect(html).not.toContain('未定稿');
  });
});
