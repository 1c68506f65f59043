import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/gov-inspect.js', import.meta.url));

/** Every process descended from `root`, each with its start time (so a reused pid is not mistaken for it). */
async function descendants(root: number): Promise<Map<number, string>> {
  const parents = new Map<number, number>();
  const started = new Map<number, string>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may hold spaces): state ppid … starttime is the 20th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length < 20) continue;
    parents.set(Number(entry), Number(fields[1]));
    started.set(Number(entry), fields[19]!);
  }
  const found = new Map<number, string>();
  const walk = (pid: number) => {
    for (const [child, parent] of parents) {
      if (parent === pid && !found.has(child)) {
        found.set(child, started.get(child)!);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

async function alive(pid: number, startTime: string): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return false;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] === startTime && fields[0] !== 'Z';
}

function refuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

let child: ChildProcess | undefined;
let tmp: string | undefined;
afterAll(async () => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

it('gov-inspect demo-service (npm run demo:service) serves the demo, prints the console and a token that signs in, and Ctrl-C leaves nothing', async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gov-inspect-demo-e2e-'));
  // Its own process group, as a terminal runs it, so that the test's Ctrl-C reaches it as a terminal's would.
  child = spawn(process.execPath, [BIN, 'demo-service', '--port', '0'], {
    env: { ...process.env, TMPDIR: tmp, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, 'exit');
  await expect
    .poll(() => /省级令牌：\s+(gi_\S+)/.test(output) || child!.exitCode !== null, {
      timeout: 90_000,
      interval: 200,
    })
    .toBe(true);
  const dashboard = /控制台：\s+(http:\/\/127\.0\.0\.1:(\d+)\/dashboard\/)/.exec(output);
  const token = /省级令牌：\s+(gi_\S+)/.exec(output)?.[1];
  const sweepPage = /检查进度：\s+(\S+)/.exec(output)?.[1];
  expect(dashboard, output).not.toBeNull();
  const [, url, port] = dashboard!;
  const base = new URL(url!).origin;

  // The printed token signs in to the dashboard, which shows the registered demo sites.
  const signIn = await fetch(`${base}/dashboard/login`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: `token=${token}`,
    redirect: 'manual',
  });
  expect(signIn.status).toBe(303);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const overview = await fetch(url!, { headers: { cookie } });
  expect(overview.status).toBe(200);
  const page = await overview.text();
  expect(page).toContain('全省政府网站检查概览');
  const sites = await (
    await fetch(`${base}/api/v1/sites`, { headers: { authorization: `Bearer ${token}` } })
  ).json();
  expect(sites.sites.length).toBeGreaterThanOrEqual(5);

  // The sweep it started runs on its own workers: wait for a first result, so Chromium is up when we stop.
  const progress = `${new URL(sweepPage!).pathname}/progress.json`;
  await expect
    .poll(async () => (await (await fetch(`${base}${progress}`, { headers: { cookie } })).json()).done, {
      timeout: 120_000,
      interval: 500,
    })
    .toBeGreaterThan(0);
  const redisPort = Number(/redis-server 127\.0\.0\.1:(\d+)/.exec(await processList(child.pid!))?.[1]);
  expect(redisPort).toBeGreaterThan(0);
  const tree = await descendants(child.pid!);
  expect(tree.size).toBeGreaterThanOrEqual(3);

  process.kill(-child.pid!, 'SIGINT');
  const [code] = await Promise.race([
    exited,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not stopped:\n${output}`)), 60_000)),
  ]);
  expect(code, output).toBe(0);
  const left = [];
  for (const [pid, startTime] of tree) if (await alive(pid, startTime)) left.push(pid);
  expect(left).toEqual([]);
  expect(await refuses(Number(port))).toBe(true);
  expect(await refuses(redisPort)).toBe(true);
  expect((await readdir(tmp)).filter((name) => name.startsWith('gov-inspect-demo-service-'))).toEqual([]);
}, 300_000);

/** The command lines of `root`'s descendants, one a line. */
async function processList(root: number): Promise<string> {
  const lines = [];
  for (const pid of (await descendants(root)).keys()) {
    lines.push((await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' '));
  }
  return lines.join('\n');
}
