import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResolveEntries } from '../../crawlers/resolve/resolve-table.ts';
import {
  createSweepResources,
  type InspectionSettings,
  type SweepResources,
  withResolveTable,
} from '../../src/inspection/context.ts';
import { fileEvidenceStore } from '../../src/inspection/evidence-store.ts';
import { inspectSite } from '../../src/inspection/inspect-site.ts';
import type { Site } from '../../src/registry/site.ts';
import type { SiteResult } from '../../src/results.ts';
import { type FixtureSite, html, serveSite } from '../crawlers/site-crawl/fixture-site.ts';
import {
  CANARY_HOST,
  type Canary,
  canaryTargets,
  recordConnections,
  startCanary,
  UNREACHABLE_TARGETS,
} from '../support/canary.ts';
import { runCli } from '../support/cli.ts';

const NOW = new Date('2026-11-25T02:00:00Z');
const SITE = 'www.site.gov.cn';
const RESOLVE = parseResolveEntries([`${SITE}:*:127.0.0.1`, `${CANARY_HOST}:*:127.0.0.3`]);
const TIMEOUTS = { connectTimeoutMs: 2_000, responseTimeoutMs: 3_000, totalTimeoutMs: 4_000 };
const SETTINGS: InspectionSettings = withResolveTable(
  {
    maxPages: 10,
    crawl: TIMEOUTS,
    links: { ...TIMEOUTS, retryBaseDelayMs: 50 },
    render: { navigationTimeoutMs: 10_000, settleCapMs: 2_000 },
  },
  RESOLVE,
);
const REDIRECTS = ['dotted', 'hex', 'name', 'userinfo', 'metadata'];

/**
 * A city portal on 127.0.0.1 whose homepage (anchors and sub-resources, hints and a script's request),
 * a crawled page, and redirects of its own all point at the canary in every form.
 */
function hostilePortal(
  port: number,
  sitePort: number,
): Record<string, { status?: number; headers?: Record<string, string>; body?: string }> {
  const forms = [...canaryTargets(port, `${SITE}:${sitePort}`), ...UNREACHABLE_TARGETS];
  const head = `<link rel="preconnect" href="https://127.0.0.3:${port}">
<link rel="prefetch" href="http://2130706435:${port}/prefetch">
<link rel="stylesheet" href="http://0x7f000003:${port}/style.css">
<script src="http://[::ffff:127.0.0.3]:${port}/script.js"></script>`;
  const body = `${forms.map(({ form, href }) => `<img alt="${form}" src="${href}?img">`).join('\n')}
<script>fetch('http://127.3:${port}/fetch').catch(() => {});</script>`;
  const to = (location: string) => ({ status: 302, headers: { location } });
  return {
    '/': {
      body: html(
        '示例市人民政府',
        ['/news/', ...forms.map(({ href }) => href), ...REDIRECTS.map((r) => `/go/${r}`)],
        body,
      ).replace('</head>', `${head}</head>`),
    },
    '/news/': {
      body: html(
        '新闻',
        forms.map(({ href }) => `${href}?news`),
      ),
    },
    '/go/dotted': to(`http://127.0.0.3:${port}/redirected`),
    '/go/hex': to(`http://0x7f000003:${port}/redirected-hex`),
    '/go/name': to(`http://${CANARY_HOST}:${port}/redirected-name`),
    '/go/userinfo': to(`http://${SITE}:${sitePort}@127.0.0.3:${port}/redirected-userinfo`),
    '/go/metadata': to('http://169.254.169.254/latest/meta-data/'),
  };
}

describe('a whole inspection of a site whose pages point at a canary in every form', () => {
  let canary: Canary;
  let site: FixtureSite;
  let resources: SweepResources;
  let dir: string;
  let result: SiteResult;
  let hosts: string[];
  let homepage: string;

  const city = (): Site => ({
    id: 'hostile-city',
    fullName: '示例市人民政府',
    homepage,
    level: 'city',
    kind: 'portal',
    region: '510100',
    parent: null,
    archiveRoots: [],
  });
  const inspect = (settings: InspectionSettings) =>
    inspectSite(city(), {
      ...resources,
      now: NOW,
      settings,
      evidence: fileEvidenceStore(dir),
      log: pino({ level: 'silent' }),
      signal: AbortSignal.timeout(60_000),
    });

  beforeAll(async () => {
    canary = await startCanary();
    const pages: Record<string, { status?: number; headers?: Record<string, string>; body?: string }> = {};
    site = await serveSite(pages);
    Object.assign(pages, hostilePortal(canary.port, site.port));
    homepage = `http://${SITE}:${site.port}/`;
    dir = await mkdtemp(join(tmpdir(), 'reach-corpus-'));
    resources = createSweepResources(SETTINGS.links);
    const connections = recordConnections();
    try {
      result = await inspect(SETTINGS);
    } finally {
      connections.stop();
    }
    hosts = connections.hosts;
  }, 90_000);

  afterAll(async () => {
    await resources?.close();
    await site?.close();
    await canary?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('inspects the site, its homepage rendered and its pages crawled', () => {
    expect(result.status).toBe('done');
    expect(result.pagesCrawled).toBeGreaterThanOrEqual(2);
    expect(site.hits('/news/')).toBeGreaterThan(0);
  });

  it('never reaches the canary, nor connects anywhere but the site', () => {
    expect(canary.connections).toBe(0);
    expect(new Set(hosts)).toEqual(new Set(['127.0.0.1']));
  });

  it('reviews every target in every form as refused, never as broken or working', () => {
    const report = result.checks.find((c) => c.ruleId === 'broken-links');
    expect(report?.outcome).toBe('review');
    const refused = new Map(
      (report?.findings ?? [])
        .filter((f) => f.status === 'ADDRESS_REFUSED')
        .map((f) => [`${f.url} ${f.target}`, f]),
    );
    const forms = [...canaryTargets(canary.port, `${SITE}:${site.port}`), ...UNREACHABLE_TARGETS];
    const expected = [
      ...forms.map(({ href }) => [homepage, new URL(href).href]),
      ...forms.map(({ href }) => [homepage, new URL(`${href}?img`).href]),
      ...forms.map(({ href }) => [`${homepage}news/`, new URL(`${href}?news`).href]),
      ...REDIRECTS.map((name) => [homepage, `${homepage}go/${name}`]),
      [homepage, `http://127.0.0.3:${canary.port}/script.js`.replace('127.0.0.3', '[::ffff:7f00:3]')],
      [homepage, `http://127.0.0.3:${canary.port}/style.css`],
      [homepage, `http://127.0.0.3:${canary.port}/fetch`],
    ];
    for (const [page, target] of expected) {
      const finding = refused.get(`${page} ${target}`);
      expect(finding, `${page} → ${target}`).toBeDefined();
      expect(finding?.message).toContain('出于安全考虑未访问');
      expect(finding?.evidence).toMatchObject({ refused: { addressClass: expect.any(String) } });
    }
    expect(report?.findings.filter((f) => f.status !== 'ADDRESS_REFUSED').map((f) => f.target)).toEqual([]);
  });

  it('reaches the canary once CRAWL_ALLOW_NETWORKS names its network', async () => {
    const allowed = await inspect({ ...SETTINGS, allowNetworks: ['127.0.0.3/32'] });
    expect(allowed.status).toBe('done');
    expect(canary.connections).toBeGreaterThan(0);
    expect(canary.paths).toEqual(expect.arrayContaining(['/decimal', '/script.js', '/redirected']));
    const refused = allowed.checks
      .find((c) => c.ruleId === 'broken-links')
      ?.findings.filter((f) => f.status === 'ADDRESS_REFUSED')
      .map((f) => (f.evidence?.refused as { address?: string } | undefined)?.address);
    expect(refused).not.toContain('127.0.0.3');
    expect(refused).toEqual(expect.arrayContaining(['::1', '0.0.0.0', '10.0.0.1', '169.254.169.254']));
  }, 90_000);
});

describe('CRAWL_ALLOW_NETWORKS with a bad value', () => {
  it('stops gov-inspect sweep before it starts, saying what is wrong in Chinese', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reach-env-'));
    try {
      const sites = join(dir, 'sites.yaml');
      await writeFile(
        sites,
        'sites:\n  - id: a\n    fullName: 示例市人民政府\n    homepage: http://www.a.gov.cn/\n    level: city\n    kind: portal\n    region: "510100"\n',
      );
      const run = await runCli(['sweep', '--sites', sites, '--out', join(dir, 'out')], {
        env: { CRAWL_ALLOW_NETWORKS: '10.0.0.0/8,intranet' },
        timeoutMs: 60_000,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('环境变量 CRAWL_ALLOW_NETWORKS 有误：“intranet”不是有效的网段');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 70_000);
});
