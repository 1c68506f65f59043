import type { Logger } from '../log.ts';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

/**
 * An `error` listener for BullMQ objects. While Redis is away every connection reports each failed
 * reconnect (about one a second); that is logged as a warning at most every 10 s per component.
 * Other errors are logged as errors, every time.
 */
export function logRedisErrors(log: Logger, component: string): (error: Error) => void {
  let lastWarning = 0;
  return (error) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && CONNECTION_CODES.has(code)) {
      if (Date.now() - lastWarning < 10_000) return;
      lastWarning = Date.now();
      log.warn({ component, err: error }, `${component}: Redis unreachable, reconnecting`);
      return;
    }
    log.error({ component, err: error }, `${component} error`);
  };
}
