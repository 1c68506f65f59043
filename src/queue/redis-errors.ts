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

// What ioredis and BullMQ say of a command that met a connection which is down or going away.
const CONNECTION_MESSAGES =
  /Connection is closed|Stream isn't writeable|max retries per request|Command timed out|ECONNREFUSED/;

/** Whether `error` only says that Redis is unreachable (the outage itself is logged by the Redis watch). */
export function isRedisOutageError(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined && CONNECTION_CODES.has(code)) || CONNECTION_MESSAGES.test(error.message);
}

/**
 * An `error` listener for BullMQ objects. While Redis is away every connection reports each failed
 * reconnect (about one a second): those are debug lines, the outage is logged once by the process's
 * Redis watch (redis-watch.ts). Other errors are logged as errors, every time.
 */
export function logRedisErrors(log: Logger, component: string): (error: Error) => void {
  return (error) => {
    if (isRedisOutageError(error)) log.debug({ component, err: error }, `${component}: Redis unreachable`);
    else log.error({ component, err: error }, `${component} error`);
  };
}
