import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BuildAppOptions } from '../../src/api/app.ts';
import type { ResultsStore } from '../../src/store/store.ts';
import { type ApiFixture, apiFixture as fixtureOver, openEmbeddedStore } from './support/api-fixture.ts';
import { CHENGDU_SITES, siteResult, sitesYaml } from './support/fixtures.ts';
import { FailingLauncher, HangingLauncher } from './support/launchers.ts';

let store: ResultsStore;
let api: ApiFixture | undefined;
/** One embedded store for the file, a fresh app (with its own launcher and tokens) per test. */
const apiFixture = (overrides: Partial<BuildAppOptions> = {}) => fixtureOver({ store, ...overrides });
beforeAll(async () => {
  store = await openEmbeddedStore();
});
afterAll(() => store.close());
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const startChengdu = (fixture: ApiFixture) =>
  fixture.as('province', {
    method: 'POST',
    url: '/api/v1/sweeps',
    payload: { kind: 'adhoc', region: '5101' },
  });

describe('POST /sweeps and GET /sweeps/:id', () => {
  it('starts a sweep (202, id, Location) and reports its progress live as results arrive', async () => {
    api = await apiFixture({ now: () => new Date('2026-05-10T02:00:00Z') });
    const started = await startChengdu(api);
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    expect(started.headers.location).toBe(`/api/v1/sweeps/${id}`);
    expect(api.launcher.launches).toEqual([expect.objectContaining({ siteIds: CHENGDU_SITES })]);

    const progress = async () =>
      (await api!.as('cityIn', { method: 'GET', url: `/api/v1/sweeps/${id}` })).json();
    expect(await progress()).toMatchObject({
      id,
      kind: 'adhoc',
      period: '2026Q2',
      state: 'queued',
      total: 2,
      done: 0,
      failed: 0,
      startedAt: null,
      finishedAt: null,
    });
    await api.store.sweeps.markRunning(id, new Date());
    await api.store.results.record(id, siteResult('cd-portal'));
    const running = await progress();
    expect(running).toMatchObject({ state: 'running', done: 1, failed: 0, finishedAt: null });
    expect(running.startedAt).toEqual(expect.any(String));
    await api.store.results.record(
      id,
      siteResult('cd-jinjiang', [], { status: 'error', reason: '检查出错' }),
    );
    const done = await progress();
    expect(done).toMatchObject({ state: 'done', done: 2, failed: 1 });
    expect(done.finishedAt).toEqual(expect.any(String));
  });

  it('answers 404 for an unknown sweep', async () => {
    api = await apiFixture();
    const response = await api.as('province', { method: 'GET', url: '/api/v1/sweeps/no-such-sweep' });
    expect(response.statusCode).toBe(404);
  });
});

describe('503 rather than a hang when the queue is down', () => {
  it('answers 503 when Redis is unreachable, before recording any sweep', async () => {
    api = await apiFixture({ queueHealth: async () => false });
    const response = await startChengdu(api);
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('queue-unavailable');
    expect(api.launcher.launches).toEqual([]);
  });

  it('answers 503 when the launcher throws, and records the sweep as failed', async () => {
    let seen: string | undefined;
    const failing = new FailingLauncher();
    api = await apiFixture({
      launcher: {
        launch: (sweep) => {
          seen = sweep.id;
          return failing.launch();
        },
      },
    });
    const response = await startChengdu(api);
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('queue-unavailable');
    const sweep = await api.store.sweeps.get(seen!);
    expect(sweep).toMatchObject({ state: 'failed' });
    expect(sweep?.error).toContain('ECONNREFUSED');
  });

  it.each([
    { name: 'a launcher that never answers', options: { launcher: new HangingLauncher() } },
    {
      name: 'a health probe that never answers',
      options: { queueHealth: () => new Promise<boolean>(() => {}) },
    },
  ])('answers 503 quickly for $name', async ({ options }) => {
    api = await apiFixture({ ...options, dependencyTimeoutMs: 300 });
    const started = Date.now();
    const response = await startChengdu(api);
    const elapsed = Date.now() - started;
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('queue-unavailable');
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('GET /health', () => {
  it('answers 200 without a token when Redis and the database answer', async () => {
    api = await apiFixture();
    const response = await api.as('none', { method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', redis: true, database: true });
  });

  it('answers 503 naming what is down', async () => {
    api = await apiFixture({
      queueHealth: async () => false,
      databaseHealth: () => new Promise(() => {}),
      dependencyTimeoutMs: 200,
    });
    const response = await api.as('none', { method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable', redis: false, database: false });
  });

  it('sees the embedded database closed as down', async () => {
    const own = await openEmbeddedStore();
    api = await fixtureOver({ store: own });
    await own.close();
    const response = await api.as('none', { method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable', redis: true, database: false });
  });
});

describe('PUT /sites and the schedulers', () => {
  it('calls onRegistryChanged after a registry replacement, not after a refused file, and answers even if it fails', async () => {
    let calls = 0;
    api = await apiFixture({
      onRegistryChanged: async () => {
        calls += 1;
        throw new Error('Redis is down');
      },
    });
    const put = (payload: string) =>
      api!.as('province', {
        method: 'PUT',
        url: '/api/v1/sites',
        headers: { 'content-type': 'application/yaml' },
        payload,
      });
    expect((await put('sites: []\nfoo: [')).statusCode).toBe(400);
    expect(calls).toBe(0);
    expect((await put(sitesYaml())).statusCode).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(1);
    expect(api.logLines.some((line) => line.includes('reconciling after a registry change failed'))).toBe(
      true,
    );
  });
});
