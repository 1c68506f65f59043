import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeResults, writeResultsJson } from '../../reports/results-json.ts';
import type { SweepResults } from '../../src/results.ts';
import { sampleResults } from './fixtures/sweep-results.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'results-json-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeResultsJson', () => {
  it('writes DIR/results.json that reads back as the same results', async () => {
    const results = sampleResults();
    const path = await writeResultsJson(dir, results);
    expect(path).toBe(join(dir, 'results.json'));
    const text = await readFile(path, 'utf8');
    expect(JSON.parse(text)).toEqual(results);
    expect(text).toContain('\n  "sweep": {\n    "id": "sweep-20261103-0900"');
    expect(text).toContain('"fullName": "四川省人民政府"');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it("puts the contract's keys first and in the contract's order, then the added ones", async () => {
    const results = sampleResults();
    // Build objects with keys in a scrambled order, as code assembling a result might.
    const scrambled: SweepResults = {
      sites: results.sites.map(({ checks, score, siteId, fullName, status, ...rest }) => ({
        fullName,
        checks: checks.map(({ findings, outcome, ruleId }) => ({
          findings: findings.map(({ evidence, message, url, ...f }) => ({ evidence, message, ...f, url })),
          outcome,
          ruleId,
        })),
        score,
        ...rest,
        status,
        siteId,
      })),
      sweep: (({ id, startedAt, finishedAt, now, period }) => ({ period, now, finishedAt, startedAt, id }))(
        results.sweep,
      ),
    };
    const parsed = JSON.parse(await readFile(await writeResultsJson(dir, scrambled), 'utf8'));

    expect(Object.keys(parsed)).toEqual(['sweep', 'sites']);
    expect(Object.keys(parsed.sweep)).toEqual(['id', 'startedAt', 'finishedAt', 'now', 'period']);
    const site = parsed.sites[0];
    expect(Object.keys(site)).toEqual([
      'siteId',
      'status',
      'pagesCrawled',
      'linksChecked',
      'score',
      'checks',
      'fullName',
      'startedAt',
      'finishedAt',
      'durationMs',
      'homepage',
    ]);
    expect(Object.keys(site.checks[0])).toEqual(['ruleId', 'outcome', 'findings']);
    const broken = site.checks.find((c: { ruleId: string }) => c.ruleId === 'broken-links');
    expect(Object.keys(broken.findings[0])).toEqual(['url', 'target', 'status', 'message', 'evidence']);
    const gazette = site.checks.find((c: { ruleId: string }) => c.ruleId === 'gazette-column');
    expect(Object.keys(gazette.findings[0])).toEqual(['url', 'message', 'evidence']);
    expect(parsed.sites.map((s: { siteId: string }) => s.siteId)).toEqual([
      'sc-portal',
      'cd-portal',
      'sc-edu',
      'my-portal',
    ]);
  });

  it('keeps an unreachable site with its reason', async () => {
    const parsed = JSON.parse(await readFile(await writeResultsJson(dir, sampleResults()), 'utf8'));
    const unreachable = parsed.sites.find((s: { siteId: string }) => s.siteId === 'my-portal');
    expect(unreachable).toMatchObject({
      status: 'unreachable',
      pagesCrawled: 0,
      reason: expect.stringContaining('首页无法访问'),
    });
    expect(unreachable.checks).toHaveLength(5);
  });

  it('replaces an earlier file and leaves no temporary file behind', async () => {
    await writeResultsJson(dir, sampleResults());
    const second = sampleResults();
    second.sweep.id = 'sweep-second';
    await writeResultsJson(dir, second);
    expect(await readdir(dir)).toEqual(['results.json']);
    expect(JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')).sweep.id).toBe('sweep-second');
  });

  it('never lets a reader see half a file while it is being rewritten', async () => {
    const big = sampleResults();
    const site = big.sites[0]!;
    const template = site.checks[4]!.findings[0]!;
    site.checks[4]!.findings = Array.from({ length: 8000 }, (_, i) => ({
      ...template,
      target: `${template.target}${i}`,
    }));
    await writeResultsJson(dir, big);
    const path = join(dir, 'results.json');
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 15; i += 1) await writeResultsJson(dir, big);
      writing = false;
    })();
    let reads = 0;
    while (writing) {
      const text = await readFile(path, 'utf8');
      expect(() => JSON.parse(text)).not.toThrow();
      reads += 1;
    }
    await writer;
    expect(reads).toBeGreaterThan(0);
  });

  it('refuses results that break the contract, naming the site and what is wrong', async () => {
    const badOutcome = sampleResults();
    (badOutcome.sites[1]!.checks[0] as { outcome: string }).outcome = 'passed';
    expect(() => serializeResults(badOutcome)).toThrow(/cd-portal.*header-full-name.*"passed"/);

    const badScore = sampleResults();
    badScore.sites[2]!.score = Number.NaN;
    await expect(writeResultsJson(dir, badScore)).rejects.toThrow(/sc-edu: score NaN/);
    expect(await readdir(dir)).toEqual([]);
  });
});
