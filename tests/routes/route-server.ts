import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { pino } from 'pino';
import { app } from '../../src/api/app.ts';
import { registerServiceRoutes } from '../../src/service/service-routes.ts';
import type { ResultsStore } from '../../src/store/store.ts';
import { openEmbeddedStore } from '../api/support/api-fixture.ts';
import { CHENGDU_SITES, SITES, siteResult } from '../api/support/fixtures.ts';
import { RecordingLauncher } from '../api/support/launchers.ts';
import type { RunningRedis } from '../support/redis.ts';

export type Role = 'province' | 'cityIn' | 'cityOut' | 'none' | 'bad';
export const ROLES: readonly Role[] = ['province', 'cityIn', 'cityOut', 'none', 'bad'];

/** A route as Fastify registered it, one per method. */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** The route's declared access (config.access under /api/v1, config.dashboard under /dashboard). */
  access: string | undefined;
}

export interface RouteServer {
  app: FastifyInstance;
  store: ResultsStore;
  launcher: RecordingLauncher;
  /** Every route registered, from Fastify's onRoute hook. */
  routes: RegisteredRoute[];
  /** The tokens of the roles that have one; `bad` is a token the store never made. */
  tokens: Record<Exclude<Role, 'none'>, string>;
  /** A Chengdu sweep (in reach of cityIn) and a province-wide one, with results and a screenshot. */
  sweeps: { chengdu: string; province: string };
  close(): Promise<void>;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/**
 * The server as `serve` builds it (the `app` plugin, then registerServiceRoutes), with every route
 * recorded as Fastify registers it; over the embedded store seeded with SITES, a province token,
 * Chengdu's (510100: cd-* in reach) and Mianyang's (510700: cd-* out of reach).
 */
export async function routeServer(redis: RunningRedis): Promise<RouteServer> {
  const store = await openEmbeddedStore();
  const artifactDir = await mkdtemp(join(tmpdir(), 'gov-inspect-routes-'));
  await store.sites.replaceAll(SITES);
  const launcher = new RecordingLauncher();
  const routes: RegisteredRoute[] = [];
  const fastify = Fastify();
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { access?: string; dashboard?: string };
    const access = config.access ?? config.dashboard;
    for (const method of [route.method].flat())
      routes.push({ method: String(method), url: route.url, access });
  });
  await fastify.register(app, { store, launcher, queueHealth: async () => true, rateLimit: false });
  await registerServiceRoutes(fastify, {
    store,
    artifactDir,
    log: pino({ level: 'silent' }),
    queue: { redisUrl: redis.url, queuePrefix: `routes-${randomUUID().slice(0, 8)}` },
    webhooks: { allowPrivateTargets: true },
  });
  await fastify.ready();
  const token = async (role: 'province' | 'city', region: string | null, name: string) =>
    (await store.tokens.create({ role, region, name })).token;
  const tokens = {
    province: await token('province', null, '省政府办公厅'),
    cityIn: await token('city', '510100', '成都市政府办公厅'),
    cityOut: await token('city', '510700', '绵阳市政府办公室'),
    bad: `gi_${'x'.repeat(43)}`,
  };
  const sweep = async (id: string, siteIds: string[], region: string | null) => {
    await store.sweeps.create({
      id,
      kind: 'adhoc',
      period: '2026Q2',
      siteIds,
      now: '2026-05-10T00:00:00.000Z',
      region,
      requestedBy: 'test',
    });
    for (const siteId of siteIds) {
      await store.results.record(id, siteResult(siteId, ['annual-report']));
      const dir = join(artifactDir, id, 'evidence', siteId);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'header.png'), PNG);
    }
    return id;
  };
  const sweeps = {
    chengdu: await sweep('sweep-cd', CHENGDU_SITES, '5101'),
    province: await sweep(
      'sweep-all',
      SITES.map((site) => site.id),
      null,
    ),
  };
  return {
    app: fastify,
    store,
    launcher,
    routes,
    tokens,
    sweeps,
    async close() {
      await fastify.close();
      await store.close();
      await rm(artifactDir, { recursive: true, force: true });
    },
  };
}
