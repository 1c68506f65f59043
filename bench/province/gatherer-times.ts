import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How long one gatherer took over a run's site inspections, from the workers' `gathered` log lines. */
export interface GathererTime {
  gatherer: string;
  count: number;
  medianMs: number;
  maxMs: number;
  totalMs: number;
}

/** The gatherers' times in the logs of the files `logDir/<prefix>worker-*.log`, longest in total first. */
export async function gathererTimes(logDir: string, prefix = ''): Promise<GathererTime[]> {
  const byName = new Map<string, number[]>();
  for (const file of await readdir(logDir)) {
    if (!file.startsWith(`${prefix}worker-`) || !file.endsWith('.log')) continue;
    for (const line of (await readFile(join(logDir, file), 'utf8')).split('\n')) {
      if (!line.includes('"msg":"gathered"')) continue;
      const { gatherer, ms } = JSON.parse(line) as { gatherer: string; ms: number };
      byName.set(gatherer, [...(byName.get(gatherer) ?? []), ms]);
    }
  }
  return [...byName]
    .map(([gatherer, times]) => {
      times.sort((a, b) => a - b);
      return {
        gatherer,
        count: times.length,
        medianMs: times[Math.floor(times.length / 2)]!,
        maxMs: times.at(-1)!,
        totalMs: times.reduce((sum, ms) => sum + ms, 0),
      };
    })
    .sort((a, b) => b.totalMs - a.totalMs);
}

/** One line: each gatherer's median and largest time a site, seconds. */
export function gathererLine(times: readonly GathererTime[]): string {
  return times
    .map((t) => `${t.gatherer} ${(t.medianMs / 1000).toFixed(1)} s (${(t.maxMs / 1000).toFixed(1)} at most)`)
    .join(', ');
}

/** Run directly on a bench's log folder: `node --import tsx bench/province/gatherer-times.ts DIR [PREFIX]`. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, prefix] = process.argv.slice(2);
  if (!dir) throw new Error('usage: gatherer-times.ts LOG_DIR [FILE_PREFIX such as 2w-]');
  process.stdout.write(`${gathererLine(await gathererTimes(dir, prefix))}\n`);
}
