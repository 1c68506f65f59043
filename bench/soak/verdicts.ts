import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { STORE_RETENTION } from '../../src/queue/store-retention.ts';
import type { SoakApi } from './api.ts';
import { say } from './say.ts';

/** Prints and returns how many sweeps are done with exactly one result for each site, from the API. */
export async function checkResults(api: SoakApi, sweepIds: string[], siteIds: string[]): Promise<number> {
  const perSite = new Map(
    await Promise.all(siteIds.map(async (id) => [id, await api.resultSweeps(id)] as const)),
  );
  let complete = 0;
  for (const [i, id] of sweepIds.entries()) {
    const sweep = await api.sweep(id);
    const counts = siteIds.map((site) => perSite.get(site)!.filter((sweepId) => sweepId === id).length);
    if (sweep.state === 'done' && sweep.done === siteIds.length && counts.every((c) => c === 1)) complete++;
    else
      say(
        `sweep ${i + 1} (${id}): ${sweep.state}, ${sweep.done}/${sweep.total}, results per site ${counts.join(' ')}`,
      );
  }
  say(
    `${complete}/${sweepIds.length} sweeps completed with one result for each of the ${siteIds.length} sites (GET /sweeps/:id, GET /sites/:id/results)`,
  );
  return complete;
}

/** Runs the daily retention trim now (a job on its queue, as its scheduler adds) and prints what serve logged of it. */
export async function trimNow(redisUrl: string, prefix: string, serveLog: string): Promise<void> {
  const queue = new Queue(STORE_RETENTION, { connection: { url: redisUrl }, prefix });
  queue.on('error', () => {});
  await queue.add('trim', {});
  await queue.close();
  for (let waited = 0; waited < 60_000; waited += 500) {
    const line = (await readFile(serveLog, 'utf8'))
      .split('\n')
      .find((l) => l.includes('"msg":"old records trimmed"'));
    if (line) {
      const { probes, results, sweeps, evidenceFolders, before, retentionDays } = JSON.parse(line);
      say(
        `retention trim (RETENTION_DAYS=${retentionDays}, before ${before}): ${probes} probes, ${results} results, ${sweeps} sweeps, ${evidenceFolders} evidence folders deleted`,
      );
      return;
    }
    await sleep(500);
  }
  throw new Error('serve did not log "old records trimmed" within 60 s of the trim job');
}
