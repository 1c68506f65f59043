import { type Logger, pino } from 'pino';

/** The process logger: pino JSON on stderr (stdout stays free for command output). */
export const log: Logger = pino(
  { name: 'gov-inspector', level: process.env.LOG_LEVEL ?? 'info' },
  pino.destination({ fd: 2, sync: false }),
);

export type { Logger };
