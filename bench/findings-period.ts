import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adjudicatedPeriod, periodFindings } from '../src/adjudication/adjudicated-view.ts';
import type { Site } from '../src/registry/site.ts';
import type { SiteResult } from '../src/results.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Actor } from '../src/store/store.ts';
import { RULE_IDS } from '../tests/api/support/rule-ids.ts';
import { machineLine } from './machine.ts';
import { provinceSites } from './province-sites.ts';

/**
 * What the review queue and the adjudicated period cost on the embedded store: a province of `--sites`
 * sites (default 300), each with one result of the quarter with five findings on every failing or
 * review check, a tenth of the failing ones decided. `node --import tsx bench/findings-period.ts [--sites N] [--runs N]`.
 */
const arg = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const siteCount = arg('sites', 300);
const runs = arg('runs', 5);
const FINDINGS_PER_CHECK = 5;
const PROVINCE: Actor = { name: '省政府办公厅', role: 'province', region: null, tokenId: null };

const sites = provinceSites(siteCount);

function result(site: Site): SiteResult {
  return {
    siteId: site.id,
    status: 'done',
    pagesCrawled: 500,
    linksChecked: 4000,
    score: 60,
    checks: RULE_IDS.map((ruleId, r) => ({
      ruleId,
      outcome: r % 3 === 0 ? 'fail' : r % 3 === 1 ? 'review' : 'pass',
      findings:
        r % 3 === 2
          ? []
          : Array.from({ length: FINDINGS_PER_CHECK }, (_, f) => ({
              url: `${site.homepage}col/col${r}/art_${f}.html`,
              target: `${site.homepage}gone/${f}.html`,
              status: 404,
              message: '链接失效',
              evidence: { status: 404, text: `第${f}条`, selector: `#main li:nth-child(${f})` },
            })),
    })),
    startedAt: '2026-11-10T01:00:00.000Z',
    finishedAt: '2026-11-10T01:05:00.000Z',
    durationMs: 300_000,
    fullName: site.fullName,
    homepage: site.homepage,
  };
}

async function time(label: string, run: () => Promise<number>): Promise<void> {
  await run();
  const started = performance.now();
  let count = 0;
  for (let i = 0; i < runs; i++) count = await run();
  console.log(`${label}: ${((performance.now() - started) / runs).toFixed(0)} ms (${count} items)`);
}

const dataDir = await mkdtemp(join(tmpdir(), 'gov-inspect-bench-findings-'));
const store = await openStore({ dataDir });
try {
  await store.sites.replaceAll(sites);
  await store.sweeps.create({
    id: 'q4',
    kind: 'quarterly-patrol',
    period: '2026Q4',
    siteIds: sites.map((site) => site.id),
    now: '2026-11-10T01:00:00.000Z',
    region: null,
    requestedBy: 'bench',
  });
  for (const site of sites) await store.results.record('q4', result(site));
  const all = await periodFindings(store, '2026Q4');
  const failing = all.filter((finding) => finding.outcome === 'fail');
  const decided = failing.filter((_, i) => i % 10 === 0);
  for (let i = 0; i < decided.length; i += 200) {
    await store.adjudication.decide({
      findings: decided.slice(i, i + 200).map((finding) => ({ id: finding.id })),
      verdict: 'overturned',
      reason: '核减',
      by: PROVINCE,
      at: new Date('2026-11-20T02:00:00.000Z'),
    });
  }
  console.log(`${siteCount} sites, ${all.length} findings, ${decided.length} decided, runs: ${runs}`);
  await time(
    'GET /findings (periodFindings, all)',
    async () => (await periodFindings(store, '2026Q4')).length,
  );
  await time(
    'review queue of one city (periodFindings, region, open)',
    async () => (await periodFindings(store, '2026Q4', { region: '5101', state: 'open' })).length,
  );
  await time(
    'adjudicated period (notices, period results)',
    async () => (await adjudicatedPeriod(store, '2026Q4')).length,
  );
  console.log(machineLine());
} finally {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
}
