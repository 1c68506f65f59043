import { describe, expect, it } from 'vitest';
import { adjudicatedPeriod, periodFindings } from '../../src/adjudication/adjudicated-view.ts';
import type { SiteResult } from '../../src/results.ts';
import type { Actor } from '../../src/store/store.ts';
import { BACKENDS, newSweep, site, siteResult, useBackend } from '../store/backends.ts';

const PROVINCE: Actor = { name: '省政府办公厅', role: 'province', region: null, tokenId: null };
const CHENGDU: Actor = { name: '成都市政府办公厅', role: 'city', region: '510100', tokenId: null };

/** A result on `day` failing annual-report (the year asked for as evidence) and header-full-name. */
function result(siteId: string, day: string, reportYear = 2025): SiteResult {
  const url = `http://127.0.0.1:1/${siteId}/`;
  return {
    ...siteResult(siteId, 'done', 80),
    checks: [
      {
        ruleId: 'header-full-name',
        outcome: 'fail',
        findings: [{ url, message: '头部显示简称', evidence: { shownName: { text: '成都市政府' } } }],
      },
      {
        ruleId: 'annual-report',
        outcome: 'fail',
        findings: [{ url, message: '没有报表', evidence: { expectedYears: [reportYear], today: day } }],
      },
    ],
    startedAt: `${day}T02:00:00.000Z`,
    finishedAt: `${day}T02:01:00.000Z`,
  };
}

describe.each(BACKENDS)('the adjudicated view on the $name store', ({ name }) => {
  const backend = useBackend(name);

  async function sweep(id: string, day: string, results: SiteResult[]) {
    await backend.store.sweeps.create(
      newSweep(
        id,
        results.map((r) => r.siteId),
        `${day}T02:00:00.000Z`,
      ),
    );
    for (const r of results) await backend.store.results.record(id, r);
  }
  const annualReport = async (period: string, siteId = 'chengdu') =>
    (await periodFindings(backend.store, period, { siteId, ruleId: 'annual-report' }))[0]!;

  it('applies a decision, carries it forward while the evidence holds, reopens it when it changes or expires', async () => {
    const { store } = backend;
    await store.sites.replaceAll([site('chengdu'), site('mianyang', { region: '510700' })]);
    await sweep('q4', '2026-11-15', [result('chengdu', '2026-11-15'), result('mianyang', '2026-11-15')]);
    const finding = await annualReport('2026Q4');
    expect(finding).toMatchObject({
      siteId: 'chengdu',
      ruleId: 'annual-report',
      outcome: 'fail',
      state: 'open',
    });

    await store.adjudication.appeal({
      finding: { id: finding.id },
      reason: '报表在信息公开栏目',
      by: CHENGDU,
      at: new Date('2026-11-20T02:00:00Z'),
    });
    expect(await annualReport('2026Q4')).toMatchObject({
      state: 'appealed',
      appeal: { who: '成都市政府办公厅' },
    });
    await store.adjudication.decide({
      findings: [{ id: finding.id }],
      verdict: 'overturned',
      reason: '核实有报表',
      by: PROVINCE,
      at: new Date('2026-11-25T02:00:00Z'),
    });

    const [q4] = await adjudicatedPeriod(store, '2026Q4');
    expect(q4!.result.score).toBe(80);
    expect(q4!.result.adjudicated).toMatchObject({
      score: 90,
      checks: [
        { ruleId: 'header-full-name', outcome: 'fail' },
        { ruleId: 'annual-report', outcome: 'pass' },
      ],
      counts: { findings: 2, open: 1, appealed: 1, reviewed: 1, overturned: 1, struckOff: 1 },
    });
    expect(q4!.findings[1]).toMatchObject({
      state: 'overturned',
      adjudicatedOutcome: 'pass',
      decision: { what: 'overturned', until: '2027-03-31', inForce: true, carriedForward: false },
    });

    // The next quarter's patrol of the unchanged site: the decision carries, no new review.
    await sweep('q1', '2027-02-01', [result('chengdu', '2027-02-01')]);
    expect(await annualReport('2027Q1')).toMatchObject({
      id: finding.id,
      evidenceDigest: finding.evidenceDigest,
      state: 'overturned',
      decision: { inForce: true, carriedForward: true },
    });

    // An ad-hoc sweep after the page changed (another year's report now due): open again, the decision beside it.
    await sweep('q1-later', '2027-03-10', [result('chengdu', '2027-03-10', 2026)]);
    const reopened = await annualReport('2027Q1');
    expect(reopened).toMatchObject({
      id: finding.id,
      state: 'open',
      decision: { what: 'overturned', inForce: false },
    });
    expect(reopened.evidenceDigest).not.toBe(finding.evidenceDigest);

    // Past its until, even on the evidence it was made on.
    await sweep('q2', '2027-05-01', [result('chengdu', '2027-05-01')]);
    expect(await annualReport('2027Q2')).toMatchObject({ state: 'open', decision: { inForce: false } });
    // The quarter it was made in still reads as decided.
    expect((await annualReport('2026Q4')).state).toBe('overturned');
  });

  it('filters the findings of a period by state, rule, region, site and reach', async () => {
    const { store } = backend;
    await store.sites.replaceAll([
      site('chengdu'),
      site('jinjiang', { region: '510104' }),
      site('mianyang', { region: '510700' }),
    ]);
    await sweep(
      'q4',
      '2026-11-15',
      ['chengdu', 'jinjiang', 'mianyang', 'removed'].map((id) => result(id, '2026-11-15')),
    );
    const ids = async (filter: Parameters<typeof periodFindings>[2]) =>
      (await periodFindings(store, '2026Q4', filter)).map((f) => `${f.siteId}:${f.ruleId}`);
    const header = (
      await periodFindings(store, '2026Q4', { siteId: 'mianyang', ruleId: 'header-full-name' })
    )[0]!;
    await store.adjudication.decide({
      findings: [{ id: header.id }],
      verdict: 'upheld',
      reason: '属实',
      by: PROVINCE,
      at: new Date('2026-11-25T02:00:00Z'),
    });

    // A site no longer in the registry is left out, as period results leave it out.
    expect(await ids({})).toHaveLength(6);
    expect(await ids({ region: '510100' })).toEqual([
      'chengdu:header-full-name',
      'chengdu:annual-report',
      'jinjiang:header-full-name',
      'jinjiang:annual-report',
    ]);
    expect(await ids({ region: '510104', ruleId: 'annual-report' })).toEqual(['jinjiang:annual-report']);
    expect(await ids({ state: 'upheld' })).toEqual(['mianyang:header-full-name']);
    expect(await ids({ state: 'open', siteId: 'mianyang' })).toEqual(['mianyang:annual-report']);
    expect(await ids({ reach: (s) => s.region.startsWith('5107') })).toEqual([
      'mianyang:header-full-name',
      'mianyang:annual-report',
    ]);
    expect(await periodFindings(store, '2027Q1')).toEqual([]);
  });
});
