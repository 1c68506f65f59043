import type { Logger } from '../log.ts';
import { dropRedisConnections } from '../queue/redis-clients.ts';
import { isRedisOutageError } from '../queue/redis-errors.ts';

/**
 * How long a stop may take: the parts of the service have `SHUTDOWN_GRACE_MS` between them to close
 * (the work in hand to finish, results to be handed over); whatever is still closing then has its
 * Redis connections dropped. `SHUTDOWN_LIMIT_MS` after the signal the process exits whatever is left.
 */
export const SHUTDOWN_GRACE_MS = 10_000;
export const SHUTDOWN_LIMIT_MS = 15_000;
/** The least a part is given, so that one late part does not leave the store unclosed. */
const PART_MINIMUM_MS = 1_000;
/** How long a late part is given to give up its work in hand. */
const ABANDON_MS = 3_000;

export interface ServicePart {
  name: string;
  close(): Promise<void>;
  /** When the grace is over and the part has not closed: give up the work in hand, at once. */
  abandon?(): Promise<void>;
}

export interface CloseOptions {
  graceMs?: number;
  /** False when Redis is known to be unreachable: nothing can be handed over, so nothing waits for it. */
  redisReachable?: () => boolean;
}

/**
 * Closes `parts` in order within the grace. A part that fails to close is logged and the next one
 * closes all the same; one that has not closed by the deadline has the Redis connections dropped
 * under it and gives up its work in hand (its jobs go back to the queue when their locks lapse,
 * nothing queued is lost).
 */
export async function closeParts(
  parts: readonly ServicePart[],
  log: Logger,
  options: CloseOptions = {},
): Promise<void> {
  const graceMs = options.graceMs ?? SHUTDOWN_GRACE_MS;
  const deadline = Date.now() + graceMs;
  if (options.redisReachable?.() === false) {
    log.warn(
      { connections: dropRedisConnections() },
      'Redis unreachable: its connections are dropped at once',
    );
  }
  for (const part of parts) {
    const outcome = await within(part.close(), Math.max(deadline - Date.now(), PART_MINIMUM_MS));
    if (outcome === 'late') {
      log.warn(
        { part: part.name, graceSeconds: graceMs / 1000, connections: dropRedisConnections() },
        `${part.name} had not closed ${graceMs / 1000} s after the signal: Redis connections dropped`,
      );
      if (part.abandon) await within(part.abandon(), ABANDON_MS);
    } else if (outcome instanceof Error) {
      // A connection dropped or never made has nothing to quit: that is no fault of the part.
      if (isRedisOutageError(outcome)) continue;
      log.warn({ part: part.name, err: outcome }, `${part.name} did not close cleanly`);
    }
  }
}

function within(closing: Promise<void>, ms: number): Promise<'closed' | 'late' | Error> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    closing.then(
      () => 'closed' as const,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    ),
    new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
