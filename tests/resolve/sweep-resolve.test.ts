import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteResult, SweepResults } from '../../src/results.ts';
import { runCli } from '../support/cli.ts';
import { type RunningServer, startServer } from '../support/http-server.ts';
import { portal, type Seen, sitesYaml } from './portal-site.ts';

describe('gov-inspect sweep --resolve', () => {
  let server: RunningServer;
  let dir: string;
  let seen: Seen[];
  let result: SiteResult;
  let host: string;

  beforeAll(async () => {
    seen = [];
    server = await startServer(portal(seen));
    host = `www.sc.gov.cn:${server.port}`;
    dir = await mkdtemp(join(tmpdir(), 'gov-inspect-resolve-'));
    await writeFile(join(dir, 'sites.yaml'), sitesYaml(host));
    const run = await runCli(
      [
        'sweep',
        '--sites',
        join(dir, 'sites.yaml'),
        '--out',
        join(dir, 'out'),
        '--now',
        '2026-11-25',
        '--request-timeout',
        '5',
        // For the homepage's port only: the gatherers asking other ports (HTTPS on 443) follow it.
        '--resolve',
        `${host}:127.0.0.1`,
        '--resolve',
        'www.chengdu.gov.cn:*:127.0.0.1',
      ],
      { cwd: dir },
    );
    expect(run.stderr).not.toMatch(/内部错误/);
    expect(run.code).toBe(0);
    const results = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8')) as SweepResults;
    result = results.sites[0]!;
  }, 240_000);

  afterAll(async () => {
    await server?.close();
  });

  it('reaches the site under its real name: rendered, crawled and link-checked', () => {
    expect(result.status).toBe('done');
    expect(result.homepage).toBe(`http://${host}/`);
    expect(result.checks.find((c) => c.ruleId === 'header-full-name')?.outcome).toBe('pass');
    expect(result.pagesCrawled).toBeGreaterThan(1);
    const broken = result.checks.find((c) => c.ruleId === 'broken-links')!;
    expect(broken.findings.map((f) => [f.target, f.status])).toContainEqual([
      `http://${host}/files/2025-plan.pdf`,
      404,
    ]);
  });

  it('every request the server saw carried Host: www.sc.gov.cn:PORT, from Chromium, the crawl and the link check', () => {
    expect(new Set(seen.map((s) => s.host))).toEqual(new Set([host]));
    expect(seen).toContainEqual({ method: 'GET', path: '/', host, navigation: true });
    expect(seen).toContainEqual({ method: 'GET', path: '/zwgk/detail.html', host, navigation: false });
    expect(seen).toContainEqual({ method: 'HEAD', path: '/files/2025-plan.pdf', host, navigation: false });
  });

  it('asks HTTPS of the same loopback address, never of the real www.sc.gov.cn', () => {
    const https = result.checks.find((c) => c.ruleId === 'https-security')!;
    expect(https.findings[0]?.evidence).toEqual({
      url: 'https://www.sc.gov.cn/',
      error: 'ECONNREFUSED',
      problem: 'no-https',
    });
    expect(JSON.stringify(https.findings)).not.toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it('refuses a bad --resolve with exit code 2 and a Chinese message, inspecting nothing', async () => {
    const before = seen.length;
    for (const bad of ['www.sc.gov.cn:80', `${host}:not-an-ip`, 'www.sc.gov.cn:99999:127.0.0.1']) {
      const run = await runCli([
        'sweep',
        '--sites',
        join(dir, 'sites.yaml'),
        '--out',
        join(dir, 'bad'),
        '--resolve',
        bad,
      ]);
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toContain(`--resolve 的值有误：“${bad}”`);
      expect(run.stderr).toContain('主机名:端口:IP地址');
    }
    expect(seen.length).toBe(before);
  }, 60_000);
});
