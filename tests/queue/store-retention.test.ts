import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerConnection } from '../../src/queue/queues.ts';
import {
  STORE_RETENTION,
  STORE_RETENTION_SCHEDULER,
  scheduleStoreRetention,
  startStoreRetention,
} from '../../src/queue/store-retention.ts';
import type { Site } from '../../src/registry/site.ts';
import { ConfigError, loadConfig } from '../../src/service/config.ts';
import type { RetentionSummary } from '../../src/service/retention.ts';
import { type Harness, startHarness } from './support/harness.ts';

const DAY_MS = 86_400_000;
const SITE: Site = {
  id: 'chengdu',
  fullName: '成都市人民政府',
  homepage: 'http://127.0.0.1:1/',
  level: 'city',
  kind: 'portal',
  region: '510100',
  parent: null,
  archiveRoots: [],
};

describe('the daily trim of old records', () => {
  let h: Harness;
  let queue: Queue;

  beforeAll(async () => {
    h = await startHarness();
    queue = new Queue(STORE_RETENTION, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
  });
  afterAll(async () => {
    await queue.close();
    await h.close();
  });

  it('is scheduled at 03:30 on the Shanghai clock, once however many boots', async () => {
    await scheduleStoreRetention(h.config, h.log);
    await scheduleStoreRetention(h.config, h.log);
    expect(await queue.getJobSchedulers(0, -1, true)).toMatchObject([
      { key: STORE_RETENTION_SCHEDULER, pattern: '30 3 * * *', tz: 'Asia/Shanghai' },
    ]);
    const pending = await queue.getJobs(['delayed', 'waiting', 'prioritized']);
    expect(pending).toHaveLength(1);
    const fires = new Date(pending[0]!.timestamp + pending[0]!.delay);
    expect([(fires.getUTCHours() + 8) % 24, fires.getUTCMinutes()]).toEqual([3, 30]);
    await queue.removeJobScheduler(STORE_RETENTION_SCHEDULER);
  });

  it('deletes, when its job runs, the probes older than RETENTION_DAYS and logs what went', async () => {
    const { store } = h;
    await store.sites.replaceAll([SITE]);
    const old = new Date(Date.now() - 300 * DAY_MS);
    await store.probes.record([
      { siteId: 'chengdu', at: old.toISOString(), url: SITE.homepage, ok: true, status: 200, durationMs: 5 },
      {
        siteId: 'chengdu',
        at: new Date().toISOString(),
        url: SITE.homepage,
        ok: true,
        status: 200,
        durationMs: 5,
      },
    ]);
    const worker = startStoreRetention(h.config, store, h.log, {
      retentionDays: 200,
      artifactDir: h.config.artifactDir,
    });
    const events = new QueueEvents(STORE_RETENTION, {
      connection: workerConnection(h.config),
      prefix: h.config.queuePrefix,
    });
    try {
      await events.waitUntilReady();
      const job = await queue.add('trim', {});
      const summary = (await job.waitUntilFinished(events, 30_000)) as RetentionSummary;
      expect(summary).toMatchObject({ probes: 1, results: 0, sweeps: 0 });
      const left = await store.probes.availability(['chengdu'], { from: old, to: new Date() });
      expect(left.get('chengdu')).toMatchObject({ probes: 1 });
      expect(h.logs).toContainEqual(
        expect.objectContaining({ msg: 'old records trimmed', probes: 1, retentionDays: 200 }),
      );
    } finally {
      await events.close();
      await worker.close();
    }
  });
});

describe('RETENTION_DAYS', () => {
  it('defaults to 400 days, takes 184 or more, refuses anything else in Chinese', () => {
    expect(loadConfig({}).retentionDays).toBe(400);
    expect(loadConfig({ RETENTION_DAYS: '184' }).retentionDays).toBe(184);
    expect(loadConfig({ RETENTION_DAYS: '3650' }).retentionDays).toBe(3650);
    for (const bad of ['183', '0', '-1', '200.5', '1y'])
      expect(() => loadConfig({ RETENTION_DAYS: bad }), bad).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_DAYS: '30' })).toThrow(
      '环境变量 RETENTION_DAYS 必须是不小于 184 的整数',
    );
  });
});
