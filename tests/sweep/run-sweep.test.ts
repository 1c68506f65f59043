import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEvidenceStore } from '../../src/inspection/evidence-store.ts';
import type { Site } from '../../src/registry/site.ts';
import { runSweep } from '../../src/sweep/run-sweep.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';

const quiet = pino({ level: 'silent' });

/** A site whose homepage answers at once and links 40 pages that never answer. */
async function slowSite(): Promise<RunningServer> {
  const links = Array.from({ length: 40 }, (_, i) => `<a href="/slow/${i}.html">栏目${i}</a>`).join('');
  return startServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<title>慢速网站</title><header><h1>四川省慢速局</h1></header>${links}`);
    }
  });
}

describe('runSweep', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await slowSite();
  });
  afterAll(() => server.close());

  it('ends a site at its time limit, leaving what is unfinished for review', async () => {
    const site: Site = {
      id: 'slow',
      fullName: '四川省慢速局',
      homepage: `${server.origin}/`,
      level: 'province',
      kind: 'department',
      region: '510000',
      parent: null,
      archiveRoots: [],
    };
    const started = Date.now();
    const results = await runSweep([site], {
      now: new Date('2026-11-25T02:00:00Z'),
      concurrency: 1,
      siteTimeLimitMs: 4_000,
      settings: {
        maxPages: 50,
        crawl: { totalTimeoutMs: 6_000, responseTimeoutMs: 6_000 },
        links: { totalTimeoutMs: 6_000, responseTimeoutMs: 6_000 },
      },
      evidence: fileEvidenceStore(await mkdtemp(join(tmpdir(), 'run-sweep-'))),
      log: quiet,
    });
    const elapsed = Date.now() - started;
    // Bounded by the limit plus the requests already in flight (their own timeout), not by 40 × 6 s.
    expect(elapsed).toBeLessThan(4_000 + 6_000 + 5_000);
    const [result] = results.sites;
    expect(result!.status).toBe('done');
    const header = result!.checks.find((c) => c.ruleId === 'header-full-name')!;
    expect(header.outcome).toBe('pass');
    const links = result!.checks.find((c) => c.ruleId === 'broken-links')!;
    expect(links.outcome).toBe('review');
    expect(JSON.stringify(links.findings)).toContain('超过时限');
  }, 60_000);
});
