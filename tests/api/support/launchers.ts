import type { Site } from '../../../src/registry/site.ts';
import type { SweepLauncher } from '../../../src/service/sweep-launcher.ts';
import type { SweepRecord } from '../../../src/store/store.ts';

/** Records every launch, as the queue would receive it. */
export class RecordingLauncher implements SweepLauncher {
  readonly launches: { sweep: SweepRecord; siteIds: string[] }[] = [];
  async launch(sweep: SweepRecord, sites: readonly Site[]): Promise<void> {
    this.launches.push({ sweep, siteIds: sites.map((site) => site.id) });
  }
}

/** A queue that is down: every launch fails, as BullMQ's does when Redis refuses connections. */
export class FailingLauncher implements SweepLauncher {
  async launch(): Promise<void> {
    throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
  }
}

/** A queue that never answers (a Redis that accepts connections but hangs). */
export class HangingLauncher implements SweepLauncher {
  launch(): Promise<void> {
    return new Promise(() => {});
  }
}
