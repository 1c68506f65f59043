import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../src/log.ts';
import { loadConfig } from '../src/service/config.ts';
import { serve } from '../src/service/serve.ts';
import { openStore } from '../src/store/open-store.ts';
import { startOwnRedis } from './own-redis.ts';
import { probeHistory } from './probe-history.ts';
import { serveDemoSites } from './serve-demo.ts';

export interface DemoService {
  /** e.g. http://127.0.0.1:8080 */
  address: string;
  /** The province token made for the demo, to sign in with. */
  token: string;
  /** The sweep started on the demo sites. */
  sweepId: string;
  /** Stops the service, the demo sites and Redis, and removes the demo's data. */
  close(): Promise<void>;
  /** Kills what would outlive this process (Redis), at once: for a second Ctrl-C. */
  kill(): void;
}

/**
 * The whole service on one machine with nothing set up: the demo sites on loopback under their
 * real-looking names, a Redis of its own on a free port, `serve` over the embedded store in a fresh
 * directory, the sites registered and a quarterly patrol started through the API with a province
 * token made for it. Everything it started is stopped by `close`, whatever step failed.
 */
export async function startDemoService(options: {
  host: string;
  port: number;
  log: Logger;
}): Promise<DemoService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gov-inspect-demo-service-'));
  const started: (() => Promise<void>)[] = [() => rm(dataDir, { recursive: true, force: true })];
  let kill = () => {};
  const close = async () => {
    for (const stop of started.reverse()) await stop().catch(() => undefined);
  };
  try {
    const now = new Date();
    const redis = await startOwnRedis(dataDir);
    started.push(() => redis.stop());
    kill = () => redis.kill();
    const demo = await serveDemoSites({ today: now, namedHosts: true });
    started.push(() => demo.close());
    const resolve = demo.resolve.map((entry) => `${entry.host}:${entry.port}:${entry.address}`).join(',');
    // The site workers' sandboxed children read the names' addresses from the environment they inherit.
    process.env.GOV_INSPECT_RESOLVE = resolve;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      HOST: options.host,
    };
    delete env.DATABASE_URL;
    const config = loadConfig({ ...env, PORT: String(options.port), QUEUE_PREFIX: 'gov-inspect-demo' });

    // The embedded store is one process's at a time: the token and the probe history first, then serve.
    const store = await openStore({ dataDir, log: options.log });
    const made = await store.tokens.create({ role: 'province', region: null, name: '演示：省政府办公厅' });
    await store.probes.record(probeHistory(demo, now));
    await store.close();

    const service = await serve(config, options.log);
    started.push(() => service.close());
    const call = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${service.address}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${made.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    };
    await call('PUT', '/sites', { sites: demo.sites });
    const sweep = await call('POST', '/sweeps', { kind: 'quarterly-patrol' });
    return { address: service.address, token: made.token, sweepId: String(sweep.id), close, kill };
  } catch (error) {
    await close();
    throw error;
  }
}
