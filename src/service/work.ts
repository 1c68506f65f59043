import type { Logger } from '../log.ts';
import { startSiteWorker } from '../queue/site-worker.ts';
import type { ServiceConfig } from './config.ts';

/** `gov-inspect worker`: site workers only. Needs nothing but Redis; start as many as there are machines. */
export function work(config: ServiceConfig, log: Logger): { close(): Promise<void> } {
  const worker = startSiteWorker(config, log);
  log.info({ concurrency: config.workerConcurrency, redis: redactedUrl(config.redisUrl) }, 'worker started');
  return worker;
}

function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'invalid URL';
  }
}
