import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refusedPort } from './http-server.ts';

export interface RunningRedis {
  url: string;
  port: number;
  /** Shuts the server down (SIGTERM: the AOF is flushed) and removes its data. */
  stop(): Promise<void>;
  /** Shuts the server down and starts it again on the same port with the same data. */
  restart(): Promise<void>;
  /** SIGKILL: the server is gone, as in a crash; `restart()` brings it back. */
  kill(): Promise<void>;
  /** SIGSTOP: connections stay open and nothing is answered, as with a hung server; `resume()` undoes it. */
  pause(): void;
  resume(): void;
}

/**
 * A real redis-server on a free 127.0.0.1 port, in its own temporary directory. The append-only file
 * is on (fsync every write) because BullMQ's durability rests on it: a restarted Redis without it
 * comes back empty, and no queue survives that. RDB snapshots are off.
 */
export async function startRedis(): Promise<RunningRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'gov-inspect-redis-'));
  let port = 0;
  let server: ChildProcess | undefined;
  for (let attempt = 0; !server; attempt++) {
    port = await refusedPort();
    try {
      server = await launch(dir, port);
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  let current: ChildProcess | undefined = server;
  const halt = async (signal: NodeJS.Signals) => {
    const running = current;
    current = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill(signal);
    running.kill('SIGCONT'); // a paused server acts on the signal only once it runs again
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await halt('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
    async restart() {
      await halt('SIGTERM');
      current = await launch(dir, port);
    },
    async kill() {
      await halt('SIGKILL');
    },
    pause() {
      current?.kill('SIGSTOP');
    },
    resume() {
      current?.kill('SIGCONT');
    },
  };
}

async function launch(dir: string, port: number): Promise<ChildProcess> {
  const args = [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'always',
    '--maxmemory-policy',
    'noeviction',
    '--daemonize',
    'no',
  ];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', () => {
        if (output.includes('Ready to accept connections')) resolve();
      });
      child.once('error', reject);
      child.once('exit', (code) =>
        reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)),
      );
    });
  } finally {
    clearTimeout(timeout);
    child.stdout?.removeAllListeners('data');
    child.stderr?.removeListener('data', onData);
  }
  // Keep draining its output so a chatty server never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}
