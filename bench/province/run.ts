import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { refusedPort } from '../../demo/loopback-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startRedis } from '../../tests/support/redis.ts';
import { soakApi } from '../soak/api.ts';
import { diskBytes, pidByCommandLine } from '../soak/proc.ts';
import { type ServiceProcess, serviceEnv, serviceProcess } from '../soak/service-process.ts';
import type { ServedProvince } from './sites.ts';
import { type WatchFigures, watchTrees } from './watch.ts';

export interface RunOptions {
  workers: number;
  /** WORKER_CONCURRENCY: sites a worker inspects at once. */
  concurrency: number;
  timeoutMs: number;
  logDir: string;
  say(line: string): void;
}

export interface RunFigures extends WatchFigures {
  workers: number;
  /** From the sweep's creation to its last stored result (the sweep record's times), seconds. */
  seconds: number;
  state: string;
  /** Sites with exactly one result of the sweep (GET /sites/:id/results). */
  sitesWithResult: number;
  /** Results by status (pass, fail, review, error, unreachable). */
  statuses: Record<string, number>;
  pagesCrawled: number;
  /** Sites whose crawl stopped at its page budget. */
  capped: number;
  /** Sites that crawled fewer pages than they have. */
  short: number;
  /** Inspection time of one site (the result's durationMs): median and largest, seconds. */
  siteSeconds: { median: number; max: number };
  /** The most connections open at once to one site. */
  peakConnectionsPerSite: number;
  storeMiB: number;
}

/**
 * One ad-hoc sweep of the province through the service as deployed: a fresh Redis (append-only file
 * on, as tests/support/redis.ts starts it) and embedded store, `gov-inspect serve` (SERVE_WORKERS=0,
 * no probe rounds) and `workers` `gov-inspect worker` processes; the sites put through the API, the
 * sweep started through it and waited for, and every site's result read back from it.
 */
export async function runProvince(province: ServedProvince, options: RunOptions): Promise<RunFigures> {
  const stops: (() => Promise<unknown>)[] = [];
  const runDir = await mkdtemp(join(tmpdir(), 'gov-inspect-province-'));
  stops.push(() => rm(runDir, { recursive: true, force: true }));
  try {
    const redis = await startRedis();
    stops.unshift(() => redis.stop());
    const dataDir = join(runDir, 'data');
    const store = await openStore({ dataDir });
    const { token } = await store.tokens.create({ role: 'province', region: null, name: 'province-bench' });
    await store.close();

    const port = await refusedPort();
    const env = serviceEnv({
      redisUrl: redis.url,
      dataDir,
      port,
      queuePrefix: 'gov-inspect-province',
      resolve: province.resolve,
      probeIntervalMinutes: 0,
      workerConcurrency: options.concurrency,
    });
    const logs = (role: string) => join(options.logDir, `${options.workers}w-${role}.log`);
    const serve = serviceProcess('serve', 'serve', { ...env, SERVE_WORKERS: '0' }, logs('serve'));
    const workers = Array.from({ length: options.workers }, (_, i) =>
      serviceProcess(`worker-${i + 1}`, 'worker', env, logs(`worker-${i + 1}`)),
    );
    const processes: ServiceProcess[] = [serve, ...workers];
    stops.unshift(async () => {
      for (const p of processes) await p.stop();
    });

    const api = soakApi(`http://127.0.0.1:${port}`, token);
    await api.healthy(120_000);
    await api.putSites(province.sites);
    await Promise.all(workers.map((worker) => logged(logs(worker.role), 'worker started', 120_000)));
    for (const site of province.generated) site.resetPeakConnections();

    const watch = watchTrees(processes, await pidByCommandLine(`127.0.0.1:${redis.port}`));
    const id = await api.startSweep();
    options.say(`${options.workers} workers: sweep ${id} of ${province.sites.length} sites started`);
    const deadline = Date.now() + options.timeoutMs;
    let sweep = await api.sweep(id);
    let reported = 0;
    while (sweep.state !== 'done' && sweep.state !== 'failed') {
      if (Date.now() > deadline) break;
      await sleep(2_000);
      sweep = await api.sweep(id).catch(() => sweep);
      if (sweep.done >= reported + Math.max(1, Math.round(sweep.total / 10))) {
        reported = sweep.done;
        options.say(`${options.workers} workers: ${sweep.done}/${sweep.total} sites`);
      }
    }
    const watched = await watch.stop();
    const seconds =
      ((sweep.finishedAt ? Date.parse(sweep.finishedAt) : Date.now()) - Date.parse(sweep.createdAt)) / 1000;

    const statuses: Record<string, number> = {};
    let sitesWithResult = 0;
    let pagesCrawled = 0;
    let capped = 0;
    let short = 0;
    const durations: number[] = [];
    for (const [i, site] of province.sites.entries()) {
      const mine = (await api.results(site.id)).filter((result) => result.sweepId === id);
      if (mine.length !== 1) continue;
      const { result } = mine[0]!;
      sitesWithResult++;
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      pagesCrawled += result.pagesCrawled;
      if (result.maxPagesReached !== undefined) capped++;
      if (result.pagesCrawled < province.generated[i]!.contentPages) short++;
      durations.push(result.durationMs / 1000);
    }
    durations.sort((a, b) => a - b);
    return {
      ...watched,
      workers: options.workers,
      seconds,
      state: sweep.state,
      sitesWithResult,
      statuses,
      pagesCrawled,
      capped,
      short,
      siteSeconds: { median: durations[Math.floor(durations.length / 2)] ?? 0, max: durations.at(-1) ?? 0 },
      peakConnectionsPerSite: Math.max(...province.generated.map((site) => site.peakConnections())),
      storeMiB: (await diskBytes(join(dataDir, 'pg'))) / 2 ** 20,
    };
  } finally {
    for (const stop of stops) await stop().catch((error) => options.say(`stopping: ${error}`));
  }
}

/** Waits until `file` holds a pino line whose msg is `msg`. */
async function logged(file: string, msg: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await readFile(file, 'utf8').catch(() => '')).includes(`"msg":"${msg}"`)) {
    if (Date.now() > deadline) throw new Error(`${file}: no "${msg}" within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}
