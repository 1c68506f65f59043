import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResultIngester } from '../../src/queue/result-ingester.ts';
import { startSiteWorker } from '../../src/queue/site-worker.ts';
import { createSweepLauncher } from '../../src/queue/sweep-launcher.ts';
import type { SiteResult } from '../../src/results.ts';
import { startSweep } from '../../src/service/start-sweep.ts';
import { FAST_SETTINGS, type Harness, startHarness, waitForSweep } from '../queue/support/harness.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { portal, portalSite, type Seen } from './portal-site.ts';

/*
 * The service's workers take GOV_INSPECT_RESOLVE from their own environment (each worker machine may
 * sit behind its own split DNS): the sweep's jobs carry no resolve table, and the worker's applies.
 */
describe('a service worker started with GOV_INSPECT_RESOLVE', () => {
  let h: Harness;
  let server: RunningServer;
  let seen: Seen[];
  let host: string;
  let result: SiteResult;
  const closers: (() => Promise<unknown>)[] = [];
  const saved = process.env.GOV_INSPECT_RESOLVE;

  beforeAll(async () => {
    h = await startHarness();
    seen = [];
    server = await startServer(portal(seen));
    host = `www.sc.gov.cn:${server.port}`;
    process.env.GOV_INSPECT_RESOLVE = 'www.chengdu.gov.cn:*:127.0.0.1, www.sc.gov.cn:*:127.0.0.1';
    const worker = startSiteWorker({ ...h.config, workerConcurrency: 1 }, h.log);
    const ingester = startResultIngester(h.config, h.store, h.log);
    const launcher = createSweepLauncher(h.config, { settings: FAST_SETTINGS });
    closers.push(
      () => worker.close(),
      () => ingester.close(),
      () => launcher.close(),
    );
    await h.store.sites.replaceAll([portalSite(host)]);
    const sweep = await startSweep(
      h.store,
      launcher,
      { kind: 'adhoc', requestedBy: 'test', now: new Date('2026-11-25T02:00:00Z') },
      () => true,
    );
    await waitForSweep(h.store, sweep.id, 120_000);
    result = (await h.store.results.forSite('sc-portal'))[0]!.result;
  }, 180_000);

  afterAll(async () => {
    if (saved === undefined) delete process.env.GOV_INSPECT_RESOLVE;
    else process.env.GOV_INSPECT_RESOLVE = saved;
    for (const close of closers.splice(0).reverse()) await close();
    await server?.close();
    await h?.close();
  });

  it('renders, crawls and link-checks www.sc.gov.cn on 127.0.0.1 under its real name', () => {
    expect(result.status).toBe('done');
    expect(result.checks.find((c) => c.ruleId === 'header-full-name')?.outcome).toBe('pass');
    expect(result.pagesCrawled).toBeGreaterThan(1);
    const broken = result.checks.find((c) => c.ruleId === 'broken-links')!;
    expect(broken.findings.map((f) => [f.target, f.status])).toContainEqual([
      `http://${host}/files/2025-plan.pdf`,
      404,
    ]);
    expect(new Set(seen.map((s) => s.host))).toEqual(new Set([host]));
    expect(seen).toContainEqual({ method: 'GET', path: '/', host, navigation: true });
  });
});
