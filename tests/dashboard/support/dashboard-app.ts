import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../../../src/api/app.ts';
import { dashboardRoutes } from '../../../src/dashboard/dashboard-routes.ts';
import type { QueueConfig } from '../../../src/queue/queues.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { ResultsStore } from '../../../src/store/store.ts';
import { webhookRoutes } from '../../../src/webhooks/routes.ts';
import { RecordingLauncher } from '../../api/support/launchers.ts';

/** "Today" of the dashboards under test: in 2026Q2. */
export const TODAY = new Date('2026-05-20T02:00:00.000Z');

export interface DashboardApp {
  app: FastifyInstance;
  store: ResultsStore;
  launcher: RecordingLauncher;
  artifactDir: string;
  tokens: { province: string; luzhou: string; chengdu: string };
  /** The origin the app listens on, after listen(). */
  base: string;
  listen(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The API built as `serve` builds it, with the dashboards registered on it, over the embedded store
 * in a fresh directory; tokens for the province, Luzhou (510500) and Chengdu (510100). With
 * `webhooks`, the webhook routes too (their redeliveries queued in that Redis; loopback receivers allowed);
 * with `trustProxy`, the TRUST_PROXY it runs behind.
 */
export async function dashboardApp(
  options: { sweepPollMs?: number; webhooks?: QueueConfig; trustProxy?: string } = {},
): Promise<DashboardApp> {
  const dir = await mkdtemp(join(tmpdir(), 'gov-inspect-dashboard-'));
  const artifactDir = join(dir, 'artifacts');
  const store = await openStore({ dataDir: join(dir, 'data') });
  const log = pino({ level: 'silent' });
  const launcher = new RecordingLauncher();
  const app = await buildApp({
    store,
    launcher,
    queueHealth: async () => true,
    log,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  });
  if (options.webhooks)
    await app.register(webhookRoutes, {
      prefix: '/api/v1',
      queue: options.webhooks,
      allowPrivateTargets: true,
    });
  await app.register(dashboardRoutes, {
    store,
    artifactDir,
    log,
    now: () => TODAY,
    ...(options.sweepPollMs ? { sweepPollMs: options.sweepPollMs } : {}),
  });
  const tokens = {
    province: (await store.tokens.create({ role: 'province', region: null, name: '省政府办公厅' })).token,
    luzhou: (await store.tokens.create({ role: 'city', region: '510500', name: '泸州市政府办公室' })).token,
    chengdu: (await store.tokens.create({ role: 'city', region: '510100', name: '成都市政府办公厅' })).token,
  };
  const fixture: DashboardApp = {
    app,
    store,
    launcher,
    artifactDir,
    tokens,
    base: '',
    async listen() {
      await app.listen({ host: '127.0.0.1', port: 0 });
      fixture.base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      return fixture.base;
    },
    async close() {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}
