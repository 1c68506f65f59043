import type { Site } from '../registry/site.ts';
import type { SweepRecord } from '../store/store.ts';

/**
 * Puts a recorded sweep on the queue: one job per site, each carrying the site itself so that a
 * worker needs nothing but Redis. Throws when the queue cannot be reached.
 */
export interface SweepLauncher {
  launch(sweep: SweepRecord, sites: readonly Site[]): Promise<void>;
}
