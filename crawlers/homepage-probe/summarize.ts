import {
  FULL_PROBE_DAY,
  type HomepageAvailability,
  type HomepageProbe,
  type OfflineEpisode,
} from '../artifacts.ts';

/** Failed probes kept as evidence, newest first. */
export const FAILED_SAMPLES = 20;
/**
 * Failures further apart than this do not make one outage: the service itself was not probing (stopped,
 * upgraded) in between, and a site failing on both sides of that gap was not seen offline throughout.
 */
export const OUTAGE_GAP_MS = 6 * 3_600_000;
/** Offline episodes kept (the longest): a site that flaps all quarter would otherwise carry hundreds. */
export const EPISODES_KEPT = 20;

export interface ProbeWindow {
  from: Date;
  to: Date;
}

/**
 * How many probes a window holds, how many failed, and on how many Asia/Shanghai days they fell, leaving
 * out the probes a firewall refused: those are counted apart, as `blocked`.
 */
export interface ProbeTally {
  probes: number;
  failures: number;
  daysProbed: number;
  fullDays: number;
  blocked: number;
}

/** A failed probe, and whether the probe before it in the window failed too. */
export interface FailedProbe {
  probe: HomepageProbe;
  afterFailure: boolean;
}

/** The homepage's availability over `window`, from the probes made in it (in any order). */
export function summarizeProbes(
  probes: readonly HomepageProbe[],
  window: ProbeWindow,
  method: HomepageAvailability['method'],
): HomepageAvailability {
  const sorted = [...probes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const failed = sorted.flatMap((probe, i): FailedProbe[] =>
    probe.ok ? [] : [{ probe, afterFailure: i > 0 && continuesOutage(sorted[i - 1]!, probe) }],
  );
  const counted = sorted.filter((probe) => !isBlocked(probe));
  const perDay = new Map<string, number>();
  for (const probe of counted)
    perDay.set(shanghaiDate(probe.at), (perDay.get(shanghaiDate(probe.at)) ?? 0) + 1);
  const tally: ProbeTally = {
    probes: counted.length,
    failures: failed.length,
    daysProbed: perDay.size,
    fullDays: [...perDay.values()].filter((count) => count >= FULL_PROBE_DAY).length,
    blocked: sorted.length - counted.length,
  };
  return availabilityOf(tally, failed, window, method);
}

/**
 * A firewall's block page: the server's front answered, refusing the prober, which tells nothing of
 * whether visitors reach the site. Yet it is an answer, so it ends a run of failures like any other.
 */
function isBlocked(probe: HomepageProbe): boolean {
  return probe.ok && probe.error === 'BLOCKED';
}

function continuesOutage(before: HomepageProbe, failed: HomepageProbe): boolean {
  return !before.ok && Date.parse(failed.at) - Date.parse(before.at) <= OUTAGE_GAP_MS;
}

/**
 * The availability from a window's tally and its failed probes, oldest first: the form the store
 * reads it in, as a window of a quarter holds thousands of probes per site and few failures.
 */
export function availabilityOf(
  tally: ProbeTally,
  failed: readonly FailedProbe[],
  window: ProbeWindow,
  method: HomepageAvailability['method'],
): HomepageAvailability {
  const episodes = offlineEpisodes(failed);
  const { blocked, ...counts } = tally;
  return {
    method,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    ...counts,
    ...(blocked > 0 ? { blocked } : {}),
    failedSamples: failed
      .slice(-FAILED_SAMPLES)
      .reverse()
      .map(({ probe }) => probe),
    episodes: longest(episodes, EPISODES_KEPT),
    episodeCount: episodes.length,
  };
}

/** The `count` longest episodes, in the order they happened. */
function longest(episodes: readonly OfflineEpisode[], count: number): OfflineEpisode[] {
  const length = (e: OfflineEpisode) => Date.parse(e.to) - Date.parse(e.from);
  const kept = new Set([...episodes].sort((a, b) => length(b) - length(a)).slice(0, count));
  return episodes.filter((e) => kept.has(e));
}

/** Runs of two or more consecutive failures (no gap over `OUTAGE_GAP_MS`), from the first failed probe of each to its last. */
function offlineEpisodes(failed: readonly FailedProbe[]): OfflineEpisode[] {
  const runs: HomepageProbe[][] = [];
  for (const { probe, afterFailure } of failed) {
    const run = runs.at(-1);
    if (afterFailure && run) run.push(probe);
    else runs.push([probe]);
  }
  return runs
    .filter((run) => run.length >= 2)
    .map((run) => ({ from: run[0]!.at, to: run.at(-1)!.at, probes: run.length }));
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * The Asia/Shanghai calendar date of an instant, '2026-11-25'. China Standard Time is UTC+8 all
 * year (no daylight saving since 1991), which the store's `AT TIME ZONE 'Asia/Shanghai'` agrees with.
 */
export function shanghaiDate(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant an Asia/Shanghai day ('2026-11-25') begins. */
export function shanghaiDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
