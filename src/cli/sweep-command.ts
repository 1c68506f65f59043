import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { HomepageAvailability } from '../../crawlers/artifacts.ts';
import { writeReportHtml } from '../../reports/report-html.ts';
import { writeResultsJson } from '../../reports/results-json.ts';
import type { InspectionSettings } from '../inspection/context.ts';
import { fileCrawlCache } from '../inspection/crawl-cache.ts';
import { fileEvidenceStore } from '../inspection/evidence-store.ts';
import type { Logger } from '../log.ts';
import type { Site } from '../registry/site.ts';
import type { SweepResults } from '../results.ts';
import { runSweep } from '../sweep/run-sweep.ts';
import type { OfficeDictionary } from '../wording/office-dictionary.ts';
import { terminalProgress } from './progress.ts';
import { summaryLines } from './summary.ts';

export interface SweepRun {
  sites: readonly Site[];
  out: string;
  now: Date;
  concurrency: number;
  settings: InspectionSettings;
  log: Logger;
  /** `--probes`: sites' homepage availability from the probe log, by site id. */
  availability?: ReadonlyMap<string, HomepageAvailability>;
  /** `--wording-dictionary`: the offices' wording entries and sites' exceptions. */
  wording?: OfficeDictionary;
  /** `--crawl-cache`: where each site's pages are kept for the next run to ask conditionally. */
  crawlCache?: string;
}

/** Runs a sweep and writes `results.json` and `report.html` into `out`; prints where they are. */
export async function sweepAndWrite(run: SweepRun): Promise<SweepResults> {
  const out = resolve(run.out);
  await mkdir(out, { recursive: true });
  // Evidence of an earlier sweep into the same folder must not pass for this one's.
  await rm(join(out, 'evidence'), { recursive: true, force: true });
  const results = await runSweep(run.sites, {
    now: run.now,
    settings: run.settings,
    concurrency: run.concurrency,
    evidence: fileEvidenceStore(out),
    log: run.log,
    availability: run.availability,
    ...(run.wording ? { wording: run.wording } : {}),
    ...(run.crawlCache ? { crawlCache: fileCrawlCache(resolve(run.crawlCache), run.log) } : {}),
    onProgress: terminalProgress(),
  });
  const json = await writeResultsJson(out, results);
  const html = await writeReportHtml(out, results, (siteId) =>
    readFile(join(out, 'evidence', siteId, 'header.png')).then(
      (bytes) => new Uint8Array(bytes),
      () => undefined,
    ),
  );
  process.stdout.write(`${summaryLines(results).join('\n')}\n结果：${json}\n报告：${html}\n`);
  return results;
}
