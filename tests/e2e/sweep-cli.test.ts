import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type ServedDemo, serveDemoSites } from '../../demo/serve-demo.ts';
import type { SweepResults } from '../../src/results.ts';
import { runCli } from '../support/cli.ts';

/** The five rules of contract §4, then the rules added after them (issue 5). */
const RULES = [
  'header-full-name',
  'gazette-column',
  'archive-label',
  'annual-report',
  'broken-links',
  'footer-identifiers',
  'error-report-entry',
  'site-functions',
  'column-domain',
];

describe('gov-inspect sweep over the demo sites', () => {
  let demo: ServedDemo;
  let dir: string;
  let results: SweepResults;
  let stdout: string;

  beforeAll(async () => {
    demo = await serveDemoSites();
    dir = await mkdtemp(join(tmpdir(), 'gov-inspect-e2e-'));
    await writeFile(join(dir, 'sites.yaml'), stringify({ sites: demo.sites }));
    const run = await runCli(
      [
        'sweep',
        '--sites',
        join(dir, 'sites.yaml'),
        '--out',
        join(dir, 'out'),
        '--now',
        '2026-11-25T10:00:00+08:00',
        '--request-timeout',
        '3',
      ],
      { cwd: dir },
    );
    expect(run.stderr).not.toMatch(/内部错误/);
    expect(run.code).toBe(0);
    stdout = run.stdout;
    results = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8'));
  }, 240_000);

  afterAll(async () => {
    await demo?.close();
  });

  it('writes the sweep header per contract §3', () => {
    expect(results.sweep.period).toBe('2026Q4');
    expect(results.sweep.now).toBe('2026-11-25T02:00:00.000Z');
    expect(results.sites.map((s) => s.siteId)).toEqual(demo.sites.map((s) => s.id));
    expect(stdout).toContain('report.html');
  });

  it('gives every site one entry per rule, in contract order', () => {
    for (const site of results.sites) expect(site.checks.map((c) => c.ruleId)).toEqual(RULES);
  });

  it('judges every rule of every demo site as its answer key says', () => {
    for (const { site, expected } of demo.demos) {
      const result = results.sites.find((r) => r.siteId === site.id)!;
      expect(result.status, site.id).toBe(expected.status);
      if (!expected.outcomes) continue;
      const outcomes = Object.fromEntries(result.checks.map((c) => [c.ruleId, c.outcome]));
      expect(outcomes, site.id).toEqual(expected.outcomes);
    }
  });

  it('reports exactly the broken links, with no false ones', () => {
    const broken = (siteId: string) =>
      results.sites
        .find((r) => r.siteId === siteId)!
        .checks.find((c) => c.ruleId === 'broken-links')!
        .findings.map((f) => `${new URL(f.target!).pathname} ${f.status}`)
        .sort();
    expect(broken('cd-portal')).toEqual(
      ['/ ECONNREFUSED', '/cdweb/xw/gone.html 200', '/cdweb/xw/old.html 404'].sort(),
    );
    expect(broken('edu-dept')).toEqual(
      ['/loop/a REDIRECT_LOOP', '/lsgd/2018/tzgg.html 404', '/slow TIMEOUT'].sort(),
    );
    for (const id of ['sc-portal', 'hj-county']) expect(broken(id), id).toEqual([]);
  });

  it('says why a link could not be verified instead of calling it broken', () => {
    const fgw = results.sites
      .find((r) => r.siteId === 'fgw-dept')!
      .checks.find((c) => c.ruleId === 'broken-links')!;
    expect(fgw.findings).toHaveLength(1);
    expect(new URL(fgw.findings[0]!.url).pathname).toBe('/');
    expect(fgw.findings[0]!.message).toMatch(/防护|拦截/);
  });

  it('scores per contract §5 and marks the unreachable site', () => {
    const byId = Object.fromEntries(results.sites.map((s) => [s.siteId, s]));
    expect(byId['sc-portal']!.score).toBe(100);
    expect(byId['xx-county']!.status).toBe('unreachable');
    expect(byId['xx-county']!.reason).toMatch(/无法访问/);
    // cd-portal: five failing rules (gazette-column, archive-label, annual-report, footer-identifiers,
    // column-domain: 50) and three broken links on the homepage (3): 100 - 50 - 3 = 47.
    expect(byId['cd-portal']!.score).toBe(47);
    // edu-dept: three failing rules (archive-label, annual-report, error-report-entry: 30), two broken links
    // on the homepage (2), one on the archive index (0.1): 100 - 30 - 2 - 0.1 = 67.9.
    expect(byId['edu-dept']!.score).toBe(67.9);
    // hj-county: two failing rules (header-full-name, site-functions: 20): 100 - 20 = 80.
    expect(byId['hj-county']!.score).toBe(80);
  });

  it('writes a self-contained Chinese report with the header screenshots', async () => {
    const html = await readFile(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('四川省人民政府');
    expect(html).toContain('data:image/png;base64,');
    expect(existsSync(join(dir, 'out', 'evidence', 'sc-portal', 'header.png'))).toBe(true);
  });

  it('leaves no crawlee storage folder behind', () => {
    expect(existsSync(join(dir, 'storage'))).toBe(false);
  });
});
