import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../src/registry/site.ts';
import type { SiteProbe } from '../../src/store/store.ts';
import { countySite } from '../support/county-site.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { type Harness, startHarness } from './support/harness.ts';
import { type QueueService, startQueueService } from './support/queue-service.ts';

/** The sweep's "today": 25 November 2026, 10:00 Beijing time, in 2026Q4. */
const NOW = new Date('2026-11-25T02:00:00Z');
/** 17 November 2026, 00:00 Beijing time: eight whole days of probes before NOW's day. */
const PROBES_FROM = Date.parse('2026-11-16T16:00:00Z');
const DAYS = 8;
const HALF_HOUR = 30 * 60_000;
/** One probe in twelve fails (8.3 %, over the 5 % of 站点无法访问), never two in a row. */
const FAILING_EVERY = 12;

/** Every half hour for eight days, as the probe rounds record them; each 12th timed out. */
function scheduledProbes(site: Site): SiteProbe[] {
  return Array.from({ length: DAYS * 48 }, (_, i): SiteProbe => {
    const at = new Date(PROBES_FROM + i * HALF_HOUR).toISOString();
    return i % FAILING_EVERY === 0
      ? { siteId: site.id, at, url: site.homepage, ok: false, error: 'TIMEOUT', durationMs: 15_000 }
      : { siteId: site.id, at, url: site.homepage, ok: true, status: 200, durationMs: 60 };
  });
}

describe('homepage-availability through the service: stored probes, a launched sweep, a site worker', () => {
  let h: Harness;
  let server: RunningServer;
  let service: QueueService;

  beforeEach(async () => {
    h = await startHarness();
    service = startQueueService(h);
    // Up now, whatever the probes saw: the worker inspects it like any reachable site.
    server = await startServer((req, res) => {
      if (req.url !== '/' && req.url !== '/bsfw/' && req.url !== '/hdjl/') {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 页面不存在</h1>');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html><head><meta charset="utf-8"><title>时断时续县人民政府</title></head>' +
          // It offers 办事服务 and a 县长信箱, so that the availability veto is the only one.
          '<body><header><h1>时断时续县人民政府</h1></header><p>政务公开</p><a href="/bsfw/">办事服务</a>' +
          '<a href="/hdjl/">县长信箱</a></body></html>',
      );
    });
  });

  afterEach(async () => {
    await service?.close();
    await server.close();
    await h.close();
  });

  it('fails the rule with a single veto: not qualified, and −10 points like any failing rule', async () => {
    const site = countySite('flaky-county', `${server.origin}/`, '时断时续县人民政府');
    await h.store.sites.replaceAll([site]);
    const probes = scheduledProbes(site);
    for (let round = 0; round < probes.length; round += 48) {
      await h.store.probes.record(probes.slice(round, round + 48));
    }
    const failures = probes.filter((probe) => !probe.ok).length;
    expect(failures / probes.length).toBeGreaterThanOrEqual(0.05);

    const sweep = await service.sweep([site], NOW);
    expect(sweep.period).toBe('2026Q4');
    const stored = (await h.store.results.forSite(site.id)).filter((r) => r.sweepId === sweep.id);
    expect(stored).toHaveLength(1);
    const result = stored[0]!.result;

    expect(result.status).toBe('done');
    const availability = result.checks.find((c) => c.ruleId === 'homepage-availability')!;
    expect(availability.outcome).toBe('fail');
    expect(availability.singleVeto).toContain('单项否决');
    expect(availability.findings).toHaveLength(1);
    expect(availability.findings[0]).toMatchObject({
      url: site.homepage,
      message: expect.stringContaining(`共探测首页${probes.length}次，其中${failures}次打不开`),
      evidence: {
        method: 'scheduled-probes',
        from: '2026-09-30T16:00:00.000Z',
        to: NOW.toISOString(),
        probes: probes.length,
        failures,
        daysProbed: DAYS,
        episodeCount: 0,
      },
    });
    expect(result.qualified).toBe(false);
    expect(result.vetoes).toEqual([{ ruleId: 'homepage-availability', reason: availability.singleVeto }]);

    // Contract §5: the veto costs no more than any failing rule. No broken link on this one-page site.
    expect(result.checks.find((c) => c.ruleId === 'broken-links')?.outcome).toBe('pass');
    const failing = result.checks.filter((c) => c.outcome === 'fail').map((c) => c.ruleId);
    expect(failing).toContain('homepage-availability');
    expect(result.score).toBe(100 - 10 * failing.length);
    expect(result.score).toBeGreaterThan(0);
  });
});
