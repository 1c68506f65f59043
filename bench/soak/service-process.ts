import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SOAK_MARK } from './proc.ts';

const BIN = fileURLToPath(new URL('../../bin/gov-inspect.js', import.meta.url));

/** `gov-inspect serve` or `gov-inspect worker`, a real process, restartable under the same role. */
export interface ServiceProcess {
  readonly role: string;
  /** How many times it was started: 1 for the first. */
  readonly incarnation: number;
  /** `role#incarnation`, the mark its processes carry. */
  readonly mark: string;
  readonly pid: number;
  /** SIGKILL, as a crash or the OOM killer would, and waits for it to be gone. */
  kill(): Promise<void>;
  /** Starts it again (a new incarnation). */
  start(): void;
  /** SIGTERM, and waits for it to exit; its exit code. */
  stop(): Promise<number | null>;
}

/**
 * The environment of a bench's `serve` and `worker` processes on loopback: the embedded store in
 * `dataDir` (never a PostgreSQL the shell may name), the API on `port`, JSON logs at info.
 */
export function serviceEnv(options: {
  redisUrl: string;
  dataDir: string;
  port: number;
  queuePrefix: string;
  resolve: string;
  probeIntervalMinutes: number;
  workerConcurrency: number;
}): NodeJS.ProcessEnv {
  return {
    REDIS_URL: options.redisUrl,
    DATA_DIR: options.dataDir,
    DATABASE_URL: undefined,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    QUEUE_PREFIX: options.queuePrefix,
    GOV_INSPECT_RESOLVE: options.resolve,
    PROBE_INTERVAL_MINUTES: String(options.probeIntervalMinutes),
    WORKER_CONCURRENCY: String(options.workerConcurrency),
    LOG_LEVEL: 'info',
  };
}

/** Starts `gov-inspect COMMAND` with `env`, its stdout and stderr appended to `logFile`. */
export function serviceProcess(
  role: string,
  command: 'serve' | 'worker',
  env: NodeJS.ProcessEnv,
  logFile: string,
): ServiceProcess {
  let child: ChildProcess | undefined;
  let incarnation = 0;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const halt = async (signal: NodeJS.Signals) => {
    if (!child || !running()) return child?.exitCode ?? null;
    const exited = once(child, 'exit') as Promise<[number | null]>;
    child.kill(signal);
    const [code] = await exited;
    return code;
  };
  const handle: ServiceProcess = {
    role,
    get incarnation() {
      return incarnation;
    },
    get mark() {
      return `${role}#${incarnation}`;
    },
    get pid() {
      return child?.pid ?? 0;
    },
    async kill() {
      await halt('SIGKILL');
    },
    start() {
      incarnation++;
      const log = openSync(logFile, 'a');
      child = spawn(process.execPath, [BIN, command], {
        env: { ...process.env, ...env, [SOAK_MARK]: handle.mark },
        stdio: ['ignore', log, log],
      });
      closeSync(log);
    },
    stop: () => halt('SIGTERM'),
  };
  handle.start();
  return handle;
}
