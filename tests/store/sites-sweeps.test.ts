import { describe, expect, it } from 'vitest';
import { UnknownSweepError } from '../../src/store/sweeps-repository.ts';
import { BACKENDS, newSweep, site, siteResult, useBackend } from './backends.ts';

describe.each(BACKENDS)('sites on the $name store', ({ name }) => {
  const backend = useBackend(name);

  it('replaces the registry, keeping its order and every field', async () => {
    const { sites } = backend.store;
    await sites.replaceAll([site('old-1'), site('old-2')]);
    const registry = [
      site('zigong', {
        level: 'city',
        region: '510300',
        siteCode: '5103000001',
        archiveRoots: ['/old/', '/2019/'],
        maxPages: 50_000,
      }),
      site('fgw', { level: 'province', kind: 'department', region: '510000', parent: 'sichuan' }),
      site('sichuan', { level: 'province', region: '510000' }),
    ];
    await sites.replaceAll(registry);
    expect(await sites.list()).toEqual(registry);
    expect(await sites.get('fgw')).toEqual(registry[1]);
    expect(await sites.get('old-1')).toBeUndefined();
    expect(Object.keys((await sites.get('sichuan'))!)).not.toContain('siteCode');
    expect(Object.keys((await sites.get('sichuan'))!)).not.toContain('maxPages');
  });

  it('leaves the old registry whole when the new one fails to store', async () => {
    const { sites } = backend.store;
    const before = [site('chengdu'), site('mianyang')];
    await sites.replaceAll(before);
    // The second 'dup' breaks the primary key after the first rows went in.
    await expect(sites.replaceAll([site('new-1'), site('dup'), site('dup')])).rejects.toThrow();
    expect(await sites.list()).toEqual(before);
  });

  it('empties the registry when given none', async () => {
    await backend.store.sites.replaceAll([site('chengdu')]);
    await backend.store.sites.replaceAll([]);
    expect(await backend.store.sites.list()).toEqual([]);
  });
});

describe.each(BACKENDS)('sweeps on the $name store', ({ name }) => {
  const backend = useBackend(name);

  it('creates a queued sweep with its sites counted', async () => {
    const sweep = await backend.store.sweeps.create({
      ...newSweep('s1', ['chengdu', 'zigong'], '2026-12-31T16:30:00.000Z'),
      kind: 'semiannual-check',
      period: '2027H1',
      region: '5101',
      requestedBy: 'scheduler:semiannual-check',
    });
    expect(sweep).toEqual({
      id: 's1',
      kind: 'semiannual-check',
      period: '2027H1',
      state: 'queued',
      total: 2,
      done: 0,
      failed: 0,
      siteIds: ['chengdu', 'zigong'],
      now: '2026-12-31T16:30:00.000Z',
      region: '5101',
      requestedBy: 'scheduler:semiannual-check',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      startedAt: null,
      finishedAt: null,
      error: null,
    });
    expect(await backend.store.sweeps.get('s1')).toEqual(sweep);
    expect(await backend.store.sweeps.get('nope')).toBeUndefined();
  });

  it('refuses a second sweep with the same id', async () => {
    await backend.store.sweeps.create(newSweep('s1', ['a']));
    await expect(backend.store.sweeps.create(newSweep('s1', ['b']))).rejects.toThrow();
  });

  it('marks a sweep running once, keeping the first start time', async () => {
    const { sweeps } = backend.store;
    await sweeps.create(newSweep('s1', ['a']));
    await sweeps.markRunning('s1', new Date('2026-11-15T02:00:05.000Z'));
    await sweeps.markRunning('s1', new Date('2026-11-15T02:09:00.000Z'));
    expect(await sweeps.get('s1')).toMatchObject({ state: 'running', startedAt: '2026-11-15T02:00:05.000Z' });
  });

  it('marks a sweep failed with its reason; a done sweep stays done', async () => {
    const { sweeps, results } = backend.store;
    await sweeps.create(newSweep('s1', ['a']));
    await sweeps.markFailed(
      's1',
      '无法加入任务队列：connect ECONNREFUSED',
      new Date('2026-11-15T02:00:01.000Z'),
    );
    expect(await sweeps.get('s1')).toMatchObject({
      state: 'failed',
      error: '无法加入任务队列：connect ECONNREFUSED',
      finishedAt: '2026-11-15T02:00:01.000Z',
    });
    await sweeps.markRunning('s1', new Date());
    expect((await sweeps.get('s1'))?.state).toBe('failed');

    await sweeps.create(newSweep('s2', ['a']));
    await results.record('s2', siteResult('a'));
    await sweeps.markFailed('s2', 'too late', new Date());
    expect(await sweeps.get('s2')).toMatchObject({ state: 'done', error: null });
  });

  it('lists the latest sweeps newest first by creation, as many as asked', async () => {
    const { sweeps } = backend.store;
    for (const id of ['a', 'b', 'c', 'd']) await sweeps.create(newSweep(id, [id]));
    // Created out of id order, and 'c' and 'd' at the same instant: the later id comes first.
    const createdAt = { a: '2026-11-02', b: '2026-11-01', c: '2026-11-03', d: '2026-11-03' };
    for (const [id, day] of Object.entries(createdAt))
      await backend.db.query('UPDATE sweeps SET created_at = $2 WHERE id = $1', [id, `${day}T01:00:00Z`]);
    const latest = await sweeps.latest(3);
    expect(latest.map((sweep) => sweep.id)).toEqual(['d', 'c', 'a']);
    expect(latest[2]).toEqual(await sweeps.get('a'));
    expect((await sweeps.latest(10)).map((sweep) => sweep.id)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('lists no sweeps in an empty store', async () => {
    expect(await backend.store.sweeps.latest(50)).toEqual([]);
  });

  it('says which sweep is unknown', async () => {
    await expect(backend.store.sweeps.markRunning('ghost', new Date())).rejects.toThrow(UnknownSweepError);
    await expect(backend.store.sweeps.markFailed('ghost', 'x', new Date())).rejects.toThrow(/ghost/);
  });
});
