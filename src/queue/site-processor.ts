import { join } from 'node:path';
import { type Job, Queue, UnrecoverableError } from 'bullmq';
import { LinkStatusCache } from '../../crawlers/link-status/cache.ts';
import { NotFoundPages } from '../../crawlers/soft-404/not-found-pages.ts';
import { type InspectionSettings, sharedBrowser, withResolveTable } from '../inspection/context.ts';
import { fileCrawlCache } from '../inspection/crawl-cache.ts';
import { fileEvidenceStore } from '../inspection/evidence-store.ts';
import { inspectSite } from '../inspection/inspect-site.ts';
import { log } from '../log.ts';
import { crawlAllowNetworks, resolveTable } from '../service/config.ts';
import { errorResult } from '../sweep/error-result.ts';
import {
  handOffResult,
  type ResultJobData,
  SITE_RESULTS,
  type SiteJobData,
  type SiteJobSummary,
  workerConnection,
} from './queues.ts';
import { trackBullmqConnections } from './redis-clients.ts';
import { logRedisErrors } from './redis-errors.ts';
import { RedisHostPoliteness } from './redis-politeness.ts';
import { readSandboxConfig } from './sandbox-config.ts';

/**
 * The site inspection processor, run by BullMQ in a child process of the site worker (see
 * site-processor.js): parsing HTML there cannot block the worker's lock renewal. One browser per
 * child, launched on first use and reused by the jobs the child runs; it dies with the child.
 */

const DEFAULT_SETTINGS: InspectionSettings = { maxPages: 200 };

const config = readSandboxConfig();
// GOV_INSPECT_RESOLVE comes from the worker's environment (checked when the worker started).
const resolve = resolveTable();
const allowNetworks = crawlAllowNetworks();
// The worker process watches Redis and logs its outages; here every connection only gets a listener.
trackBullmqConnections(log);
const results = new Queue<ResultJobData>(SITE_RESULTS, {
  connection: workerConnection(config),
  prefix: config.queuePrefix,
});
results.on('error', logRedisErrors(log, 'site processor results queue'));
const politeness = new RedisHostPoliteness({
  redisUrl: config.redisUrl,
  prefix: config.queuePrefix,
  perHostConcurrency: config.perHostConcurrency,
  log,
});
// The link cache and the hosts' not-found answers are per sweep, and per child process: one check per
// target and one made-up missing URL per host for each process's share of a sweep, never carried over.
let links: { sweepId: string; cache: LinkStatusCache; notFound: NotFoundPages } | undefined;

// The worker that forked us is gone (killed): its jobs will be redone elsewhere, so stop now rather
// than finish work nobody waits for; exiting also takes the browser down (Playwright kills it on exit).
process.on('disconnect', () => process.exit(0));

export default async function processSiteJob(
  job: Job<SiteJobData>,
  _token?: string,
  signal?: AbortSignal,
): Promise<SiteJobSummary> {
  const { sweepId, site } = job.data;
  const attempt = job.attemptsMade + 1;
  const jobLog = log.child({ sweepId, siteId: site.id, jobId: job.id, attempt, starts: job.attemptsStarted });
  try {
    const result = await inspect(job.data, jobLog, signal);
    await handOffResult(results, sweepId, result);
    return {
      siteId: site.id,
      status: result.status,
      score: result.score,
      pagesCrawled: result.pagesCrawled,
      linksChecked: result.linksChecked,
    };
  } catch (error) {
    jobLog.error({ err: error }, 'site inspection attempt failed');
    const final = error instanceof UnrecoverableError || attempt >= (job.opts.attempts ?? 1);
    if (final) {
      await handOffResult(results, sweepId, errorResult(site, error));
    }
    throw error;
  }
}

// The child's browser, launched again if it failed to start or has since crashed.
const browser = sharedBrowser({ handleSignals: false });

async function inspect(data: SiteJobData, jobLog: typeof log, signal: AbortSignal | undefined) {
  const { sweepId, site } = data;
  const protocol = URL.canParse(site.homepage) ? new URL(site.homepage).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new UnrecoverableError(`站点 ${site.id} 的首页地址不是 http(s) 网址：${site.homepage}`);
  }
  const now = new Date(data.now);
  if (Number.isNaN(now.getTime())) throw new UnrecoverableError(`任务的检查日期无效：${data.now}`);
  const settings = { ...withResolveTable(data.settings ?? DEFAULT_SETTINGS, resolve), allowNetworks };
  if (links?.sweepId !== sweepId) {
    void links?.notFound.close();
    links = {
      sweepId,
      cache: new LinkStatusCache(),
      notFound: new NotFoundPages({ settings: settings.links, politeness }),
    };
  }
  return inspectSite(
    site,
    {
      now,
      settings,
      browser: browser.browser,
      linkCache: links.cache,
      politeness,
      notFound: links.notFound,
      ...(config.ocrLock === undefined ? {} : { ocrLock: config.ocrLock }),
      evidence: fileEvidenceStore(join(config.artifactDir, sweepId)),
      crawlCache: fileCrawlCache(join(config.artifactDir, 'crawl-cache'), jobLog),
      log: jobLog,
      signal,
    },
    { parentHomepage: data.parentHomepage, availability: data.availability, wording: data.wording },
  );
}
