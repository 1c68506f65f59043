import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Webhook } from 'standardwebhooks';
import { type Routes, type RunningSite, serveRoutes } from '../../../demo/route-server.ts';
import { hjCounty } from '../../../demo/sites/hj-county.ts';
import type { DemoWorld } from '../../../demo/sites/types.ts';
import { loadConfig } from '../../../src/service/config.ts';
import { type RunningService, serve } from '../../../src/service/serve.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { type RunningServer, startServer } from '../../support/http-server.ts';

/** A webhook delivery as it arrived: its headers, its body, and whether its signature checked out. */
export interface Arrival {
  type: string;
  body: Record<string, unknown>;
  verified: boolean;
}

/** A receiver of webhook deliveries on 127.0.0.1 that verifies each against `secret` once known. */
export interface Receiver {
  url: string;
  arrivals: Arrival[];
  /** The subscription's secret, as the console showed it once. */
  secret: string | undefined;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: '', arrivals: [], secret: undefined, close: async () => {} };
  const server: RunningServer = await startServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [
          name,
          String(request.headers[name] ?? ''),
        ]),
      );
      let verified = false;
      try {
        if (receiver.secret) {
          new Webhook(receiver.secret).verify(raw, headers);
          verified = true;
        }
      } catch {
        verified = false;
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      receiver.arrivals.push({ type: String(body.type), body, verified });
      response.writeHead(204).end();
    });
  });
  receiver.url = `${server.origin}/gov-inspect/hook`;
  receiver.close = server.close;
  return receiver;
}

/**
 * The 合江县 demo portal (a county of 泸州, 510500) on 127.0.0.1: its homepage's newest news is 40 days
 * old (网站不更新, the single veto). The letter its 县长信箱 leaves unanswered in the demo is answered
 * here (已办结), so that the stale homepage is its one veto. `changeHomepage` gives it another stale
 * newest entry, as a site that posted once more and then stopped again.
 */
export interface LoopSite {
  origin: string;
  changeHomepage(): void;
  close(): Promise<void>;
}

export async function serveLoopSite(today: Date): Promise<LoopSite> {
  const running: RunningSite = await serveRoutes();
  const world: DemoWorld = { misc: running.origin, refused: 'http://127.0.0.1:9', today };
  const routes = answered(hjCounty.routes(running.origin, world));
  running.setRoutes(routes);
  return {
    origin: running.origin,
    changeHomepage() {
      const home = routes['/']!;
      const body = String(home.body)
        .replace('县政府召开专题会议', '县政府召开第三次常务会议')
        .replace('/xw/1.html', '/xw/2.html');
      running.setRoutes({ ...routes, '/': { ...home, body }, '/xw/2.html': routes['/xw/1.html']! });
    },
    close: running.close,
  };
}

/** The routes with every letter of the 县长信箱 marked 已办结. */
function answered(routes: Routes): Routes {
  return Object.fromEntries(
    Object.entries(routes).map(([path, route]) => [
      path,
      path.startsWith('/hdjl/xzxx/')
        ? { ...route, body: String(route.body).replaceAll('办理中', '已办结') }
        : route,
    ]),
  );
}

export interface LoopService {
  base: string;
  /** A province token, made before the service started: the one to sign in to the console with. */
  provinceToken: string;
  close(): Promise<void>;
}

/** `gov-inspect serve` in this process, over the embedded store or a PostgreSQL URL, with its own workers. */
export async function startLoopService(options: {
  redisUrl: string;
  databaseUrl?: string;
}): Promise<LoopService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gov-inspect-loop-'));
  // The site workers' sandboxed children log at the level they inherit.
  process.env.LOG_LEVEL ??= 'warn';
  const log = pino({ level: process.env.LOG_LEVEL });
  const store = await openStore({ databaseUrl: options.databaseUrl, dataDir, log });
  const province = await store.tokens.create({ role: 'province', region: null, name: '省政府办公厅' });
  await store.close();
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = '1';
  const config = loadConfig({
    REDIS_URL: options.redisUrl,
    DATA_DIR: dataDir,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    PORT: '0',
    HOST: '127.0.0.1',
    QUEUE_PREFIX: `loop-${randomUUID().slice(0, 8)}`,
    PROBE_INTERVAL_MINUTES: '0',
  });
  const service: RunningService = await serve(config, log);
  return {
    base: service.address,
    provinceToken: province.token,
    async close() {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
