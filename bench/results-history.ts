import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { buildApp } from '../src/api/app.ts';
import { dashboardRoutes } from '../src/dashboard/dashboard-routes.ts';
import type { Site } from '../src/registry/site.ts';
import type { SiteResult } from '../src/results.ts';
import type { Database } from '../src/store/database.ts';
import { openDatabase, storeOver } from '../src/store/open-store.ts';
import type { ResultsStore } from '../src/store/store.ts';
import { RecordingLauncher } from '../tests/api/support/launchers.ts';
import { RULE_IDS } from '../tests/api/support/rule-ids.ts';
import { startPostgres } from '../tests/support/postgres.ts';
import { machineLine } from './machine.ts';
import { provinceSites } from './province-sites.ts';

/**
 * Issue 13 goal 6, results stay small: a province of `--sites` sites (300) with one result a quarter
 * for `--quarters` quarters (8), stored through the store's own `record`, then the API and the
 * dashboard asked over loopback HTTP `--runs` times (30) each. Prints p50/p95 of the period results, a
 * site's history and the dashboard overview, on the embedded store and on PostgreSQL, and each
 * store's size.
 * `node --import tsx bench/results-history.ts [--sites N] [--quarters N] [--runs N] [--store embedded|postgres|both]`
 */
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const siteCount = Number(arg('sites', '300'));
const quarterCount = Number(arg('quarters', '8'));
const runs = Number(arg('runs', '30'));
const stores = arg('store', 'both');
const run = promisify(execFile);

/** The quarters before and including 2026Q4, oldest first. */
const QUARTERS = Array.from({ length: quarterCount }, (_, i) => {
  const back = quarterCount - 1 - i;
  const index = 2026 * 4 + 3 - back;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
});
const NOW = new Date('2026-12-02T02:00:00.000Z');

const sites = provinceSites(siteCount);

/**
 * One quarter's result as a real patrol leaves it: most rules pass; broken links carry a dozen
 * findings, a few rules one or two, with the evidence sizes real findings have.
 */
function result(site: Site, quarter: number, sweepStart: Date): SiteResult {
  const seed = Number(site.id.slice(5)) + quarter;
  return {
    siteId: site.id,
    status: 'done',
    pagesCrawled: 200,
    linksChecked: 2400,
    score: 60 + (seed % 40),
    checks: RULE_IDS.map((ruleId, r) => {
      const failing = (seed + r) % 5 === 0;
      const count = !failing ? 0 : ruleId === 'broken-links' ? 12 : 1 + (r % 2);
      return {
        ruleId,
        outcome: failing ? (r % 2 === 0 ? 'fail' : 'review') : 'pass',
        findings: Array.from({ length: count }, (_, f) => ({
          url: `${site.homepage}col/col${1000 + r}/art_${f}.html`,
          ...(ruleId === 'broken-links'
            ? { target: `${site.homepage}gone/${quarter}-${f}.html`, status: 404 }
            : {}),
          message: `第${f + 1}处：栏目“通知公告”中的链接指向的网页无法访问（404），请及时修复或删除该链接。`,
          evidence: {
            status: 404,
            text: `关于做好2026年第${f + 1}季度政府网站检查工作的通知`,
            selector: `#main > div.list > ul > li:nth-child(${f + 1}) > a`,
            referrer: `${site.homepage}col/col${1000 + r}/index.html`,
          },
        })),
      };
    }),
    startedAt: sweepStart.toISOString(),
    finishedAt: new Date(sweepStart.getTime() + 300_000).toISOString(),
    durationMs: 300_000,
    fullName: site.fullName,
    homepage: site.homepage,
  };
}

async function fill(store: ResultsStore): Promise<number> {
  const started = performance.now();
  await store.sites.replaceAll(sites);
  for (const [q, period] of QUARTERS.entries()) {
    const at = new Date(Date.UTC(Number(period.slice(0, 4)), (Number(period.slice(5)) - 1) * 3 + 1, 10));
    await store.sweeps.create({
      id: `patrol-${period}`,
      kind: 'quarterly-patrol',
      period,
      siteIds: sites.map((site) => site.id),
      now: at.toISOString(),
      region: null,
      requestedBy: 'bench',
    });
    for (const site of sites) await store.results.record(`patrol-${period}`, result(site, q, at));
  }
  return performance.now() - started;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, url: string, headers: Record<string, string>): Promise<void> {
  const ask = async () => {
    const started = performance.now();
    const answer = await fetch(url, { headers });
    const body = await answer.arrayBuffer();
    if (!answer.ok)
      throw new Error(`${label}: ${answer.status} ${Buffer.from(body).toString().slice(0, 200)}`);
    return { ms: performance.now() - started, bytes: body.byteLength };
  };
  await ask();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const answer = await ask();
    times.push(answer.ms);
    bytes = answer.bytes;
  }
  times.sort((a, b) => a - b);
  const kb = (bytes / 1024).toFixed(0);
  console.log(
    `  ${label}: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms (${kb} KiB)`,
  );
}

async function sizeOf(db: Database, dataDir: string | undefined): Promise<string> {
  const [row] = await db.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
  const database = `${(Number(row!.bytes) / 2 ** 20).toFixed(0)} MiB (pg_database_size)`;
  if (!dataDir) return database;
  const { stdout } = await run('du', ['-sk', dataDir]);
  return `${database}; ${(Number(stdout.split('\t')[0]) / 1024).toFixed(0)} MiB on disk`;
}

async function bench(name: string, databaseUrl: string | undefined): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gov-inspect-bench-history-'));
  const db = await openDatabase({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  const store = storeOver(db);
  try {
    const fillMs = await fill(store);
    const log = pino({ level: 'silent' });
    const app = await buildApp({
      store,
      launcher: new RecordingLauncher(),
      queueHealth: async () => true,
      log,
      rateLimit: false,
    });
    await app.register(dashboardRoutes, {
      store,
      artifactDir: join(dataDir, 'artifacts'),
      log,
      now: () => NOW,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const province = (await store.tokens.create({ role: 'province', region: null, name: 'bench' })).token;
      const city = (await store.tokens.create({ role: 'city', region: '510100', name: 'bench-city' })).token;
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
      const cookie = (token: string) => ({ cookie: `gov_inspect_session=${token}` });
      const last = QUARTERS.at(-1)!;
      console.log(
        `${name}: ${siteCount} sites × ${quarterCount} quarters = ${siteCount * quarterCount} results, stored in ${(fillMs / 1000).toFixed(1)} s; ${await sizeOf(db, databaseUrl ? undefined : dataDir)}`,
      );
      await measure(
        `GET /api/v1/results/quarterly/${last} (province)`,
        `${base}/api/v1/results/quarterly/${last}`,
        bearer(province),
      );
      await measure(
        `GET /api/v1/results/quarterly/${last} (one city)`,
        `${base}/api/v1/results/quarterly/${last}`,
        bearer(city),
      );
      await measure(
        'GET /api/v1/sites/site-0/results (its history)',
        `${base}/api/v1/sites/site-0/results`,
        bearer(province),
      );
      await measure(
        `GET /dashboard/?period=${last} (overview, province)`,
        `${base}/dashboard/?period=${last}`,
        cookie(province),
      );
      await measure(
        'GET /dashboard/sites/site-0 (a site, with its history)',
        `${base}/dashboard/sites/site-0`,
        cookie(province),
      );
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

console.log(`runs: ${runs} each, after one warm-up; over loopback HTTP`);
if (stores !== 'postgres') await bench('embedded store (PGlite)', undefined);
if (stores !== 'embedded') {
  const postgres = await startPostgres();
  try {
    await bench('PostgreSQL 15', postgres.url);
  } finally {
    await postgres.stop();
  }
}
console.log(machineLine());
