import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { pino } from 'pino';
import { app, serverOptions } from '../../src/api/app.ts';
import { registerServiceRoutes } from '../../src/service/service-routes.ts';
import type { Database } from '../../src/store/database.ts';
import { openDatabase, storeOver } from '../../src/store/open-store.ts';
import type { ResultsStore } from '../../src/store/store.ts';
import { CHENGDU_SITES, SITES, siteResult } from '../api/support/fixtures.ts';
import { RecordingLauncher } from '../api/support/launchers.ts';
import type { RunningRedis } from '../support/redis.ts';

export type Role = 'province' | 'cityIn' | 'cityOut' | 'none' | 'bad' | 'revoked';
export const ROLES: readonly Role[] = ['province', 'cityIn', 'cityOut', 'none', 'bad', 'revoked'];

/** The proxy the server believes (TRUST_PROXY): the test's own address, as for a proxy on the same machine. */
export const TRUSTED_PROXY = '127.0.0.1';

/** A route as Fastify registered it, one per method. */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** The route's declared access (config.access under /api/v1, config.dashboard under /dashboard). */
  access: string | undefined;
  /** The most bytes of body it reads: its own bodyLimit, else the server's. */
  bodyLimit: number;
}

/** What every table of the store holds, and the sweeps launched: equal snapshots, nothing changed. */
export interface Snapshot {
  tables: Record<string, string>;
  launches: number;
}

export interface RouteServer {
  app: FastifyInstance;
  store: ResultsStore;
  launcher: RecordingLauncher;
  /** Every route registered, from Fastify's onRoute hook. */
  routes: RegisteredRoute[];
  /**
   * The tokens of the roles that have one; `bad` is a token the store never made, `revoked` a
   * province token it made and the API then revoked.
   */
  tokens: Record<Exclude<Role, 'none'>, string>;
  /** A Chengdu sweep (in reach of cityIn) and a province-wide one, with results and a screenshot. */
  sweeps: { chengdu: string; province: string };
  snapshot(): Promise<Snapshot>;
  close(): Promise<void>;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/**
 * The server as `serve` builds it with TRUST_PROXY=127.0.0.1 (its server options, the `app` plugin,
 * then registerServiceRoutes), with every route recorded as Fastify registers it; over the embedded
 * store seeded with SITES, a province token, Chengdu's (510100: cd-* in reach) and Mianyang's
 * (510700: cd-* out of reach).
 */
export async function routeServer(redis: RunningRedis): Promise<RouteServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gov-inspect-routes-'));
  const db = await openDatabase({ dataDir });
  const store = storeOver(db);
  const artifactDir = join(dataDir, 'artifacts');
  await store.sites.replaceAll(SITES);
  const launcher = new RecordingLauncher();
  const routes: RegisteredRoute[] = [];
  const fastify = Fastify(serverOptions(TRUSTED_PROXY));
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { access?: string; dashboard?: string };
    const access = config.access ?? config.dashboard;
    const bodyLimit = route.bodyLimit ?? fastify.initialConfig.bodyLimit!;
    for (const method of [route.method].flat())
      routes.push({ method: String(method), url: route.url, access, bodyLimit });
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
  const province = await token('province', null, '省政府办公厅');
  const tokens = {
    province,
    cityIn: await token('city', '510100', '成都市政府办公厅'),
    cityOut: await token('city', '510700', '绵阳市政府办公室'),
    bad: `gi_${'x'.repeat(43)}`,
    revoked: await revokedToken(fastify, store, province),
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
    snapshot: async () => ({ tables: await tableDigests(db), launches: launcher.launches.length }),
    async close() {
      await fastify.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A province token, made by the store and revoked through the API as the console does. */
async function revokedToken(fastify: FastifyInstance, store: ResultsStore, by: string): Promise<string> {
  const { token, record } = await store.tokens.create({ role: 'province', region: null, name: '已吊销' });
  const answer = await fastify.inject({
    method: 'DELETE',
    url: `/api/v1/tokens/${record.id}`,
    headers: { authorization: `Bearer ${by}` },
  });
  if (answer.statusCode !== 204) throw new Error(`revoking the token answered ${answer.statusCode}`);
  return token;
}

/** Each table's rows, hashed (md5 of the rows as text, in order). */
async function tableDigests(db: Database): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ digest: string | null }>(
      `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest FROM "${name}" t`,
    );
    digests[name] = row?.digest ?? 'empty';
  }
  return digests;
}
