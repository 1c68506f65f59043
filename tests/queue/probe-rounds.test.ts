import { getEventListeners } from 'node:events';
import { Queue, QueueEvents } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PROBE_ROUND_SCHEDULER,
  type ProbeRoundSummary,
  runProbeRound,
  scheduleProbeRounds,
  startProbeRounds,
} from '../../src/queue/probe-rounds.ts';
import { HOMEPAGE_PROBES, workerConnection } from '../../src/queue/queues.ts';
import type { Site } from '../../src/registry/site.ts';
import { ConfigError, loadConfig } from '../../src/service/config.ts';
import { refusedPort, startServer } from '../support/http-server.ts';
import { type Harness, startHarness, waitFor } from './support/harness.ts';

const site = (id: string, homepage: string): Site => ({
  id,
  fullName: `${id}人民政府`,
  homepage,
  level: 'county',
  kind: 'portal',
  region: '510104',
  parent: null,
  archiveRoots: [],
});

/**
 * The signals Node 20 keeps on `signal` for each `AbortSignal.any` made from it. They are dropped only
 * with `signal` itself, so a process-long signal used that way grows for ever.
 */
function dependants(signal: AbortSignal): number {
  const key = Object.getOwnPropertySymbols(signal).find(
    (symbol) => symbol.description === 'kDependantSignals',
  );
  const set =
    key === undefined ? undefined : (signal as unknown as Record<symbol, Set<unknown> | undefined>)[key];
  return set?.size ?? 0;
}

describe('homepage probe rounds', () => {
  let h: Harness;
  let queue: Queue;
  const closers: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    h = await startHarness();
    queue = new Queue(HOMEPAGE_PROBES, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
    closers.push(() => queue.close());
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await h.close();
  });

  it('probes every registered homepage once a round and records the probes: one up, one refused', async () => {
    const server = await startServer((_req, res) => res.end('<html><title>首页</title></html>'));
    closers.push(server.close);
    const port = await refusedPort();
    await h.store.sites.replaceAll([
      site('up', `${server.origin}/`),
      site('down', `http://127.0.0.1:${port}/`),
    ]);
    const rounds = startProbeRounds(h.config, h.store, h.log);
    closers.push(() => rounds.close());
    const events = new QueueEvents(HOMEPAGE_PROBES, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
    closers.push(() => events.close());
    await events.waitUntilReady();

    const before = new Date();
    const job = await queue.add('probe-round', {});
    const summary = (await job.waitUntilFinished(events, 30_000)) as ProbeRoundSummary;
    expect(summary).toEqual({ sites: 2, failures: 1 });

    const window = { from: before, to: new Date() };
    const stored = await h.store.probes.availability(['up', 'down'], window);
    expect(stored.get('up')).toMatchObject({ probes: 1, failures: 0, daysProbed: 1, failedSamples: [] });
    expect(stored.get('down')).toMatchObject({ probes: 1, failures: 1, episodes: [] });
    expect(stored.get('down')?.failedSamples).toEqual([
      {
        at: expect.any(String),
        url: `http://127.0.0.1:${port}/`,
        ok: false,
        error: 'ECONNREFUSED',
        durationMs: expect.any(Number),
      },
    ]);
  });

  it('leaves nothing on the service’s process-long signal after a round (no AbortSignal.any on it)', async () => {
    const server = await startServer((_req, res) => res.end('<html><title>首页</title></html>'));
    closers.push(server.close);
    await h.store.sites.replaceAll(['a', 'b', 'c'].map((id) => site(id, `${server.origin}/${id}`)));
    const stopping = new AbortController();
    // The measure does see what AbortSignal.any leaves behind, on this Node.
    const measured = new AbortController();
    AbortSignal.any([measured.signal]);
    expect(dependants(measured.signal)).toBe(1);

    expect(await runProbeRound(h.store, { signal: stopping.signal })).toMatchObject({
      sites: 3,
      failures: 0,
    });
    expect(dependants(stopping.signal)).toBe(0);
    expect(getEventListeners(stopping.signal, 'abort')).toHaveLength(0);
  });

  it('abandons the round in progress when the service stops, rather than wait out the 15 s limit', async () => {
    const silent = await startServer(() => {});
    closers.push(silent.close);
    await h.store.sites.replaceAll([site('silent', `${silent.origin}/`)]);
    const rounds = startProbeRounds(h.config, h.store, h.log);
    const job = await queue.add('probe-round', {});
    await waitFor('the round to start', async () => ((await job.getState()) === 'active' ? true : undefined));
    const started = performance.now();
    await rounds.close();
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(await h.store.probes.availability(['silent'], { from: new Date(0), to: new Date() })).toEqual(
      new Map(),
    );
  });

  it('is scheduled every 30 minutes on the Shanghai clock, once across boots; another interval replaces it, 0 removes it', async () => {
    const state = async () => {
      const schedulers = await queue.getJobSchedulers(0, -1, true);
      const pending = await queue.getJobs(['delayed', 'waiting', 'prioritized']);
      return { schedulers, pending };
    };
    await scheduleProbeRounds(h.config, 30, h.log);
    const first = await state();
    expect(first.schedulers).toMatchObject([
      { key: PROBE_ROUND_SCHEDULER, pattern: '*/30 * * * *', tz: 'Asia/Shanghai' },
    ]);
    expect(first.pending).toHaveLength(1);
    const next = first.pending[0]!;
    expect(new Date(next.timestamp + next.delay).getUTCMinutes() % 30).toBe(0);

    // The second boot keeps the scheduler and its pending round.
    await scheduleProbeRounds(h.config, 30, h.log);
    const second = await state();
    expect(second.schedulers).toHaveLength(1);
    expect(second.pending.map((job) => job.id)).toEqual([next.id]);

    await scheduleProbeRounds(h.config, 15, h.log);
    expect((await state()).schedulers).toMatchObject([{ pattern: '*/15 * * * *' }]);

    await scheduleProbeRounds(h.config, 0, h.log);
    expect(await state()).toEqual({ schedulers: [], pending: [] });
  });
});

describe('PROBE_INTERVAL_MINUTES', () => {
  it('defaults to 30, takes 0 for off and divisors of 60, refuses anything else', () => {
    expect(loadConfig({}).probeIntervalMinutes).toBe(30);
    expect(loadConfig({ PROBE_INTERVAL_MINUTES: '0' }).probeIntervalMinutes).toBe(0);
    expect(loadConfig({ PROBE_INTERVAL_MINUTES: '60' }).probeIntervalMinutes).toBe(60);
    for (const bad of ['45', '90', '-5', 'half-hourly'])
      expect(() => loadConfig({ PROBE_INTERVAL_MINUTES: bad }), bad).toThrow(ConfigError);
    expect(() => loadConfig({ PROBE_INTERVAL_MINUTES: '45' })).toThrow('60 的约数');
  });
});
