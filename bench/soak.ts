import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { refusedPort } from '../demo/loopback-server.ts';
import { probeHistory } from '../demo/probe-history.ts';
import { serveDemoSites } from '../demo/serve-demo.ts';
import { openStore } from '../src/store/open-store.ts';
import { startRedis } from '../tests/support/redis.ts';
import { machineLine } from './machine.ts';
import { type SoakApi, soakApi } from './soak/api.ts';
import { disrupt, disruptions } from './soak/disruptions.ts';
import { type Sample, type SampleSources, sampleTable, takeSample } from './soak/samples.ts';
import { SOAK_STARTED_AT, say } from './soak/say.ts';
import { type ServiceProcess, serviceEnv, serviceProcess } from './soak/service-process.ts';
import { summaryTable } from './soak/summary.ts';
import { checkResults, trimNow } from './soak/verdicts.ts';

/**
 * `npm run bench:soak -- [--sweeps N] [--workers N] [--concurrency N] [--sweep-timeout MINUTES] [--keep]`:
 * a long run of the service as deployed. `gov-inspect serve` (SERVE_WORKERS=0, the embedded store,
 * probe rounds every minute) and `--workers` `gov-inspect worker` processes, each a real process, over
 * a Redis with its append-only file and the demo sites on loopback, run `--sweeps` ad-hoc sweeps (50)
 * one after another. During them Redis crashes (SIGKILL, 5 s away) once and is restarted (SIGTERM) once,
 * and worker-1 is killed with -9 three times, mid-sweep, and started again. After each sweep it prints
 * each process's RSS and open descriptors and those of what it started (site processors, Chromium),
 * and the store's size on disk; at the end, whether every sweep completed with one result per site (as
 * the API answers), what the daily retention trim deleted of the probes seeded 500 days back, and how
 * each process's memory moved. Not part of CI: 50 sweeps take hours.
 */
const { values: flags } = parseArgs({
  options: {
    sweeps: { type: 'string', default: '50' },
    workers: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '1' },
    'sweep-timeout': { type: 'string', default: '15' },
    keep: { type: 'boolean', default: false },
  },
});
const count = (name: keyof typeof flags) => {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer`);
  return value;
};
const SWEEPS = count('sweeps');
const WORKERS = count('workers');
const SWEEP_TIMEOUT_MS = count('sweep-timeout') * 60_000;
const QUEUE_PREFIX = 'gov-inspect-soak';

const runDir = await mkdtemp(join(tmpdir(), 'gov-inspect-soak-'));
const logDir = fileURLToPath(
  new URL(`./out/soak-${new Date().toISOString().replace(/[:.]/g, '-')}/`, import.meta.url),
);
await mkdir(logDir, { recursive: true });
const dataDir = join(runDir, 'data');
const artifactDir = join(dataDir, 'artifacts');
const stops: (() => Promise<unknown>)[] = [];
let failed = false;

process.stdout.write(
  `${machineLine()}\nsoak: ${SWEEPS} sweeps, ${WORKERS} workers × ${flags.concurrency} sites; logs in ${logDir}\n`,
);
try {
  const redis = await startRedis();
  stops.push(() => redis.stop());
  const now = new Date();
  const demo = await serveDemoSites({ today: now, namedHosts: true });
  stops.push(() => demo.close());

  // The embedded store is one process's at a time: the token and the probe history before serve.
  const store = await openStore({ dataDir });
  const { token } = await store.tokens.create({ role: 'province', region: null, name: 'soak' });
  await store.probes.record(probeHistory(demo, now));
  await store.probes.record(probeHistory(demo, new Date(now.getTime() - 500 * 86_400_000)));
  await store.close();

  const port = await refusedPort();
  const env = serviceEnv({
    redisUrl: redis.url,
    dataDir,
    port,
    queuePrefix: QUEUE_PREFIX,
    resolve: demo.resolve.map((e) => `${e.host}:${e.port}:${e.address}`).join(','),
    probeIntervalMinutes: 1,
    workerConcurrency: count('concurrency'),
  });
  const serve = serviceProcess('serve', 'serve', { ...env, SERVE_WORKERS: '0' }, join(logDir, 'serve.log'));
  const workers = Array.from({ length: WORKERS }, (_, i) =>
    serviceProcess(`worker-${i + 1}`, 'worker', env, join(logDir, `worker-${i + 1}.log`)),
  );
  const processes: ServiceProcess[] = [serve, ...workers];
  stops.unshift(async () => {
    for (const p of processes) {
      const started = Date.now();
      const code = await p.stop();
      say(`${p.role} stopped by SIGTERM: exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  });

  const api = soakApi(`http://127.0.0.1:${port}`, token);
  await api.healthy(120_000);
  await api.putSites(demo.sites);
  const sources: SampleSources = {
    processes,
    redisPort: redis.port,
    dataDir,
    artifactDir,
    startedAt: SOAK_STARTED_AT,
  };
  const samples: Sample[] = [];
  const sample = async (label: string, sweeps: number) => {
    const taken = await takeSample(sources, label, sweeps);
    samples.push(taken);
    process.stdout.write(`\n${sampleTable(taken)}\n\n`);
  };
  await sample('before the first sweep', 0);

  const plan = disruptions(SWEEPS);
  const sweepIds: string[] = [];
  for (let n = 1; n <= SWEEPS; n++) {
    const id = await api.startSweep();
    sweepIds.push(id);
    const started = Date.now();
    for (const what of plan.get(n) ?? []) {
      await untilInProgress(api, id);
      say(`sweep ${n}: ${what}`);
      await disrupt(what, { redis, worker: workers[0]! });
    }
    const sweep = await untilDone(api, id, SWEEP_TIMEOUT_MS);
    say(
      `sweep ${n}/${SWEEPS} ${sweep.state}: ${sweep.done}/${sweep.total} sites, ${sweep.failed} error results, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    await sample(`after sweep ${n}/${SWEEPS}`, n);
  }

  const complete = await checkResults(
    api,
    sweepIds,
    demo.sites.map((site) => site.id),
  );
  failed ||= complete < SWEEPS;
  await trimNow(redis.url, QUEUE_PREFIX, join(logDir, 'serve.log'));
  await sample('after the retention trim', SWEEPS);
  process.stdout.write(`\nOver the run (${machineLine()}):\n${summaryTable(samples)}\n\n`);
} catch (error) {
  failed = true;
  process.stderr.write(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
} finally {
  for (const stop of stops) await stop().catch((error) => say(`stopping: ${error}`));
  if (!flags.keep) await rm(runDir, { recursive: true, force: true });
  process.exitCode = failed ? 1 : 0;
}

async function untilInProgress(api: SoakApi, id: string): Promise<void> {
  for (;;) {
    const sweep = await api.sweep(id);
    if (sweep.done >= 1 || sweep.state === 'done' || sweep.state === 'failed') return;
    await sleep(500);
  }
}

async function untilDone(api: SoakApi, id: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sweep = await api.sweep(id).catch(() => undefined);
    if (sweep && (sweep.state === 'done' || sweep.state === 'failed')) return sweep;
    if (Date.now() > deadline) throw new Error(`sweep ${id} not finished within ${timeoutMs / 60_000} min`);
    await sleep(2_000);
  }
}
