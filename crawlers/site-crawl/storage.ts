import { Configuration } from '@crawlee/cheerio';
import { MemoryStorage } from '@crawlee/memory-storage';
import { CrawlQueue } from './crawl-queue.ts';

/** One crawl's private Crawlee world: its configuration, in-memory storage and request queue. */
export interface CrawlStorage {
  config: Configuration;
  queue: CrawlQueue;
  /** Drops the queue and releases the storage; call once the crawl is over. */
  drop(): Promise<void>;
}

/**
 * Opens storage that nothing else shares and nothing writes to disk: a fresh in-memory client (for
 * what Crawlee keeps of its session and statistics), a configuration of its own (passed as the
 * crawler's second constructor argument) and a queue of the crawl's own. Crawlee's default queue is
 * process-wide and skips every URL it has seen before, so a second crawl of the same site in one
 * process would find nothing to do.
 */
export async function openCrawlStorage(): Promise<CrawlStorage> {
  const storageClient = new MemoryStorage({ persistStorage: false, writeMetadata: false });
  const config = new Configuration({ storageClient, persistStorage: false, purgeOnStart: false });
  return {
    config,
    queue: new CrawlQueue(),
    async drop() {
      await storageClient.teardown();
    },
  };
}
