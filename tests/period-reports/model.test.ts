import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.ts';
import { regionContains } from '../../src/access/region.ts';
import { loadPeriodReport } from '../../src/period-reports/load-period-report.ts';
import type { Site } from '../../src/registry/site.ts';
import type { ResultsStore } from '../../src/store/store.ts';
import { STALE_HOMEPAGE_VETO, seededStore, UNREACHABLE_VETO } from './support/fixtures.ts';

let store: ResultsStore;
beforeAll(async () => {
  store = await seededStore();
});
afterAll(() => store.close());

const everywhere = () => true;
const now = new Date('2026-12-01T02:00:00Z');
const quarterly = (period: string, region?: string, reach: (site: Site) => boolean = everywhere) =>
  loadPeriodReport(store, { kind: 'quarterly', period, reach, now, ...(region ? { region } : {}) });

describe('loadPeriodReport', () => {
  it('totals the province over each site’s latest result of the quarter', async () => {
    const model = await quarterly('2026Q4');
    expect(model.title).toBe('四川省人民政府办公厅关于2026年第四季度全省政府网站抽查情况的通报');
    expect(model.totals).toMatchObject({
      inspected: 6,
      notInspected: 1,
      unreachable: 1,
      errors: 0,
      averageScore: 77.68,
      violatingSites: 4,
      violations: 4,
    });
    expect(model.notInspected).toEqual([
      { siteId: 'lz-portal', fullName: '泸州市人民政府', regionName: '泸州市' },
    ]);
    const rates = Object.fromEntries(
      model.totals.rules.map((r) => [r.ruleId, [r.pass, r.fail, r.review, r.notApplicable]]),
    );
    expect(rates).toEqual({
      'header-full-name': [4, 1, 1, 0],
      'gazette-column': [2, 1, 1, 2],
      'archive-label': [4, 1, 1, 0],
      'annual-report': [5, 0, 1, 0],
      'broken-links': [4, 1, 1, 0],
      // Rules added after these results were stored: listed, with no outcome to count.
      ...Object.fromEntries(CHECKS.slice(5).map(({ meta }) => [meta.id, [0, 0, 0, 0]])),
    });
    // 通过 ÷ (通过 + 不通过): the unreachable site's reviews are left out.
    expect(model.totals.rules.find((r) => r.ruleId === 'gazette-column')?.passRate).toBeCloseTo(2 / 3);
    expect(model.totals.rules.find((r) => r.ruleId === 'annual-report')?.passRate).toBe(1);
  });

  it('names each violation with the rule’s title and its key facts', async () => {
    const model = await quarterly('2026Q4');
    const violations = Object.fromEntries(
      model.sites.map((s) => [s.siteId, s.violations.map((v) => [v.title, v.summary, v.isNew])]),
    );
    expect(violations['sc-portal']).toEqual([['“政府公报”专栏', '缺少内容检索、文件下载', false]]);
    expect(violations['cd-portal']).toEqual([['无失效链接', '失效链接 12 条（其中首页 3 条）', false]]);
    expect(violations['sc-fgw']).toEqual([
      ['归档网页注明“已归档”和归档时间', '归档页面未注明“已归档”和归档时间（共 2 处）', true],
    ]);
    expect(model.sites.find((s) => s.siteId === 'cd-jinjiang')).toMatchObject({
      status: 'unreachable',
      score: 0,
      reason: '首页无法访问：连接被拒绝（ECONNREFUSED）',
      violations: [],
    });
  });

  it('rates each site beside its score: 不合格 with the vetoing rule and why, counted in the totals', async () => {
    const model = await quarterly('2027Q1');
    const ratings = Object.fromEntries(model.sites.map((s) => [s.siteId, [s.qualified, s.vetoes]]));
    const freshness = CHECKS.find(({ meta }) => meta.id === 'content-freshness')!.meta.title;
    const availability = CHECKS.find(({ meta }) => meta.id === 'homepage-availability')!.meta.title;
    expect(ratings).toEqual({
      'sc-portal': [false, [{ ruleId: 'content-freshness', title: freshness, reason: STALE_HOMEPAGE_VETO }]],
      // Stored without a rating: not rated.
      'sc-fgw': [null, []],
      'cd-portal': [true, []],
      'cd-jinjiang': [
        false,
        [{ ruleId: 'homepage-availability', title: availability, reason: UNREACHABLE_VETO }],
      ],
      'my-portal': [true, []],
    });
    // The stale homepage costs its 10 points too, but the rating does not depend on them.
    expect(model.sites.find((s) => s.siteId === 'sc-portal')?.score).toBe(90);
    expect(model.totals.unqualifiedSites).toBe(2);
    expect(model.regions.map((r) => [r.name, r.unqualifiedSites])).toEqual([
      ['省本级', 1],
      ['成都市', 1],
      ['绵阳市', 0],
    ]);
    expect(model.previousTotals?.unqualifiedSites).toBe(0);
    expect((await quarterly('2026Q4')).sites.every((s) => s.qualified === null)).toBe(true);
  });

  it('compares with the previous quarter: new and fixed violations, score change', async () => {
    const model = await quarterly('2026Q4');
    expect(model.previousPeriod).toBe('2026Q3');
    expect(model.previousTotals).toMatchObject({ inspected: 5, averageScore: 93.72, violatingSites: 3 });
    expect(model.newViolations).toBe(2);
    expect(model.fixedViolations).toBe(3);
    const changes = Object.fromEntries(
      model.sites.map((s) => [s.siteId, [s.previousScore, s.score, s.newViolations, s.fixedViolations]]),
    );
    expect(changes).toEqual({
      'sc-portal': [88.9, 90, [], ['broken-links']],
      'sc-fgw': [100, 90, ['archive-label'], []],
      'cd-portal': [89.7, 96.1, [], ['annual-report']],
      'cd-jinjiang': [100, 0, [], []],
      'my-portal': [90, 100, [], ['header-full-name']],
      'my-youxian': [null, 90, ['header-full-name'], []],
    });
  });

  it('breaks the province down per city-level region', async () => {
    const model = await quarterly('2026Q4');
    expect(
      model.regions.map((r) => [
        r.name,
        r.sites,
        r.averageScore,
        r.violatingSites,
        r.newViolations,
        r.fixedViolations,
      ]),
    ).toEqual([
      ['省本级', 2, 90, 2, 1, 1],
      ['成都市', 2, 48.05, 1, 0, 1],
      ['绵阳市', 2, 95, 1, 1, 1],
    ]);
  });

  it('covers one region only, within the reader’s reach', async () => {
    const chengdu = (site: Site) => regionContains('510100', site.region);
    const model = await quarterly('2026Q4', '510100', chengdu);
    expect(model.title).toBe('成都市人民政府办公厅关于2026年第四季度全市政府网站抽查情况的通报');
    expect(model.sites.map((s) => s.siteId)).toEqual(['cd-portal', 'cd-jinjiang']);
    expect(model.totals).toMatchObject({
      inspected: 2,
      unreachable: 1,
      averageScore: 48.05,
      notInspected: 0,
    });
    expect(model.regions).toEqual([]);
    // A province reader asking for Mianyang sees Mianyang only; a reach narrower than the region narrows it.
    expect((await quarterly('2026Q4', '510700')).sites.map((s) => s.siteId)).toEqual([
      'my-portal',
      'my-youxian',
    ]);
    expect((await quarterly('2026Q4', '510700', chengdu)).sites).toEqual([]);
  });

  it('makes the half-year check’s notice against the half-year before', async () => {
    const model = await loadPeriodReport(store, {
      kind: 'semiannual',
      period: '2026H2',
      reach: everywhere,
      now,
    });
    expect(model.title).toBe('四川省人民政府办公厅关于2026年下半年全省政府网站检查情况的通报');
    expect(model.previousPeriod).toBe('2026H1');
    // The half-year check covers city governments and provincial departments (clause 4.6.1).
    expect(model.totals.inspected).toBe(3);
    expect(model.sites.map((s) => s.siteId).sort()).toEqual(['cd-portal', 'my-portal', 'sc-fgw']);
    expect(model.previousTotals).toMatchObject({ inspected: 2, violatingSites: 1 });
    expect(model.sites.find((s) => s.siteId === 'cd-portal')?.previousScore).toBe(99);
  });

  it('says so when the previous period has no results, and refuses a period of the wrong kind', async () => {
    const model = await quarterly('2026Q2');
    expect(model.previousTotals).toBeNull();
    expect(model.sites.find((s) => s.siteId === 'cd-portal')?.newViolations).toEqual(['broken-links']);
    await expect(quarterly('2026H2')).rejects.toThrow(/Not a quarterly period/);
  });
});
