import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Site } from '../src/registry/site.ts';
import type { SiteResult } from '../src/results.ts';
import { openStore } from '../src/store/open-store.ts';
import { RULE_IDS } from '../tests/api/support/rule-ids.ts';
import { machineLine } from './machine.ts';
import { provinceSites } from './province-sites.ts';

/**
 * What `gov-inspect backup --with-artifacts` and `restore` cost on a year of a province: `--sites`
 * sites (default 300), `--sweeps` sweeps of every site (default 8: four patrols, four city checks),
 * each result with five findings on every failing or review check, and a 50 KB header screenshot
 * (random bytes: PNGs do not compress) per site and sweep. Each command runs as a process, the CLI's
 * start included. `node --import tsx bench/backup-restore.ts [--sites N] [--sweeps N]`.
 */
const arg = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const siteCount = arg('sites', 300);
const sweepCount = arg('sweeps', 8);
const BIN = fileURLToPath(new URL('../bin/gov-inspect.js', import.meta.url));
const run = promisify(execFile);

const sites = provinceSites(siteCount);

function result(site: Site, sweep: number): SiteResult {
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
          : Array.from({ length: 5 }, (_, f) => ({
              url: `${site.homepage}col/col${r}/art_${sweep}_${f}.html`,
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

/** Runs `gov-inspect ARGS` under /usr/bin/time: seconds and peak RSS. */
async function timed(args: string[], dataDir: string): Promise<string> {
  const { stderr } = await run('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, BIN, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  const [, seconds, kib] = /TIME ([\d.]+) (\d+)/.exec(stderr)!;
  return `${Number(seconds).toFixed(1)} s, peak RSS ${(Number(kib) / 1024).toFixed(0)} MB`;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const root = await mkdtemp(join(tmpdir(), 'gov-inspect-bench-backup-'));
try {
  const source = join(root, 'source');
  const store = await openStore({ dataDir: source });
  try {
    await store.sites.replaceAll(sites);
    for (let s = 0; s < sweepCount; s++) {
      const id = `sweep-${s}`;
      await store.sweeps.create({
        id,
        kind: 'quarterly-patrol',
        period: '2026Q4',
        siteIds: sites.map((site) => site.id),
        now: '2026-11-10T01:00:00.000Z',
        region: null,
        requestedBy: 'bench',
      });
      for (const site of sites) {
        await store.results.record(id, result(site, s));
        const evidence = join(source, 'artifacts', id, 'evidence', site.id);
        await mkdir(evidence, { recursive: true });
        await writeFile(join(evidence, 'header.png'), randomBytes(50_000));
      }
    }
  } finally {
    await store.close();
  }
  const { stdout: storeSize } = await run('du', ['-sb', join(source, 'pg')]);
  const file = join(root, 'backup.tar.gz');
  const backup = await timed(['backup', file, '--with-artifacts'], source);
  const restore = await timed(['restore', file], join(root, 'restored'));
  console.log(machineLine());
  console.log(
    `${siteCount} sites × ${sweepCount} sweeps: store ${mb(Number(storeSize.split('\t')[0]))}, ` +
      `artifacts ${mb(siteCount * sweepCount * 50_000)}, backup file ${mb((await stat(file)).size)}`,
  );
  console.log(`backup --with-artifacts: ${backup}`);
  console.log(`restore: ${restore}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
