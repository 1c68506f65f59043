import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { appendProbes, type LoggedProbe } from '../../crawlers/homepage-probe/probe-log.ts';
import { probeHistory } from '../../demo/probe-history.ts';
import { serveDemoSites } from '../../demo/serve-demo.ts';
import type { Site } from '../../src/registry/site.ts';
import type { SiteResult, SweepResults } from '../../src/results.ts';
import { runCli } from '../support/cli.ts';
import { type RunningServer, refusedPort, startServer } from '../support/http-server.ts';

const NOW = '2026-11-25T10:00:00+08:00';
const HALF_HOUR = 30 * 60_000;
const HOMEPAGE = `<!doctype html><html><head><meta charset="utf-8"><title>县人民政府</title></head>
<body><header><h1>县人民政府</h1></header><main><a href="/about.html">概况</a></main></body></html>`;

function site(id: string, homepage: string): Site {
  return {
    id,
    fullName: `${id}人民政府`,
    homepage,
    level: 'county',
    kind: 'portal',
    region: '510522',
    parent: null,
    archiveRoots: [],
  };
}

/** 8 days before NOW at 48 probes a day; every `failEvery`-th probe refused (0: none). */
function history(s: Site, failEvery: number): LoggedProbe[] {
  return Array.from({ length: 8 * 48 }, (_, i): LoggedProbe => {
    const at = new Date(Date.parse(NOW) - (i + 1) * HALF_HOUR).toISOString();
    const failed = failEvery > 0 && i % failEvery === 0;
    return failed
      ? { siteId: s.id, at, url: s.homepage, ok: false, error: 'ECONNREFUSED', durationMs: 2 }
      : { siteId: s.id, at, url: s.homepage, ok: true, status: 200, durationMs: 150 };
  });
}

function availabilityOf(results: SweepResults, siteId: string) {
  const result = results.sites.find((r) => r.siteId === siteId) as SiteResult;
  return { result, check: result.checks.find((c) => c.ruleId === 'homepage-availability')! };
}

async function sweep(dir: string, sites: string, probes: string, out: string, extra: string[] = []) {
  return runCli(
    [
      'sweep',
      '--sites',
      sites,
      '--out',
      out,
      '--now',
      NOW,
      '--max-pages',
      '2',
      '--request-timeout',
      '3',
      '--probes',
      probes,
      ...extra,
    ],
    { cwd: dir },
  );
}

describe('gov-inspect probe and sweep --probes', () => {
  let dir: string;
  let servers: RunningServer[];
  let clean: Site;
  let flaky: Site;
  let refused: Site;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gov-inspect-probe-cli-'));
    servers = await Promise.all(
      [0, 1].map(() =>
        startServer((_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOMEPAGE);
        }),
      ),
    );
    clean = site('clean-county', `${servers[0]!.origin}/`);
    flaky = site('flaky-county', `${servers[1]!.origin}/`);
    refused = site('dead-county', `http://127.0.0.1:${await refusedPort()}/`);
    await writeFile(join(dir, 'all.yaml'), stringify({ sites: [clean, flaky, refused] }));
    await writeFile(join(dir, 'live.yaml'), stringify({ sites: [clean, flaky] }));
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('probes every homepage once per run, appending one line per site', async () => {
    const log = join(dir, 'probes.jsonl');
    for (let run = 0; run < 2; run++) {
      const probe = await runCli(['probe', '--sites', join(dir, 'all.yaml'), '--log', log], { cwd: dir });
      expect(probe.stderr).toBe('');
      expect(probe.code).toBe(0);
      expect(probe.stdout).toContain('3 个网站，1 个无法访问');
    }
    const lines = (await readFile(log, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(6);
    const dead = lines.filter((line) => line.siteId === refused.id);
    expect(dead).toHaveLength(2);
    for (const line of dead)
      expect(line).toMatchObject({ url: refused.homepage, ok: false, error: 'ECONNREFUSED' });
    for (const line of lines.filter((l) => l.siteId !== refused.id))
      expect(line).toMatchObject({ ok: true, status: 200 });
  });

  it('judges availability from 8 days of logged probes: 5 % failures fail the site with a single veto', async () => {
    const log = join(dir, 'history.jsonl');
    await appendProbes(log, [...history(clean, 0), ...history(flaky, 10)]);
    const run = await sweep(dir, join(dir, 'live.yaml'), log, join(dir, 'out'));
    expect(run.stderr).not.toMatch(/内部错误/);
    expect(run.code).toBe(0);
    const results: SweepResults = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8'));
    const bad = availabilityOf(results, flaky.id);
    expect(bad.check.outcome).toBe('fail');
    expect(bad.check.singleVeto).toMatch(/站点无法访问/);
    expect(bad.check.findings[0]?.evidence).toMatchObject({
      method: 'scheduled-probes',
      probes: 384,
      failures: 39,
    });
    expect(bad.result.qualified).toBe(false);
    expect(availabilityOf(results, clean.id).check.outcome).toBe('pass');
  }, 240_000);

  it('rejects a malformed probe log with exit code 2, naming the line, and writes nothing', async () => {
    const log = join(dir, 'bad.jsonl');
    await writeFile(log, `${JSON.stringify(history(clean, 0)[0])}\n{"siteId":"clean-county","ok":true}\n`);
    const out = join(dir, 'out-bad');
    const run = await sweep(dir, join(dir, 'live.yaml'), log, out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/探测记录文件 .*bad\.jsonl 第 2 行有误：at 不是 ISO-8601 时间/);
    expect(existsSync(out)).toBe(false);
  });

  it('shows the demo’s dead site failing availability from the demo’s probe history', async () => {
    const demo = await serveDemoSites({ today: new Date(NOW) });
    try {
      const sites = demo.sites.filter((s) => s.id === 'xx-county' || s.id === 'sc-portal');
      await writeFile(join(dir, 'demo.yaml'), stringify({ sites }));
      const log = join(dir, 'demo.jsonl');
      await appendProbes(log, probeHistory(demo, new Date(NOW)));
      const run = await sweep(dir, join(dir, 'demo.yaml'), log, join(dir, 'out-demo'));
      expect(run.code).toBe(0);
      const results: SweepResults = JSON.parse(await readFile(join(dir, 'out-demo', 'results.json'), 'utf8'));
      const dead = availabilityOf(results, 'xx-county');
      expect(dead.result.status).toBe('unreachable');
      expect(dead.check.outcome).toBe('fail');
      expect(dead.result.qualified).toBe(false);
      expect(availabilityOf(results, 'sc-portal').check.outcome).toBe('pass');
    } finally {
      await demo.close();
    }
  }, 240_000);
});
