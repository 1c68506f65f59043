import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type ServedDemo, serveDemoSites } from '../../demo/serve-demo.ts';
import { runCli } from '../support/cli.ts';
import { type RunningRedis, startRedis } from '../support/redis.ts';

const BIN = fileURLToPath(new URL('../../bin/gov-inspect.js', import.meta.url));

/** Starts `gov-inspect COMMAND` and resolves once it printed a line matching `ready`. */
async function startCommand(
  command: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, [BIN, command], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(ready);
      if (found) resolve(found);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${command} exited (${code}) before it was ready:\n${output}`)),
    );
  });
  return { child, match };
}

describe('gov-inspect serve and worker, as an operator runs them', () => {
  let redis: RunningRedis;
  let demo: ServedDemo;
  let env: NodeJS.ProcessEnv;
  let serve: ChildProcess;
  let worker: ChildProcess;
  let base: string;
  let token: string;

  beforeAll(async () => {
    [redis, demo] = await Promise.all([startRedis(), serveDemoSites()]);
    const dataDir = await mkdtemp(join(tmpdir(), 'gov-inspect-serve-'));
    env = {
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: 'serve-e2e',
      // No probe scheduler left behind in Redis: this test is not about the probes.
      PROBE_INTERVAL_MINUTES: '0',
    };
    const created = await runCli(['token', 'create', '--role', 'province', '--name', '省政府办公厅'], {
      env,
    });
    expect(created.code).toBe(0);
    token = created.stdout.trim();
    // The API process does no inspections itself: a separate worker, needing only Redis, does.
    const started = await startCommand(
      'serve',
      { ...env, SERVE_WORKERS: '0' },
      /服务已启动：(http:\/\/[\d.:]+)/,
    );
    serve = started.child;
    base = started.match[1]!;
    worker = (
      await startCommand(
        'worker',
        {
          REDIS_URL: redis.url,
          QUEUE_PREFIX: 'serve-e2e',
          LOG_LEVEL: 'info',
          ARTIFACT_DIR: join(dataDir, 'artifacts'),
        },
        /worker started/,
      )
    ).child;
  }, 120_000);

  afterAll(async () => {
    for (const child of [serve, worker]) if (child?.exitCode === null) child.kill('SIGKILL');
    await Promise.all([demo?.close(), redis?.stop()]);
  });

  it('serves the API, runs a sweep on a separate worker and stores the results', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const sites = demo.sites.filter((s) => ['sc-portal', 'hj-county'].includes(s.id));
    const put = await fetch(`${base}/api/v1/sites`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/yaml' },
      body: stringify({ sites }),
    });
    expect(put.status).toBe(200);
    const post = await fetch(`${base}/api/v1/sweeps`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'adhoc' }),
    });
    expect(post.status).toBe(202);
    const { id } = (await post.json()) as { id: string };
    let sweep: { state: string; done: number; total: number; period: string } | undefined;
    for (let i = 0; i < 90 && sweep?.state !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      sweep = (await (await fetch(`${base}/api/v1/sweeps/${id}`, { headers: auth })).json()) as typeof sweep;
    }
    expect(sweep).toMatchObject({ state: 'done', done: 2, total: 2 });
    const results = (await (
      await fetch(`${base}/api/v1/results/quarterly/${sweep!.period}`, { headers: auth })
    ).json()) as {
      sites: { siteId: string; score: number; qualified: boolean | null }[];
    };
    // Both sites are served over plain HTTP (https-security: 10). hj-county also fails header-full-name,
    // site-functions (no 解读回应 entry), content-freshness (its homepage news is 40 days old) and
    // interaction-response (a letter unanswered for four months): 100 - 5 × 10 = 50 (contract §5), and
    // the stale homepage and the letter veto it: 不合格.
    expect(results.sites.map((s) => [s.siteId, s.score, s.qualified])).toEqual([
      ['sc-portal', 90, true],
      ['hj-county', 50, false],
    ]);

    // The same process serves the dashboards, the period notices and the webhook subscriptions.
    expect((await fetch(`${base}/dashboard/login`)).status).toBe(200);
    const csv = await fetch(`${base}/api/v1/reports/quarterly/${sweep!.period}?format=csv`, {
      headers: auth,
    });
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('四川省人民政府');
    expect((await fetch(`${base}/api/v1/webhooks`, { headers: auth })).status).toBe(200);
  }, 120_000);

  it('exits with an error, rather than lingering half-started, when its port is taken', async () => {
    const port = new URL(base).port;
    const taken = await runCli(['serve'], {
      env: { ...env, PORT: port, DATA_DIR: `${env.DATA_DIR}-2`, SERVE_WORKERS: '0' },
      timeoutMs: 60_000,
    });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/EADDRINUSE/);
  }, 90_000);

  it('shuts down gracefully on SIGTERM', async () => {
    for (const child of [serve, worker]) {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    }
  }, 60_000);
});
