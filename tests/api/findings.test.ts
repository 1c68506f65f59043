import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteResult } from '../../src/results.ts';
import { type ApiFixture, apiFixture } from './support/api-fixture.ts';
import { siteResult } from './support/fixtures.ts';

let api: ApiFixture;

beforeAll(async () => {
  api = await apiFixture();
});
afterAll(async () => {
  await api?.close();
});

/**
 * The Chengdu portal failing annual-report on two pages of its own (fresh URLs, so each test has
 * findings nobody has touched) and with a header-full-name review, stored in a new 2026Q4 sweep.
 */
async function sweepChengdu(
  pages: string[] = [`p-${randomUUID().slice(0, 8)}`, 'second'],
  text = '政府网站工作年度报表',
) {
  const sweepId = `sweep-${randomUUID().slice(0, 8)}`;
  await api.store.sweeps.create({
    id: sweepId,
    kind: 'quarterly-patrol',
    period: '2026Q4',
    siteIds: ['cd-portal'],
    now: '2026-11-10T00:00:00.000Z',
    region: '5101',
    requestedBy: 'test',
  });
  const result: SiteResult = siteResult('cd-portal', ['annual-report', 'header-full-name']);
  for (const check of result.checks) {
    if (check.ruleId === 'annual-report') {
      check.findings = pages.map((page) => ({
        url: `http://127.0.0.1:9/cd-portal/${page}.html`,
        message: '首页未见年度报表',
        evidence: { expectedYears: [2026], yearlessLinks: [{ text }] },
      }));
    }
    if (check.ruleId === 'header-full-name') check.outcome = 'review';
  }
  await api.store.results.record(sweepId, result);
  return findingsOf(sweepId);
}

async function findingsOf(sweepId: string) {
  const answer = await api.as('province', {
    method: 'GET',
    url: '/api/v1/findings?period=2026Q4&siteId=cd-portal',
  });
  expect(answer.statusCode).toBe(200);
  const all = answer.json().findings as {
    id: string;
    ruleId: string;
    state: string;
    evidenceDigest: string;
    sweepId: string;
    decision?: { what: string; inForce: boolean; carriedForward: boolean };
  }[];
  expect(all.every((finding) => finding.sweepId === sweepId)).toBe(true);
  return {
    failing: all.filter((finding) => finding.ruleId === 'annual-report'),
    review: all.find((finding) => finding.ruleId === 'header-full-name')!,
  };
}

const appeal = (
  role: 'province' | 'cityIn' | 'cityOut',
  id: string,
  payload: object = { reason: '已在首页发布' },
) => api.as(role, { method: 'POST', url: `/api/v1/findings/${id}/appeals`, payload });
const decide = (id: string, payload: object, role: 'province' | 'cityIn' = 'province') =>
  api.as(role, { method: 'POST', url: `/api/v1/findings/${id}/decisions`, payload });

async function adjudicatedSite() {
  const answer = await api.as('cityIn', { method: 'GET', url: '/api/v1/sites/cd-portal' });
  expect(answer.statusCode).toBe(200);
  return answer.json().latestResult.result as SiteResult & {
    adjudicated: { score: number; qualified: boolean | null; checks: { ruleId: string; outcome: string }[] };
  };
}

describe('GET /findings', () => {
  it('lists the period’s findings in reach with ids, digests and states, filtered', async () => {
    const { failing, review } = await sweepChengdu();
    expect(failing).toHaveLength(2);
    expect(failing[0]).toMatchObject({ siteId: 'cd-portal', outcome: 'fail', state: 'open' });
    expect(failing[0]!.id).toMatch(/^[0-9a-f]{24}$/);
    expect(review).toMatchObject({ outcome: 'review', state: 'open' });

    const byRule = await api.as('cityIn', {
      method: 'GET',
      url: '/api/v1/findings?period=2026Q4&ruleId=header-full-name&state=open',
    });
    expect(byRule.json().findings.map((f: { id: string }) => f.id)).toEqual([review.id]);
    const mianyang = await api.as('cityOut', { method: 'GET', url: '/api/v1/findings?period=2026Q4' });
    expect(mianyang.json()).toMatchObject({ total: 0, findings: [] });
    const hidden = await api.as('cityOut', {
      method: 'GET',
      url: '/api/v1/findings?period=2026Q4&siteId=cd-portal',
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('names the field of a bad query', async () => {
    for (const [url, field] of [
      ['/api/v1/findings', 'period'],
      ['/api/v1/findings?period=2026Q5', 'period'],
      ['/api/v1/findings?period=2026Q4&state=closed', 'state'],
      ['/api/v1/findings?period=2026Q4&ruleId=no-such-rule', 'ruleId'],
    ] as const) {
      const answer = await api.as('province', { method: 'GET', url });
      expect(answer.statusCode, url).toBe(400);
      expect(answer.json().error.field, url).toBe(field);
    }
  });
});

describe('appeals and decisions', () => {
  it('takes a city’s appeal, the province overturns it, and the site’s adjudicated values follow', async () => {
    const { failing } = await sweepChengdu();
    const before = await adjudicatedSite();
    expect(before.adjudicated.checks.find((c) => c.ruleId === 'annual-report')?.outcome).toBe('fail');

    const made = await appeal('cityIn', failing[0]!.id);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ what: 'appeal', who: 'chengdu', role: 'city', region: '510100' });
    expect((await appeal('cityIn', failing[0]!.id)).json().error.code).toBe('finding-appealed');
    expect(
      (await decide(failing[0]!.id, { verdict: 'overturned', reason: '核实' }, 'cityIn')).statusCode,
    ).toBe(403);

    for (const finding of failing) {
      const decided = await decide(finding.id, { verdict: 'overturned', reason: '经核实首页已发布年度报表' });
      expect(decided.statusCode).toBe(201);
    }
    expect((await decide(failing[0]!.id, { verdict: 'overturned', reason: '再次' })).json().error.code).toBe(
      'finding-decided',
    );
    const after = await adjudicatedSite();
    expect(after.score).toBe(before.score);
    expect(after.adjudicated.checks.find((c) => c.ruleId === 'annual-report')?.outcome).toBe('pass');
    expect(after.adjudicated.score).toBeGreaterThan(before.adjudicated.score);

    const history = await api.as('cityIn', {
      method: 'GET',
      url: `/api/v1/findings/${failing[0]!.id}/history`,
    });
    expect(history.json().history.map((a: { what: string; who: string }) => [a.what, a.who])).toEqual([
      ['appeal', 'chengdu'],
      ['overturned', 'province-office'],
    ]);
  });

  it('refuses an appeal of a review finding, out of reach, and bad bodies naming the field', async () => {
    const { failing, review } = await sweepChengdu();
    expect((await appeal('cityIn', review.id)).json().error.code).toBe('finding-not-failing');
    expect((await appeal('cityOut', failing[0]!.id)).statusCode).toBe(404);
    expect((await appeal('cityIn', 'f'.repeat(24))).statusCode).toBe(404);
    const bad: [object, string][] = [
      [{}, 'reason'],
      [{ reason: '   ' }, 'reason'],
      [{ reason: 'x', extra: 1 }, 'extra'],
    ];
    for (const [payload, field] of bad) {
      const answer = await appeal('cityIn', failing[0]!.id, payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(answer.json().error.field).toBe(field);
    }
    expect((await appeal('cityIn', failing[0]!.id, { reason: '' })).json().error.message).toBe(
      'body.reason：至少 1 个字符',
    );
    const tooMany = await api.as('province', {
      method: 'POST',
      url: '/api/v1/findings/decisions',
      payload: { findings: [], verdict: 'upheld', reason: 'x' },
    });
    expect(tooMany.json().error).toMatchObject({ field: 'findings', message: 'body.findings：至少 1 项' });
    for (const [payload, field] of [
      [{ verdict: 'maybe', reason: 'x' }, 'verdict'],
      [{ verdict: 'upheld', reason: 'x', until: '2027-02-30' }, 'until'],
      [{ verdict: 'upheld', reason: 'x', until: '2020-01-01' }, 'until'],
    ] as const) {
      const answer = await decide(failing[0]!.id, payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(answer.json().error.field).toBe(field);
    }
    const history = await api.as('province', {
      method: 'GET',
      url: `/api/v1/findings/${failing[0]!.id}/history`,
    });
    expect(history.json().history).toEqual([]);
  });

  it('decides several findings with one reason, all or nothing', async () => {
    const { failing, review } = await sweepChengdu();
    const bulk = (findings: object[]) =>
      api.as('province', {
        method: 'POST',
        url: '/api/v1/findings/decisions',
        payload: { findings, verdict: 'upheld', reason: '复核属实' },
      });
    const duplicate = await bulk([{ id: failing[0]!.id }, { id: failing[0]!.id }]);
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.field).toBe('findings[1].id');
    await decide(failing[1]!.id, { verdict: 'upheld', reason: '先行认定' });
    const refused = await bulk([{ id: failing[0]!.id }, { id: review.id }, { id: failing[1]!.id }]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.field).toBe('findings[2].id');
    const untouched = await api.as('province', {
      method: 'GET',
      url: `/api/v1/findings/${failing[0]!.id}/history`,
    });
    expect(untouched.json().history).toEqual([]);

    const made = await bulk([{ id: failing[0]!.id }, { id: review.id }]);
    expect(made.statusCode).toBe(201);
    const decisions = made.json().decisions as { batchId: string; what: string }[];
    expect(decisions.map((d) => d.what)).toEqual(['upheld', 'upheld']);
    expect(decisions[0]!.batchId).toBe(decisions[1]!.batchId);
    const site = await adjudicatedSite();
    expect(site.adjudicated.checks.find((c) => c.ruleId === 'header-full-name')?.outcome).toBe('fail');
  });

  it('carries a decision to the next sweep while the evidence is unchanged, and reopens it when it changed', async () => {
    const pages = [`carry-${randomUUID().slice(0, 8)}`];
    const { failing } = await sweepChengdu(pages);
    await decide(failing[0]!.id, { verdict: 'overturned', reason: '年报在信息公开栏目' });

    const same = await sweepChengdu(pages);
    expect(same.failing[0]).toMatchObject({ id: failing[0]!.id, state: 'overturned' });
    expect(same.failing[0]!.decision).toMatchObject({
      what: 'overturned',
      inForce: true,
      carriedForward: true,
    });
    expect(
      (await adjudicatedSite()).adjudicated.checks.find((c) => c.ruleId === 'annual-report')?.outcome,
    ).toBe('pass');

    const changed = await sweepChengdu(pages, '2025年度报表');
    expect(changed.failing[0]).toMatchObject({ id: failing[0]!.id, state: 'open' });
    expect(changed.failing[0]!.evidenceDigest).not.toBe(failing[0]!.evidenceDigest);
    expect(changed.failing[0]!.decision).toMatchObject({ what: 'overturned', inForce: false });
  });
});
