import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SiteWorkerConfig, SiteWorkerOptions } from '../../../src/queue/site-worker.ts';

const ENTRY = fileURLToPath(new URL('../fixtures/worker-process.js', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** The sandboxed processor children this worker has forked and that are still alive. */
  sandboxPids(): number[];
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

/** `gov-inspect worker` stand-in: a site worker in a real child process, with nothing but Redis. */
export async function startWorkerProcess(
  config: SiteWorkerConfig,
  options: SiteWorkerOptions,
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [ENTRY, JSON.stringify({ config, options })], {
    // No --import flags: the entry registers tsx itself, as bin/gov-inspect.js does.
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: process.env.TEST_LOG ? 'info' : 'warn' },
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker process exited (${code}) before it was ready`)));
  });
  const pid = child.pid!;
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    pid,
    sandboxPids: () => childrenOf(pid),
    async stop() {
      if (exited()) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
    async kill9() {
      if (exited()) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}

/** Live processes whose parent is `pid` (Linux /proc). */
export function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, …
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === pid && state !== 'Z') found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** True while a process with this pid exists (and is not a zombie). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
