import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { refusedPort } from './loopback-server.ts';

export interface OwnRedis {
  /** redis://127.0.0.1:PORT */
  url: string;
  /** Shuts it down (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** SIGKILL, synchronously: for a process that must exit now. */
  kill(): void;
}

/**
 * A redis-server of the demo's own (Debian's package) on a free 127.0.0.1 port, keeping nothing on
 * disk (`dir` is the demo's data directory, no snapshots, no append-only file). Started in its own
 * process group, so that a Ctrl-C reaches the demo, which stops it last, after the queues are closed.
 */
export async function startOwnRedis(dir: string): Promise<OwnRedis> {
  for (let attempt = 1; ; attempt++) {
    const port = await refusedPort();
    try {
      const child = await launch(dir, port);
      return {
        url: `redis://127.0.0.1:${port}`,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          await exited;
        },
        kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        },
      };
    } catch (error) {
      // Another process took the free port between the probe and the bind: try another.
      if (attempt >= 5 || (error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    }
  }
}

function launch(dir: string, port: number): Promise<ChildProcess> {
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
    'no',
  ];
  const child = spawn('redis-server', [...args, '--daemonize', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  return new Promise<ChildProcess>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      child.stdout?.removeListener('data', onData);
      child.removeAllListeners('exit');
      // Keep draining its output so a chatty server never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
      resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? Object.assign(new Error('找不到 redis-server：请先运行 bash scripts/install-system-deps.sh'), {
              code: 'ENOENT',
            })
          : error,
      );
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
    });
  });
}
