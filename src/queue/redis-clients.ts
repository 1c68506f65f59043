import { createIORedisClient, RedisConnection } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../log.ts';

/** The process's Redis connections not yet ended. */
const open = new Set<Redis>();
/** Connections dropped: BullMQ may connect one again (its blocking loop does), and it is dropped again. */
const dropped = new WeakSet<Redis>();

/**
 * Gives `client` an error listener for its whole life and counts it among the connections that
 * `dropRedisConnections` ends. BullMQ removes its own listener when it closes a connection, also one
 * whose `quit` failed and which ioredis goes on reconnecting: without this one, every failed
 * reconnect printed `[ioredis] Unhandled error event` (about once a second while Redis is away).
 */
export function trackRedis<T extends Redis>(client: T, log?: Logger): T {
  open.add(client);
  client.on('error', (error: Error) => log?.debug({ err: error }, 'redis connection error'));
  client.on('end', () => open.delete(client));
  client.on('connecting', () => {
    open.add(client);
    if (dropped.has(client)) drop(client);
  });
  return client;
}

/**
 * Ends every Redis connection of the process at once, without waiting for Redis: the commands
 * waiting on them fail, so a close stuck on an unreachable or unanswering Redis goes on.
 */
export function dropRedisConnections(): number {
  const count = open.size;
  for (const client of open) drop(client);
  return count;
}

function drop(client: Redis): void {
  if (!dropped.has(client)) refuseLater(client);
  dropped.add(client);
  // ioredis's disconnect() alone leaves a client waiting to reconnect with its queued commands
  // pending for ever; a connect() at once, closed before it starts, ends it and fails them.
  if (client.status === 'reconnecting') client.connect().catch(() => undefined);
  client.disconnect();
  // disconnect() ends the socket politely, which waits for a peer that may never answer (paused).
  client.stream?.destroy();
}

/** How long a dropped connection takes to refuse a command. */
const REFUSAL_PAUSE_MS = 250;

/**
 * Makes `client` refuse each command sent from now on with ioredis's own 'Connection is closed.',
 * after a pause rather than in the same tick. BullMQ's worker, when a job in hand finishes while it
 * closes, retries moving the job on for as long as the connection fails and without its retry delay
 * (it skips the delay when closing); on an ended connection that retry would be a loop of microtasks
 * starving every timer of the process, the bound on stopping included.
 */
function refuseLater(client: Redis): void {
  client.sendCommand = (command) => {
    setTimeout(() => command.reject(new Error('Connection is closed.')), REFUSAL_PAUSE_MS).unref();
    return command.promise;
  };
}

let installed = false;

/**
 * Makes BullMQ create its connections (queues, workers, event streams, schedulers) through
 * `trackRedis`. And as `closeQueue` does for one queue: BullMQ 5.81 re-emits the failed start-up of
 * a connection closed before it was ready (Redis away, or its connection dropped) as an 'error' after
 * close() removed every listener, which would crash the process; a listener added after close()
 * absorbs it.
 */
export function trackBullmqConnections(log: Logger): void {
  if (installed) return;
  installed = true;
  RedisConnection.clientFactory = (options) => {
    const { url, ...rest } = options as RedisOptions & { url?: string };
    const client = url ? new Redis(url, rest) : new Redis(rest);
    return createIORedisClient(trackRedis(client, log));
  };
  const close = RedisConnection.prototype.close;
  RedisConnection.prototype.close = async function (this: RedisConnection, force?: boolean) {
    try {
      await close.call(this, force);
    } finally {
      this.on('error', (error: Error) => log.debug({ err: error }, 'closed redis connection: late error'));
    }
  };
}
