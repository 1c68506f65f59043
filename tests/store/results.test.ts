import { describe, expect, it } from 'vitest';
import { InvalidPeriodError } from '../../src/store/results-repository.ts';
import { UnknownSweepError } from '../../src/store/sweeps-repository.ts';
import { BACKENDS, newSweep, site, siteResult, useBackend } from './backends.ts';

describe.each(BACKENDS)('results on the $name store', ({ name }) => {
  const backend = useBackend(name);

  it('stores a redelivered result once and moves the counters once', async () => {
    const { sweeps, results } = backend.store;
    await sweeps.create(newSweep('s1', ['chengdu', 'zigong']));
    expect(await results.record('s1', siteResult('chengdu', 'done', 91))).toBe(true);
    expect(await results.record('s1', siteResult('chengdu', 'done', 55))).toBe(false);
    const sweep = await sweeps.get('s1');
    expect(sweep).toMatchObject({ state: 'running', done: 1, failed: 0, finishedAt: null });
    expect(sweep?.startedAt).not.toBeNull();
    const stored = await results.forSite('chengdu');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.result.score).toBe(91);
  });

  it('stores one of many concurrent deliveries of the same result', async () => {
    const { sweeps, results } = backend.store;
    await sweeps.create(newSweep('s1', ['chengdu', 'zigong']));
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => results.record('s1', siteResult('chengdu'))),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await sweeps.get('s1')).toMatchObject({ done: 1, failed: 0 });
  });

  it("lists a sweep's results in the order they were stored, and no other sweep's", async () => {
    const { sweeps, results } = backend.store;
    await sweeps.create(newSweep('s1', ['chengdu', 'zigong']));
    await sweeps.create(newSweep('s2', ['chengdu']));
    await results.record('s1', siteResult('zigong'));
    await results.record('s2', siteResult('chengdu'));
    await results.record('s1', siteResult('chengdu'));
    expect((await results.forSweep('s1')).map((r) => r.siteId)).toEqual(['zigong', 'chengdu']);
    expect((await results.forSweep('s2')).map((r) => r.sweepId)).toEqual(['s2']);
    expect(await results.forSweep('none')).toEqual([]);
  });

  it('completes a sweep marked failed when its results arrive after all (a launch that timed out late)', async () => {
    const { sweeps, results } = backend.store;
    await sweeps.create(newSweep('s1', ['chengdu', 'zigong']));
    await sweeps.markFailed('s1', '无法加入任务队列：timeout', new Date());
    await results.record('s1', siteResult('chengdu'));
    expect(await sweeps.get('s1')).toMatchObject({ state: 'running', done: 1 });
    await results.record('s1', siteResult('zigong'));
    expect(await sweeps.get('s1')).toMatchObject({ state: 'done', done: 2, error: null });
  });

  it('counts error results as failed and completes the sweep when every site is in', async () => {
    const { sweeps, results } = backend.store;
    await sweeps.create(newSweep('s1', ['chengdu', 'zigong', 'mianyang']));
    await results.record('s1', siteResult('chengdu', 'error'));
    await results.record('s1', siteResult('zigong', 'unreachable'));
    expect(await sweeps.get('s1')).toMatchObject({ state: 'running', done: 2, failed: 1, finishedAt: null });
    await results.record('s1', siteResult('mianyang'));
    const done = await sweeps.get('s1');
    expect(done).toMatchObject({ state: 'done', done: 3, failed: 1 });
    expect(Date.parse(done!.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done!.startedAt!));
    expect(await results.record('s1', siteResult('mianyang', 'error'))).toBe(false);
    expect(await sweeps.get('s1')).toEqual(done);
  });

  it('keeps the whole result and files it under the quarter and half-year of the sweep’s Shanghai date', async () => {
    const { sweeps, results } = backend.store;
    // 2026-09-30T17:00Z is 1 October 01:00 in Shanghai: the fourth quarter.
    await sweeps.create(newSweep('s1', ['chengdu'], '2026-09-30T17:00:00.000Z'));
    const result = { ...siteResult('chengdu'), tlsError: 'CERT_HAS_EXPIRED' };
    await results.record('s1', result);
    const [stored] = await results.forSite('chengdu');
    expect(stored).toEqual({
      sweepId: 's1',
      siteId: 'chengdu',
      quarter: '2026Q4',
      halfYear: '2026H2',
      result,
      storedAt: expect.stringMatching(/Z$/),
    });
  });

  it('refuses a result for an unknown sweep or for a site outside the sweep', async () => {
    const { sweeps, results } = backend.store;
    await expect(results.record('ghost', siteResult('chengdu'))).rejects.toThrow(UnknownSweepError);
    await sweeps.create(newSweep('s1', ['chengdu']));
    await expect(results.record('s1', siteResult('zigong'))).rejects.toThrow(/zigong.*s1/);
    expect(await sweeps.get('s1')).toMatchObject({ done: 0, state: 'queued' });
  });

  it('gives each site its newest result within a quarter and within a half-year', async () => {
    const { sites, sweeps, results } = backend.store;
    await sites.replaceAll([site('zigong'), site('chengdu')]);
    await sweeps.create(newSweep('oct', ['chengdu', 'zigong'], '2026-10-05T02:00:00.000Z'));
    await sweeps.create(newSweep('aug', ['zigong'], '2026-08-01T02:00:00.000Z'));
    await sweeps.create(newSweep('nov', ['chengdu', 'retired'], '2026-11-20T02:00:00.000Z'));
    await sweeps.create(newSweep('mar', ['chengdu'], '2026-03-01T02:00:00.000Z'));
    await results.record('oct', siteResult('chengdu', 'done', 60));
    await results.record('oct', siteResult('zigong', 'done', 70));
    await results.record('aug', siteResult('zigong', 'done', 80)); // stored later, though of an earlier quarter
    await results.record('nov', siteResult('chengdu', 'done', 90));
    await results.record('nov', siteResult('retired', 'done', 10)); // no longer in the registry
    await results.record('mar', siteResult('chengdu', 'done', 20));

    const picked = (rows: { siteId: string; sweepId: string }[]) =>
      rows.map((r) => `${r.siteId}@${r.sweepId}`);
    // Registry order, then sites no longer registered.
    expect(picked(await results.latestInPeriod('2026Q4'))).toEqual([
      'zigong@oct',
      'chengdu@nov',
      'retired@nov',
    ]);
    expect(picked(await results.latestInPeriod('2026H2'))).toEqual([
      'zigong@aug',
      'chengdu@nov',
      'retired@nov',
    ]);
    expect(picked(await results.latestInPeriod('2026Q3'))).toEqual(['zigong@aug']);
    expect(picked(await results.latestInPeriod('2026H1'))).toEqual(['chengdu@mar']);
    expect(await results.latestInPeriod('2027Q1')).toEqual([]);
    const [zigong] = await results.latestInPeriod('2026Q4');
    expect(zigong).toMatchObject({ quarter: '2026Q4', halfYear: '2026H2', result: { score: 70 } });
  });

  it('gives the same latest results without their findings: the score and each check’s outcome in order', async () => {
    const { sites, sweeps, results } = backend.store;
    await sites.replaceAll([site('zigong'), site('chengdu')]);
    await sweeps.create(newSweep('oct', ['chengdu', 'zigong'], '2026-10-05T02:00:00.000Z'));
    await sweeps.create(newSweep('nov', ['chengdu'], '2026-11-20T02:00:00.000Z'));
    const broken = {
      ...siteResult('chengdu', 'done', 55),
      checks: [
        { ruleId: 'header-full-name', outcome: 'pass' as const, findings: [] },
        {
          ruleId: 'broken-links',
          outcome: 'fail' as const,
          findings: [
            {
              url: 'http://127.0.0.1:1/a',
              target: 'http://127.0.0.1:1/gone',
              status: 404,
              message: '链接失效',
              evidence: {},
            },
          ],
        },
        { ruleId: 'gazette-column', outcome: 'not-applicable' as const, findings: [] },
      ],
    };
    await results.record('oct', siteResult('chengdu', 'done', 60));
    await results.record('oct', siteResult('zigong', 'done', 70));
    await results.record('nov', broken);

    const whole = await results.latestInPeriod('2026Q4');
    const outcomes = await results.latestOutcomesInPeriod('2026Q4');
    expect(outcomes).toEqual(
      whole.map((stored) => ({
        ...stored,
        result: {
          score: stored.result.score,
          checks: stored.result.checks.map(({ ruleId, outcome }) => ({ ruleId, outcome })),
        },
      })),
    );
    expect(outcomes[1]).toMatchObject({
      siteId: 'chengdu',
      sweepId: 'nov',
      result: { score: 55, checks: [{ outcome: 'pass' }, { ruleId: 'broken-links', outcome: 'fail' }, {}] },
    });
    expect(await results.latestOutcomesInPeriod('2027Q1')).toEqual([]);
    await expect(results.latestOutcomesInPeriod('2026Q5')).rejects.toThrow(InvalidPeriodError);
  });

  it.each(['2026Q5', '2026Q0', '2026H3', '2026', 'Q4', '26Q4', '2026q4', " 2026Q4' OR 1=1 --", ''])(
    'rejects the period %j',
    async (period) => {
      await expect(backend.store.results.latestInPeriod(period)).rejects.toThrow(InvalidPeriodError);
    },
  );

  it('lists a site’s results newest first, as many as asked', async () => {
    const { sweeps, results } = backend.store;
    for (const [i, id] of ['first', 'second', 'third'].entries()) {
      await sweeps.create(newSweep(id, ['chengdu', 'zigong'], `2026-0${3 * i + 3}-10T02:00:00.000Z`));
      await results.record(id, siteResult('chengdu', 'done', i));
    }
    await results.record('first', siteResult('zigong'));
    expect((await results.forSite('chengdu')).map((r) => r.sweepId)).toEqual(['third', 'second', 'first']);
    expect((await results.forSite('chengdu', 2)).map((r) => r.quarter)).toEqual(['2026Q3', '2026Q2']);
    expect(await results.forSite('nowhere')).toEqual([]);
  });
});
