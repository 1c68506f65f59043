import { describe, expect, it } from 'vitest';
import { AdjudicationError } from '../../src/adjudication/errors.ts';
import type { SiteResult } from '../../src/results.ts';
import type { Actor } from '../../src/store/store.ts';
import { BACKENDS, newSweep, site, siteResult, useBackend } from './backends.ts';

const PROVINCE: Actor = { name: '省政府办公厅', role: 'province', region: null, tokenId: 't-province' };
const CHENGDU: Actor = { name: '成都市政府办公厅', role: 'city', region: '510100', tokenId: 't-chengdu' };
const AT = new Date('2026-11-21T10:00:00+08:00');

/** A result failing annual-report (the report year as evidence) and with a review on error-report-entry. */
function failing(siteId: string, expectedYear = 2025): SiteResult {
  return {
    ...siteResult(siteId, 'done', 80),
    checks: [
      { ruleId: 'header-full-name', outcome: 'pass', findings: [] },
      {
        ruleId: 'annual-report',
        outcome: 'fail',
        findings: [
          {
            url: `http://127.0.0.1:1/${siteId}/`,
            message: `首页没有${expectedYear}年度政府网站工作年度报表的可见链接。`,
            evidence: { expectedYears: [expectedYear], today: '2026-11-15（北京时间）' },
          },
        ],
      },
      {
        ruleId: 'error-report-entry',
        outcome: 'review',
        findings: [
          { url: `http://127.0.0.1:1/${siteId}/`, message: '需人工确认', evidence: { script: 'x.js' } },
        ],
      },
    ],
  };
}

describe.each(BACKENDS)('appeals and decisions on the $name store', ({ name }) => {
  const backend = useBackend(name);

  async function stored(siteId = 'chengdu', sweepId = 's1', result = failing(siteId), now?: string) {
    const { sites, sweeps, results } = backend.store;
    if ((await sites.list()).length === 0)
      await sites.replaceAll([site('chengdu'), site('mianyang', { region: '510700' })]);
    await sweeps.create(newSweep(sweepId, [siteId], now));
    await results.record(sweepId, result);
    const [latest] = await results.forSite(siteId, 1);
    const [fail, review] = [latest!.result.checks[1]?.findings[0], latest!.result.checks[2]?.findings[0]];
    return { fail: fail!, review: review! };
  }
  const refused = (promise: Promise<unknown>, problem: string) =>
    expect(promise).rejects.toSatisfy(
      (error) => error instanceof AdjudicationError && error.problem === problem,
    );

  it('stores findings with their ids and digests, and knows each id’s site', async () => {
    const { fail, review } = await stored();
    expect(fail.id).toMatch(/^[0-9a-f]{24}$/);
    expect(fail.evidenceDigest).toMatch(/^[0-9a-f]{24}$/);
    expect(await backend.store.adjudication.siteOf(fail.id!)).toBe('chengdu');
    expect(await backend.store.adjudication.siteOf(review.id!)).toBe('chengdu');
    expect(await backend.store.adjudication.siteOf('0'.repeat(24))).toBeUndefined();
  });

  it('records an appeal and a decision, in order, with who, when, what and why', async () => {
    const { fail } = await stored();
    const { adjudication } = backend.store;
    const appeal = await adjudication.appeal({
      finding: { id: fail.id! },
      reason: '报表链接在页脚',
      by: CHENGDU,
      at: AT,
    });
    const later = new Date(AT.getTime() + 3_600_000);
    const [decision] = await adjudication.decide({
      findings: [{ id: fail.id!, evidenceDigest: fail.evidenceDigest! }],
      verdict: 'overturned',
      reason: '已核实页脚有报表链接',
      by: PROVINCE,
      at: later,
    });
    expect(appeal).toMatchObject({
      findingId: fail.id,
      siteId: 'chengdu',
      ruleId: 'annual-report',
      what: 'appeal',
      who: '成都市政府办公厅',
      role: 'city',
      region: '510100',
      why: '报表链接在页脚',
      when: AT.toISOString(),
      evidenceDigest: fail.evidenceDigest,
      sweepId: 's1',
      period: '2026Q4',
    });
    expect(appeal.until).toBeUndefined();
    // Decided in 2026Q4: carried forward to the end of the next quarter.
    expect(decision).toMatchObject({
      what: 'overturned',
      who: '省政府办公厅',
      until: '2027-03-31',
      when: later.toISOString(),
    });
    expect(await adjudication.history(fail.id!)).toEqual([appeal, decision]);
    expect(await adjudication.actionsForSites(['chengdu', 'mianyang'])).toEqual([appeal, decision]);
  });

  it('refuses an appeal of a review, a second appeal, an appeal once decided; nothing written', async () => {
    const { fail, review } = await stored();
    const { adjudication } = backend.store;
    await refused(
      adjudication.appeal({ finding: { id: review.id! }, reason: '理由', by: CHENGDU, at: AT }),
      'not-failing',
    );
    await adjudication.appeal({ finding: { id: fail.id! }, reason: '理由', by: CHENGDU, at: AT });
    await refused(
      adjudication.appeal({ finding: { id: fail.id! }, reason: '再次', by: CHENGDU, at: AT }),
      'already-appealed',
    );
    await adjudication.decide({
      findings: [{ id: fail.id! }],
      verdict: 'upheld',
      reason: '属实',
      by: PROVINCE,
      at: AT,
    });
    await refused(
      adjudication.appeal({ finding: { id: fail.id! }, reason: '不服', by: CHENGDU, at: AT }),
      'already-decided',
    );
    expect((await adjudication.history(fail.id!)).map((a) => a.what)).toEqual(['appeal', 'upheld']);
    expect(await adjudication.history(review.id!)).toEqual([]);
  });

  it('refuses an unknown finding, one gone from the latest result, and evidence changed since seen', async () => {
    const { fail } = await stored();
    const { adjudication } = backend.store;
    await refused(
      adjudication.appeal({ finding: { id: 'f'.repeat(24) }, reason: '理由', by: CHENGDU, at: AT }),
      'unknown-finding',
    );
    await refused(
      adjudication.appeal({
        finding: { id: fail.id!, evidenceDigest: '0'.repeat(24) },
        reason: '理由',
        by: CHENGDU,
        at: AT,
      }),
      'evidence-changed',
    );
    // Fixed by the next sweep: its latest result no longer holds the finding.
    await stored('chengdu', 's2', siteResult('chengdu'));
    await refused(
      adjudication.appeal({ finding: { id: fail.id! }, reason: '理由', by: CHENGDU, at: AT }),
      'not-current',
    );
    // The second sweep is of 2026Q4 too: that quarter's latest result no longer holds it either.
    await refused(
      adjudication.decide({
        findings: [{ id: fail.id! }],
        period: '2026Q4',
        verdict: 'upheld',
        reason: '属实',
        by: PROVINCE,
        at: AT,
      }),
      'not-current',
    );
    expect(await adjudication.history(fail.id!)).toEqual([]);
  });

  it('decides several findings at once with one reason, all or nothing', async () => {
    const a = await stored('chengdu', 's1');
    const b = await stored('mianyang', 's2', failing('mianyang'));
    const { adjudication } = backend.store;
    await refused(
      adjudication.decide({
        findings: [{ id: a.fail.id! }, { id: 'e'.repeat(24) }, { id: b.fail.id! }],
        verdict: 'overturned',
        reason: '同一模板误判',
        by: PROVINCE,
        at: AT,
      }),
      'unknown-finding',
    );
    expect(await adjudication.actionsForSites(['chengdu', 'mianyang'])).toEqual([]);
    const decided = await adjudication.decide({
      findings: [{ id: a.fail.id! }, { id: b.fail.id! }, { id: a.review.id! }],
      verdict: 'overturned',
      reason: '同一模板误判',
      by: PROVINCE,
      at: AT,
    });
    expect(decided.map((d) => d.siteId)).toEqual(['chengdu', 'mianyang', 'chengdu']);
    expect(new Set(decided.map((d) => d.batchId)).size).toBe(1);
    expect(decided[0]!.batchId).toMatch(/\S/);
  });

  it('refuses the same verdict twice and an until in the past, and records a correction', async () => {
    const { fail } = await stored();
    const { adjudication } = backend.store;
    const decide = (verdict: 'upheld' | 'overturned', until?: string) =>
      adjudication.decide({
        findings: [{ id: fail.id! }],
        verdict,
        reason: '复核',
        ...(until ? { until } : {}),
        by: PROVINCE,
        at: AT,
      });
    await refused(decide('upheld', '2026-11-20'), 'until-past');
    await decide('upheld', '2026-11-21');
    await refused(decide('upheld'), 'already-decided');
    await decide('overturned', '2027-06-30');
    expect((await adjudication.history(fail.id!)).map((a) => [a.what, a.until])).toEqual([
      ['upheld', '2026-11-21'],
      ['overturned', '2027-06-30'],
    ]);
  });

  it('never edits or deletes an appeal or a decision', async () => {
    const { fail } = await stored();
    await backend.store.adjudication.appeal({
      finding: { id: fail.id! },
      reason: '理由',
      by: CHENGDU,
      at: AT,
    });
    await expect(backend.db.query("UPDATE finding_actions SET reason = '改过'")).rejects.toThrow(
      /append-only/,
    );
    await expect(backend.db.query('DELETE FROM finding_actions')).rejects.toThrow(/append-only/);
    expect((await backend.store.adjudication.history(fail.id!))[0]!.why).toBe('理由');
  });

  it('takes one of many concurrent appeals of a finding', async () => {
    const { fail } = await stored();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        backend.store.adjudication.appeal({
          finding: { id: fail.id! },
          reason: `理由${i}`,
          by: CHENGDU,
          at: AT,
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(await backend.store.adjudication.history(fail.id!)).toHaveLength(1);
  });
});
