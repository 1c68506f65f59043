import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/periods/compare-results.ts';
import { previousPeriod } from '../../src/periods/period-names.ts';
import { buildPeriodReport } from '../../src/periods/period-report.ts';
import type { StoredResult } from '../../src/store/store.ts';
import { SITES, siteResult } from './support/fixtures.ts';

describe('previousPeriod', () => {
  it.each([
    ['2026Q1', '2025Q4'],
    ['2026Q2', '2026Q1'],
    ['2026Q4', '2026Q3'],
    ['2026H1', '2025H2'],
    ['2026H2', '2026H1'],
  ])('%s → %s', (period, previous) => expect(previousPeriod(period)).toBe(previous));

  it.each(['2026Q5', '2026H3', '2026', 'Q1', ''])('refuses %j', (period) => {
    expect(() => previousPeriod(period)).toThrow(/Not a period/);
  });
});

describe('compareResults', () => {
  const result = (fail: string[], review: string[] = []) => {
    const base = siteResult('cd-portal', fail);
    for (const check of base.checks) if (review.includes(check.ruleId)) check.outcome = 'review';
    return base;
  };

  it.each([
    { name: 'nothing changed', now: ['broken-links'], before: ['broken-links'], added: [], fixed: [] },
    {
      name: 'a new failure',
      now: ['broken-links', 'annual-report'],
      before: ['broken-links'],
      added: ['annual-report'],
      fixed: [],
    },
    { name: 'a fixed rule', now: [], before: ['archive-label'], added: [], fixed: ['archive-label'] },
    {
      name: 'both, in rule order',
      now: ['broken-links', 'header-full-name'],
      before: ['gazette-column'],
      added: ['header-full-name', 'broken-links'],
      fixed: ['gazette-column'],
    },
  ])('$name', ({ now, before, added, fixed }) => {
    expect(compareResults(result(now), result(before))).toEqual({
      newViolations: added,
      fixedViolations: fixed,
    });
  });

  it('counts every current failure as new when there is no previous result', () => {
    expect(compareResults(result(['annual-report']), undefined)).toEqual({
      newViolations: ['annual-report'],
      fixedViolations: [],
    });
  });

  it('does not call a rule fixed when it is now only undecided (review)', () => {
    const unreachable = result([], ['header-full-name', 'broken-links']);
    expect(compareResults(unreachable, result(['header-full-name', 'broken-links']))).toEqual({
      newViolations: [],
      fixedViolations: [],
    });
  });

  it('treats a failure after a review as new', () => {
    expect(compareResults(result(['annual-report']), result([], ['annual-report'])).newViolations).toEqual([
      'annual-report',
    ]);
  });
});

describe('buildPeriodReport', () => {
  const stored = (siteId: string, fail: string[], period: string, score?: number): StoredResult => ({
    sweepId: `sweep-${period}`,
    siteId,
    quarter: period,
    halfYear: `${period.slice(0, 4)}H1`,
    storedAt: '2026-05-10T00:00:00.000Z',
    result: siteResult(siteId, fail, score === undefined ? {} : { score }),
  });

  it('lists each site with its change, totals per city-level region, and the sites not inspected', () => {
    const report = buildPeriodReport({
      period: '2026Q2',
      sites: SITES,
      current: [
        stored('sc-portal', [], '2026Q2'),
        stored('cd-portal', ['annual-report', 'broken-links'], '2026Q2', 79.5),
        stored('cd-jinjiang', ['broken-links'], '2026Q2', 99),
      ],
      previous: [stored('cd-portal', ['broken-links', 'archive-label'], '2026Q1')],
    });
    expect(report.previousPeriod).toBe('2026Q1');
    expect(report.sites.map((s) => [s.siteId, s.region, s.newViolations, s.fixedViolations])).toEqual([
      ['sc-portal', '510000', [], []],
      ['cd-portal', '510100', ['annual-report'], ['archive-label']],
      ['cd-jinjiang', '510104', ['broken-links'], []],
    ]);
    expect(report.sites[1]?.previous).toEqual({
      sweepId: 'sweep-2026Q1',
      score: 80,
      storedAt: '2026-05-10T00:00:00.000Z',
    });
    expect(report.sites[0]?.previous).toBeNull();
    expect(report.notInspected).toEqual(['sc-fgw', 'my-portal']);
    expect(
      report.regions.map((r) => [r.region, r.sites, r.averageScore, r.newViolations, r.fixedViolations]),
    ).toEqual([
      ['5100', 1, 100, 0, 0],
      ['5101', 2, 89.25, 2, 1],
    ]);
    const chengdu = report.regions[1]!;
    expect(chengdu.rules.find((r) => r.ruleId === 'broken-links')).toEqual({
      ruleId: 'broken-links',
      pass: 0,
      fail: 2,
      review: 0,
      notApplicable: 0,
    });
    expect(chengdu.rules.find((r) => r.ruleId === 'annual-report')).toMatchObject({ pass: 1, fail: 1 });
  });
});
