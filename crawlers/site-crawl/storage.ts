import { randomUUID } from 'node:crypto';
import { Configuration, RequestQueue } from '@crawlee/cheerio';
import { MemoryStorage } from '@crawlee/memory-storage';

/** One crawl's private Crawlee world: its configuration, in-memory storage and request queue. */
export interface CrawlStorage {
  config: Configuration;
  queue: RequestQueue;
  /** Drops the queue and releases the storage; call once the crawl is over. */
  drop(): Promise<void>;
}

/**
 * Opens storage that nothing else shares and nothing writes to disk: a fresh in-memory client, a
 * configuration of its own (passed as the crawler's second constructor argument) and a uniquely named
 * queue. Crawlee's default queue is process-wide and skips every URL it has seen before, so a second
 * crawl of the same site in one process would find nothing to do.
 */
export async function openCrawlStorage(): Promise<CrawlStorage> {
  const storageClient = new MemoryStorage({ persistStorage: false, writeMetadata: false });
  const config = new Configuration({ storageClient, persistStorage: false, purgeOnStart: false });
  const queue = await RequestQueue.open(`site-crawl-${randomUUID()}`, { config });
  return {
    config,
    queue,
    async drop() {
      await queue.drop();
      await storageClient.teardown();
    },
  };
}
