import { Log, Logger, LogLevel } from '@crawlee/cheerio';
import type { Logger as PinoLogger } from '../../src/log.ts';

/**
 * Forwards Crawlee's own warnings and errors to our pino logger at debug level: the crawl records every
 * failure as a page, so Crawlee's console lines ("Reclaiming failed request…") would only be noise.
 * Crawlee's info chatter (statistics, autoscaling) is dropped.
 */
class PinoBridge extends Logger {
  constructor(private readonly target: PinoLogger) {
    super({});
  }

  override _log(level: LogLevel, message: string, data?: unknown, exception?: unknown): void {
    this.target.debug({ crawlee: LogLevel[level], data, err: exception }, message);
  }
}

export function crawleeLog(target: PinoLogger): Log {
  return new Log({ level: LogLevel.WARNING, logger: new PinoBridge(target), prefix: 'site-crawl' });
}
