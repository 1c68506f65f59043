import { log } from '../log.ts';

export interface SignalOptions {
  /** Said on stderr when the stop begins, e.g. how to stop at once. */
  stopping?: string;
  /** Ends at once what would outlive the process (the demo's own Redis) before a forced exit. */
  kill?: () => void;
  /** Time the stop needs after the service's own bound (SHUTDOWN_LIMIT_MS): the demo's sites and Redis. */
  afterServiceMs?: number;
}

/**
 * Runs until SIGTERM/SIGINT, then closes `service` and exits 0; a second signal exits at once (1),
 * and so does a stop still unfinished after the limit (1). The exit is the process's own: what a
 * late part leaves behind (a job in hand, its sandboxed child, a dropped connection) does not keep
 * it up, and a sandboxed child exits when its worker's process does.
 */
export async function untilSignalled(
  service: { close(): Promise<void> },
  options: SignalOptions = {},
): Promise<void> {
  // Loaded here, not at the CLI's start: it brings BullMQ with it.
  const { SHUTDOWN_LIMIT_MS } = await import('../service/shutdown.ts');
  const limitMs = SHUTDOWN_LIMIT_MS + (options.afterServiceMs ?? 0);
  const limitSeconds = limitMs / 1000;
  return new Promise((resolve, reject) => {
    let closing = false;
    const exitNow = (message: string, fields: object, said: string) => {
      log.error(fields, message);
      options.kill?.();
      process.stderr.write(`gov-inspect: ${said}\n`);
      process.exit(1);
    };
    const stop = (signal: NodeJS.Signals) => {
      if (closing) exitNow('second signal: exiting now', { signal }, '再次收到停止信号，立即退出');
      closing = true;
      log.info({ signal, limitSeconds }, 'shutting down: finishing the work in hand');
      if (options.stopping) process.stderr.write(`${options.stopping}\n`);
      setTimeout(
        () =>
          exitNow(
            'not stopped in time: exiting now',
            { limitSeconds },
            `${limitSeconds} 秒内未能停止，强制退出`,
          ),
        limitMs,
      ).unref();
      service.close().then(() => {
        log.info({ signal }, 'stopped');
        setTimeout(() => process.exit(process.exitCode ?? 0), 500).unref();
        resolve();
      }, reject);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
