import { rm } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { TREND_QUARTERS } from '../dashboard/overview-data.ts';
import { previousPeriod } from '../periods/period-names.ts';
import type { ResultsStore } from '../store/store.ts';
import { halfYearOf, quarterOf } from '../sweep/period.ts';

const DAY_MS = 86_400_000;

/** What one trim deleted, as logged. */
export interface RetentionSummary {
  /** Records from before this instant went (ISO). */
  before: string;
  probes: number;
  results: number;
  sweeps: number;
  /** Evidence folders (header screenshots) removed with their results. */
  evidenceFolders: number;
}

/**
 * The periods whose latest results stay whatever their age: the quarters of the dashboard's trend (the
 * current one and the five before) and the one before them, which the first is compared with; the
 * current half-year and the one before it.
 */
export function periodsKept(now: Date): string[] {
  const quarters = [quarterOf(now)];
  while (quarters.length < TREND_QUARTERS + 1) quarters.push(previousPeriod(quarters.at(-1)!));
  const half = halfYearOf(now);
  return [...quarters, half, previousPeriod(half)];
}

/**
 * Deletes what is older than `retentionDays`: the homepage probes of the days before, and the results
 * and sweeps nothing reads any more (`ResultsRepository.trim`), with their evidence files.
 */
export async function trimOldRecords(
  store: Pick<ResultsStore, 'probes' | 'results'>,
  options: { retentionDays: number; artifactDir: string; now?: Date },
): Promise<RetentionSummary> {
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - options.retentionDays * DAY_MS);
  const probes = await store.probes.prune(before);
  const trimmed = await store.results.trim(before, periodsKept(now));
  // Workers keep a sweep's evidence in `${artifactDir}/${sweepId}/evidence/${siteId}/`.
  const gone = new Set(trimmed.sweeps);
  const folders = [
    ...trimmed.sweeps.map((sweepId) => [sweepId]),
    ...trimmed.results
      .filter((result) => !gone.has(result.sweepId))
      .map((result) => [result.sweepId, 'evidence', result.siteId]),
  ];
  let evidenceFolders = 0;
  for (const parts of folders) {
    if (await removeWithin(options.artifactDir, parts)) evidenceFolders++;
  }
  return {
    before: before.toISOString(),
    probes,
    results: trimmed.results.length,
    sweeps: trimmed.sweeps.length,
    evidenceFolders,
  };
}

/** Removes the folder `parts` names under `root`, never anything outside it; false when there was none. */
async function removeWithin(root: string, parts: readonly string[]): Promise<boolean> {
  const base = resolve(root);
  const folder = resolve(base, ...parts);
  if (!folder.startsWith(base + sep)) return false;
  try {
    await rm(folder, { recursive: true });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
