import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SweepKind } from '../../src/store/store.ts';
import { halfYearOf, quarterOf } from '../../src/sweep/period.ts';
import { type ApiFixture, apiFixture, type Role } from './support/api-fixture.ts';
import { SITES, siteResult, sitesYaml } from './support/fixtures.ts';

let api: ApiFixture;

/** Records a finished sweep whose "today" is `now`, with the given failing rules per site. */
async function sweep(id: string, kind: SweepKind, now: string, fails: Record<string, string[]>) {
  await api.store.sweeps.create({
    id,
    kind,
    period: kind === 'semiannual-check' ? halfYearOf(new Date(now)) : quarterOf(new Date(now)),
    siteIds: Object.keys(fails),
    now,
    region: null,
    requestedBy: 'test',
  });
  for (const [siteId, fail] of Object.entries(fails))
    await api.store.results.record(id, siteResult(siteId, fail));
}

beforeAll(async () => {
  api = await apiFixture();
  await sweep('h2-2025', 'semiannual-check', '2025-11-10T02:00:00Z', { 'cd-portal': [], 'my-portal': [] });
  await sweep('q1', 'quarterly-patrol', '2026-02-10T02:00:00Z', {
    'sc-portal': [],
    'sc-fgw': ['header-full-name'],
    'cd-portal': ['broken-links', 'archive-label'],
    'cd-jinjiang': [],
    'my-portal': ['annual-report'],
  });
  await sweep('q2-a', 'quarterly-patrol', '2026-04-10T02:00:00Z', {
    'cd-portal': ['broken-links', 'annual-report'],
    'my-portal': [],
    'cd-jinjiang': ['broken-links'],
  });
  await sweep('q2-b', 'adhoc', '2026-05-10T02:00:00Z', { 'cd-portal': ['broken-links', 'header-full-name'] });
});
afterAll(() => api.close());

const get = async (role: Role, url: string) => {
  const response = await api.as(role, { method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
type SiteEntry = { siteId: string; sweepId: string; newViolations: string[]; fixedViolations: string[] };
const changes = (body: { sites: SiteEntry[] }) =>
  Object.fromEntries(body.sites.map((s) => [s.siteId, [s.sweepId, s.newViolations, s.fixedViolations]]));

describe('GET /results/quarterly/:period', () => {
  it('gives each site its latest result of the quarter, with new and fixed violations against the quarter before', async () => {
    const body = await get('province', '/api/v1/results/quarterly/2026Q2');
    expect(body.period).toBe('2026Q2');
    expect(body.previousPeriod).toBe('2026Q1');
    expect(changes(body)).toEqual({
      'cd-portal': ['q2-b', ['header-full-name'], ['archive-label']],
      'cd-jinjiang': ['q2-a', ['broken-links'], []],
      'my-portal': ['q2-a', [], ['annual-report']],
    });
    expect(body.notInspected).toEqual(['sc-portal', 'sc-fgw']);
    const cd = body.sites.find((s: SiteEntry) => s.siteId === 'cd-portal');
    // The contract §3 site object, whole.
    expect(cd).toMatchObject({ status: 'done', pagesCrawled: 10, linksChecked: 40, score: 80 });
    expect(cd.checks.map((c: { ruleId: string }) => c.ruleId)).toHaveLength(5);
    expect(cd.checks[0].findings[0]).toMatchObject({ message: '未通过', evidence: { selector: 'header' } });
    expect(cd.previous).toMatchObject({ sweepId: 'q1', score: 80 });
  });

  it('totals per city-level region', async () => {
    const body = await get('province', '/api/v1/results/quarterly/2026Q2');
    expect(
      body.regions.map((r: { region: string; sites: number; averageScore: number }) => [
        r.region,
        r.sites,
        r.averageScore,
      ]),
    ).toEqual([
      ['5101', 2, 85],
      ['5107', 1, 100],
    ]);
    const chengdu = body.regions[0];
    expect(chengdu.rules.find((r: { ruleId: string }) => r.ruleId === 'broken-links')).toMatchObject({
      pass: 0,
      fail: 2,
    });
    expect(chengdu.rules.find((r: { ruleId: string }) => r.ruleId === 'header-full-name')).toMatchObject({
      pass: 1,
      fail: 1,
    });
    expect([chengdu.newViolations, chengdu.fixedViolations]).toEqual([2, 1]);
  });

  it('compares across the year boundary (2026Q1 against 2025Q4)', async () => {
    const body = await get('province', '/api/v1/results/quarterly/2026Q1');
    expect(body.previousPeriod).toBe('2025Q4');
    expect(changes(body)['cd-portal']).toEqual(['q1', ['archive-label', 'broken-links'], []]);
    expect(changes(body)['my-portal']).toEqual(['q1', ['annual-report'], []]);
  });

  it('shows a city token only its region', async () => {
    const body = await get('cityIn', '/api/v1/results/quarterly/2026Q2');
    expect(Object.keys(changes(body))).toEqual(['cd-portal', 'cd-jinjiang']);
    expect(body.regions.map((r: { region: string }) => r.region)).toEqual(['5101']);
    expect(body.notInspected).toEqual([]);
  });

  it('answers an empty period with no sites and every site not inspected', async () => {
    const body = await get('province', '/api/v1/results/quarterly/2024Q3');
    expect(body.sites).toEqual([]);
    expect(body.regions).toEqual([]);
    expect(body.notInspected).toHaveLength(5);
  });
});

describe('GET /results/semiannual/:period', () => {
  it('compares the half-year’s latest results with the half-year before, over the sites the half-year check covers', async () => {
    const body = await get('province', '/api/v1/results/semiannual/2026H1');
    expect(body.previousPeriod).toBe('2025H2');
    // Clause 4.6.1: city governments and provincial departments; the provincial portal and counties are patrolled quarterly.
    expect(changes(body)).toEqual({
      'sc-fgw': ['q1', ['header-full-name'], []],
      'cd-portal': ['q2-b', ['header-full-name', 'broken-links'], []],
      'my-portal': ['q2-a', [], []],
    });
  });
});

describe('GET /sites/:id and /sites/:id/results', () => {
  it('gives a site with its latest result, and its results newest first', async () => {
    const one = await get('cityIn', '/api/v1/sites/cd-portal');
    expect(one.site.region).toBe('510100');
    expect(one.latestResult).toMatchObject({ sweepId: 'q2-b', quarter: '2026Q2', halfYear: '2026H1' });
    const all = await get('cityIn', '/api/v1/sites/cd-portal/results');
    expect(all.results.map((r: { sweepId: string }) => r.sweepId)).toEqual(['q2-b', 'q2-a', 'q1', 'h2-2025']);
    const two = await get('cityIn', '/api/v1/sites/cd-portal/results?limit=2');
    expect(two.results.map((r: { sweepId: string }) => r.sweepId)).toEqual(['q2-b', 'q2-a']);
  });

  it('gives a site never inspected a null latest result and no results', async () => {
    const zigong = { ...SITES[2]!, id: 'zg-portal', region: '510300' };
    const put = await api.as('province', {
      method: 'PUT',
      url: '/api/v1/sites',
      headers: { 'content-type': 'text/yaml' },
      payload: sitesYaml([...SITES, zigong]),
    });
    expect(put.json()).toMatchObject({ imported: 6, dryRun: false });
    expect((await get('province', '/api/v1/sites/zg-portal')).latestResult).toBeNull();
    expect((await get('province', '/api/v1/sites/zg-portal/results')).results).toEqual([]);
  });
});
