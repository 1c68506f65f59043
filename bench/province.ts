import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CRAWL_SETTINGS } from '../crawlers/site-crawl/settings.ts';
import { machineLine } from './machine.ts';
import { gathererLine, gathererTimes } from './province/gatherer-times.ts';
import { type RunFigures, runProvince } from './province/run.ts';
import { serveProvince } from './province/sites.ts';
import { table } from './soak/samples.ts';
import { say } from './soak/say.ts';

/**
 * Issue 13 goal 5, a province on a few machines: `--sites` (300) generated sites of `--pages` (300)
 * pages whose every answer waits `--latency` ms (50), each under its own host name, inspected by one
 * ad-hoc sweep through the service as deployed (`gov-inspect serve` with SERVE_WORKERS=0 and separate
 * `gov-inspect worker` processes over Redis), once for each count in `--workers` (1,2,4), each run on
 * a fresh Redis and store. Prints for each: sites with a result, pages crawled, total time, pages/s,
 * the peak RSS of each worker with its children (site processors, Chromium), and the ratio to the
 * politeness bound: min(workers × WORKER_CONCURRENCY, sites) × per-host connections ÷ latency.
 * `npm run bench:province -- [--sites N] [--pages N] [--latency MS] [--workers 1,2,4] [--concurrency N] [--timeout MINUTES]`
 */
const { values: flags } = parseArgs({
  options: {
    sites: { type: 'string', default: '300' },
    pages: { type: 'string', default: '300' },
    latency: { type: 'string', default: '50' },
    workers: { type: 'string', default: '1,2,4' },
    concurrency: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '240' },
  },
});
const positive = (name: string, text: string) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} needs positive integers, got ${text}`);
  return value;
};
const SITES = positive('sites', flags.sites);
const PAGES = positive('pages', flags.pages);
const LATENCY_MS = positive('latency', flags.latency);
const WORKER_COUNTS = flags.workers.split(',').map((n) => positive('workers', n));
const CONCURRENCY = positive('concurrency', flags.concurrency);
const TIMEOUT_MS = positive('timeout', flags.timeout) * 60_000;
/** Connections a site's crawl holds to its host (the service's crawl concurrency). */
const PER_HOST = DEFAULT_CRAWL_SETTINGS.concurrency;

const logDir = fileURLToPath(
  new URL(`./out/province-${new Date().toISOString().replace(/[:.]/g, '-')}/`, import.meta.url),
);
await mkdir(logDir, { recursive: true });
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

process.stdout.write(
  `${machineLine()}\nprovince: ${SITES} sites × ${PAGES} pages, every answer ${LATENCY_MS} ms late, workers ${WORKER_COUNTS.join(', ')} × ${CONCURRENCY} sites at once, ${PER_HOST} connections a host; logs in ${logDir}\n`,
);
const province = await serveProvince(SITES, PAGES, LATENCY_MS);
say(`${SITES} sites served (${province.pageLinks} page links over all); load average ${load()}`);
const runs: (RunFigures & { bound: number; load: string; sitesCpuS: number; gatherers: string })[] = [];
let failed = false;
try {
  for (const workers of WORKER_COUNTS) {
    const loadBefore = load();
    const cpuBefore = process.cpuUsage();
    const figures = await runProvince(province, {
      workers,
      concurrency: CONCURRENCY,
      timeoutMs: TIMEOUT_MS,
      logDir,
      say,
    });
    const cpu = process.cpuUsage(cpuBefore);
    const bound = (Math.min(workers * CONCURRENCY, SITES) * PER_HOST) / (LATENCY_MS / 1000);
    const run = {
      ...figures,
      gatherers: gathererLine(await gathererTimes(logDir, `${workers}w-`)),
      bound,
      load: `${loadBefore} → ${load()}`,
      sitesCpuS: (cpu.user + cpu.system) / 1e6,
    };
    runs.push(run);
    failed ||= run.sitesWithResult < SITES;
    process.stdout.write(`${runLine(run)}\n`);
  }
} catch (error) {
  failed = true;
  process.stderr.write(
    `province failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
  );
} finally {
  await province.close();
}
if (runs.length > 0) process.stdout.write(`\n${summary(runs)}\n\n${machineLine()}\n`);
process.exitCode = failed ? 1 : 0;

function runLine(run: (typeof runs)[number]): string {
  const rate = run.pagesCrawled / run.seconds;
  const workers = run.trees
    .filter((tree) => tree.role !== 'serve')
    .map(
      (tree) =>
        `${tree.role} ${tree.peakTreeMiB.toFixed(0)} MiB (itself ${tree.peakOwnMiB.toFixed(0)}, ${tree.peakProcesses} processes, ${tree.cpuS.toFixed(0)} CPU s)`,
    )
    .join(', ');
  const serve = run.trees.find((tree) => tree.role === 'serve')!;
  const statuses = Object.entries(run.statuses)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  return [
    `${run.workers} worker${run.workers > 1 ? 's' : ''} × ${CONCURRENCY}: sweep ${run.state}, ${run.sitesWithResult}/${SITES} sites with a result (${SITES - run.sitesWithResult} without; ${statuses}; ${run.capped} at their page budget, ${run.short} short of their pages)`,
    `  ${run.pagesCrawled} pages in ${run.seconds.toFixed(0)} s, ${rate.toFixed(1)} pages/s; bound ${run.bound.toFixed(0)} pages/s (min(${run.workers} × ${CONCURRENCY}, ${SITES}) × ${PER_HOST} connections ÷ ${LATENCY_MS} ms): ${((100 * rate) / run.bound).toFixed(0)} %`,
    `  a site took ${run.siteSeconds.median.toFixed(1)} s (median), ${run.siteSeconds.max.toFixed(1)} s at most; at most ${run.peakConnectionsPerSite} connections open to one site`,
    `  a site's gatherers (median): ${run.gatherers}`,
    `  peak RSS: ${workers}; serve ${serve.peakTreeMiB.toFixed(0)} MiB (${serve.cpuS.toFixed(0)} CPU s); Redis ${run.redisPeakMiB.toFixed(0)} MiB; store ${run.storeMiB.toFixed(1)} MiB`,
    `  CPU busy ${(100 * run.machineBusy).toFixed(0)} % of ${os.availableParallelism()} cores (the site servers in this process ${run.sitesCpuS.toFixed(0)} CPU s); load average ${run.load}`,
  ].join('\n');
}

function summary(all: typeof runs): string {
  return table(
    [
      'workers',
      'sites with a result',
      'pages',
      'time (s)',
      'pages/s',
      'bound',
      'ratio',
      'peak RSS a worker (MiB)',
      'CPU busy',
      'load average',
    ],
    all.map((run) => {
      const rate = run.pagesCrawled / run.seconds;
      const worst = Math.max(...run.trees.filter((t) => t.role !== 'serve').map((t) => t.peakTreeMiB));
      return [
        String(run.workers),
        `${run.sitesWithResult}/${SITES}`,
        String(run.pagesCrawled),
        run.seconds.toFixed(0),
        rate.toFixed(1),
        run.bound.toFixed(0),
        `${((100 * rate) / run.bound).toFixed(0)} %`,
        worst.toFixed(0),
        `${(100 * run.machineBusy).toFixed(0)} %`,
        run.load,
      ];
    }),
  );
}
