import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type ServedDemo, serveDemoSites } from '../../demo/serve-demo.ts';
import type { SweepResults } from '../../src/results.ts';
import { runCli } from '../support/cli.ts';

/** linkinator's verdicts on a site: broken target URL → HTTP status (0 for no response). */
async function linkinatorBroken(homepage: string): Promise<Map<string, number>> {
  const result = await new LinkChecker().check({
    path: homepage,
    recurse: true,
    timeout: 3_000,
    concurrency: 8,
  });
  return new Map(
    result.links
      .filter((l) => l.state === LinkState.BROKEN)
      .map((l) => [new URL(l.url).href.replace(/#.*$/, ''), l.status ?? 0]),
  );
}

describe('gov-inspect against linkinator on the demo sites', () => {
  let demo: ServedDemo;
  let results: SweepResults;

  beforeAll(async () => {
    demo = await serveDemoSites();
    const dir = await mkdtemp(join(tmpdir(), 'gov-inspect-vs-linkinator-'));
    await writeFile(
      join(dir, 'sites.yaml'),
      stringify({ sites: demo.sites.filter((s) => s.id !== 'xx-county') }),
    );
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
        '3',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    results = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8'));
  }, 240_000);

  afterAll(async () => {
    await demo?.close();
  });

  it('finds every broken link linkinator finds (or says why it is not broken), and the soft 404s it misses', async () => {
    let softOnlyOurs = 0;
    for (const site of results.sites) {
      const findings = site.checks.find((c) => c.ruleId === 'broken-links')!.findings;
      const ours = new Map(findings.map((f) => [f.target!, f]));
      const theirs = await linkinatorBroken(site.homepage);
      for (const [target, status] of theirs) {
        // linkinator lists its start page too; we judge the homepage as the site's reachability
        // (a WAF-guarded homepage that Chromium got through is inspected, not called broken).
        if (target === site.homepage) continue;
        const finding = ours.get(target);
        if (status === 429) {
          // A busy server: we honour Retry-After and find the link working; linkinator gives up at once.
          expect(finding, `${site.siteId} ${target}`).toBeUndefined();
          continue;
        }
        expect(finding, `${site.siteId}: linkinator says ${target} is broken (${status})`).toBeDefined();
        // A WAF challenge is reported, as unverified, never as a broken link.
        if (status === 412) expect(finding!.message).toMatch(/防护系统/);
      }
      for (const finding of findings) {
        if (finding.evidence.softNotFound && !theirs.has(finding.target!)) softOnlyOurs++;
      }
    }
    expect(softOnlyOurs).toBeGreaterThan(0);
  }, 120_000);
});
