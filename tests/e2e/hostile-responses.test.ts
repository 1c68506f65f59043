import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { SiteResult, SweepResults } from '../../src/results.ts';
import { runCli } from '../support/cli.ts';
import { type HostileSite, startHostileSite } from '../support/hostile-site.ts';

const NOW = '2026-11-25T10:00:00+08:00';
const REQUEST_TIMEOUT_SECONDS = 5;

/** Sites whose answers are hostile (bombs, a trickle, a page of a million links, one nested 100,000 deep, bytes no charset reads), broken (headers without end, 10,000 redirects, a port that never answers, a TLS handshake that never completes), and one ordinary site swept beside them. */
describe('gov-inspect sweep over hostile answers', () => {
  let hostile: HostileSite;
  let broken: HostileSite;
  let ordinary: HostileSite;
  let results: SweepResults;
  let code: number;

  beforeAll(async () => {
    [hostile, broken, ordinary] = await Promise.all([
      startHostileSite({
        pages: ['gzipBomb', 'brotliBomb', 'trickle', 'manyLinks', 'deepNesting', 'badGbk', 'lyingCharset'],
        silent: false,
      }),
      startHostileSite({ pages: ['endlessHeaders', 'redirectLoop'] }),
      startHostileSite({ pages: [], silent: false }),
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'gov-inspect-hostile-'));
    const site = (id: string, homepage: string) => ({
      id,
      fullName: '某某市人民政府',
      homepage,
      level: 'city',
      kind: 'portal',
      region: '510100',
    });
    await writeFile(
      join(dir, 'sites.yaml'),
      stringify({
        sites: [
          site('hostile', hostile.homepage),
          site('broken', broken.homepage),
          site('ordinary', ordinary.homepage),
        ],
      }),
    );
    const run = await runCli([
      'sweep',
      '--sites',
      join(dir, 'sites.yaml'),
      '--out',
      join(dir, 'out'),
      '--now',
      NOW,
      '--concurrency',
      '3',
      '--request-timeout',
      String(REQUEST_TIMEOUT_SECONDS),
    ]);
    code = run.code;
    results = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8'));
  }, 240_000);
  afterAll(() => Promise.all([hostile?.close(), broken?.close(), ordinary?.close()]));

  const siteResult = (id: string): SiteResult => results.sites.find((site) => site.siteId === id)!;
  const brokenLinks = (id: string) => siteResult(id).checks.find((check) => check.ruleId === 'broken-links')!;

  it('ends with a result for every site, the hostile ones included', () => {
    expect(code).toBe(0);
    expect(results.sites.map((site) => [site.siteId, site.status])).toEqual([
      ['hostile', 'done'],
      ['broken', 'done'],
      ['ordinary', 'done'],
    ]);
  });

  it('calls no over-large or unfinished answer a working link: a body inflating past the cap or trickling past the deadline is review', () => {
    const check = brokenLinks('hostile');
    expect(check.outcome).toBe('review');
    const byTarget = Object.fromEntries(
      check.findings.map((finding) => [new URL(finding.target!).pathname, finding.status]),
    );
    expect(byTarget).toEqual({
      '/xxgk/bomb-gzip.html': 'TOO_LARGE',
      '/xxgk/bomb-br.html': 'TOO_LARGE',
      '/xxgk/trickle.html': 'TIMEOUT',
    });
  });

  it('reads the page of a million links up to the bound, the page nested 100,000 deep, and the pages whose bytes no charset reads', () => {
    const hostilePages = siteResult('hostile');
    // The homepage, the news page, the readable hostile pages and the first of the many links' targets.
    expect(hostilePages.pagesCrawled).toBe(200);
    expect(hostilePages.linksChecked).toBeGreaterThanOrEqual(5_000);
    expect(hostilePages.linksChecked).toBeLessThan(5_100);
    for (const path of [
      '/xxgk/deep.html',
      '/xxgk/bad-gbk.html',
      '/xxgk/lying-charset.html',
      '/xxgk/many-links.html',
    ])
      expect(hostile.hits.get(path), path).toBeGreaterThanOrEqual(1);
  });

  it('gives up on headers without end, redirects without end, and hosts that never answer, each as a broken link', () => {
    const check = brokenLinks('broken');
    expect(check.outcome).toBe('fail');
    const byTarget = Object.fromEntries(
      check.findings.map((finding) => [new URL(finding.target!).pathname, finding.status]),
    );
    expect(byTarget).toEqual({
      '/xxgk/endless-headers.html': 'BAD_RESPONSE',
      '/xxgk/redirect/0.html': 'TOO_MANY_REDIRECTS',
      '/xxgk/silent.html': 'TIMEOUT',
      // The handshake is part of connecting or of the whole request, as the deadlines fall.
      '/xxgk/stalled-tls.html': expect.stringMatching(/^(CONNECT_)?TIMEOUT$/),
    });
    const redirectsFollowed = [...broken.hits.keys()].filter((path) => path.startsWith('/xxgk/redirect/'));
    expect(redirectsFollowed.length).toBeLessThan(50);
  });

  it('sweeps the ordinary site beside them: it is done before the hostile one, which waits on the trickle', () => {
    expect(brokenLinks('ordinary').outcome).toBe('pass');
    expect(Date.parse(siteResult('ordinary').finishedAt)).toBeLessThan(
      Date.parse(siteResult('hostile').finishedAt),
    );
    // The trickle is given its deadline twice (a timeout is retried), and no more.
    expect(siteResult('hostile').durationMs).toBeGreaterThan(2 * REQUEST_TIMEOUT_SECONDS * 1000);
  });
});
