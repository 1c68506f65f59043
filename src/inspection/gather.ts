/** Running gatherers for one inspection: failures become failed artifacts; the availability probe. */
import type { Artifacts, Gathered, HomepageAvailability } from '../../crawlers/artifacts.ts';
import { probeHomepage } from '../../crawlers/homepage-probe/probe-homepage.ts';
import { summarizeProbes } from '../../crawlers/homepage-probe/summarize.ts';
import type { ReachRule } from '../../crawlers/reach/reach-rule.ts';
import type { ResolveTable } from '../../crawlers/resolve/resolve-table.ts';
import type { Logger } from '../log.ts';

/** The CLI's availability: one probe, which can only tell a failure worth a person's look. */
export async function probeOnce(
  homepage: string,
  resolve: ResolveTable | undefined,
  reach: ReachRule,
  signal: AbortSignal | undefined,
): Promise<HomepageAvailability> {
  const probe = await probeHomepage(homepage, { resolve, reach, signal });
  const at = new Date(probe.at);
  return summarizeProbes([probe], { from: at, to: at }, 'single-probe');
}

/** Runs gatherers, turning a failure into a failed artifact (the checks needing it become `review`). */
export function gatherer(log: Logger, signal: AbortSignal | undefined) {
  return async <T>(name: keyof Artifacts, make: () => Promise<T>): Promise<Gathered<T>> => {
    const started = Date.now();
    try {
      const value = await make();
      log.info({ gatherer: name, ms: Date.now() - started }, 'gathered');
      return { ok: true, value };
    } catch (error) {
      log.warn({ gatherer: name, err: error }, 'gatherer failed');
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: signal?.aborted ? `本站检查超过时限，未能完成（${message}）` : message };
    }
  };
}
