import type { Command } from 'commander';
import type { HomepageAvailability } from '../../crawlers/artifacts.ts';
import { ProbeLogError, readProbeLog } from '../../crawlers/homepage-probe/probe-log.ts';
import { summarizeProbes } from '../../crawlers/homepage-probe/summarize.ts';
import { AllowNetworksError, parseAllowNetworks } from '../../crawlers/reach/allow-networks.ts';
import { parseResolveEntries, ResolveEntryError } from '../../crawlers/resolve/resolve-table.ts';
import { withResolveTable } from '../inspection/context.ts';
import { log } from '../log.ts';
import { periodStart } from '../periods/period-names.ts';
import { loadSites } from '../registry/load.ts';
import type { Site } from '../registry/site.ts';
import { quarterOf } from '../sweep/period.ts';
import { readWordingDictionary, WordingDictionaryError } from '../wording/dictionary-file.ts';
import type { OfficeDictionary } from '../wording/office-dictionary.ts';
import { parseNow, positiveInteger, positiveSeconds, UsageError } from './usage-error.ts';

interface SweepFlags {
  sites: string;
  out: string;
  now?: string;
  maxPages: string;
  concurrency: string;
  requestTimeout?: string;
  resolve?: string[];
  probes?: string;
  wordingDictionary?: string;
  crawlCache?: string;
}

/**
 * `gov-inspect sweep --sites FILE --out DIR [--now ISO-8601] [--max-pages N] [--concurrency N]
 * [--request-timeout SECONDS] [--resolve HOST:PORT:ADDRESS]... [--probes FILE]` (contract §2)
 * [--wording-dictionary FILE] (issue 12) [--crawl-cache DIR] (issue 13).
 */
export function sweepCommand(program: Command): void {
  program
    .command('sweep')
    .description('检查站点清单中的每个网站一次，写出 results.json 和 report.html')
    .requiredOption('--sites <file>', '站点清单（.yaml / .json / .csv / .xlsx）')
    .requiredOption('--out <dir>', '输出目录')
    .option('--now <iso>', '以此时间为“今天”（年度报表年份等），默认当前时间')
    .option('--max-pages <n>', '每个网站最多抓取的页面数', '200')
    .option('--concurrency <n>', '同时检查的网站数', '4')
    .option('--request-timeout <seconds>', '单个请求的总超时（秒），默认 30')
    .option(...RESOLVE_OPTION)
    .option(
      '--probes <file>',
      '首页探测记录（gov-inspect probe 写出的 JSON Lines）：按本季度至今的探测判断首页可用性；无记录的网站仍只探测一次',
    )
    .option(
      '--wording-dictionary <file>',
      '错敏字增补词典（JSON：{"entries": [{"wrong", "correct", "category", "grade"}], "exceptions": {"站点 id": ["表述"]}}），与系统内置词典一并使用',
    )
    .option(
      '--crawl-cache <dir>',
      '抓取缓存目录：保存各页面的 ETag / Last-Modified 及所读内容；再次检查时按条件请求，未变化（304）的页面沿用上次所读（链接仍逐一检查）',
    )
    .action(async (flags: SweepFlags) => {
      const now = parseNow(flags.now);
      const maxPages = positiveInteger('--max-pages', flags.maxPages);
      const concurrency = positiveInteger('--concurrency', flags.concurrency);
      const timeoutMs =
        flags.requestTimeout === undefined
          ? undefined
          : positiveSeconds('--request-timeout', flags.requestTimeout) * 1000;
      const resolve = resolveFlag(flags.resolve ?? []);
      const allowNetworks = allowNetworksFromEnv();
      const sites = await loadSites(flags.sites);
      const availability =
        flags.probes === undefined ? undefined : await probedAvailability(flags.probes, now);
      const wording =
        flags.wordingDictionary === undefined
          ? undefined
          : await wordingDictionary(flags.wordingDictionary, sites);
      // Loaded here so that --help and input errors answer at once, without loading the browser and crawler.
      const { sweepAndWrite } = await import('./sweep-command.ts');
      await sweepAndWrite({
        sites,
        out: flags.out,
        now,
        concurrency,
        log,
        settings: { ...withResolveTable(requestSettings(maxPages, timeoutMs), resolve), allowNetworks },
        availability,
        wording,
        ...(flags.crawlCache === undefined ? {} : { crawlCache: flags.crawlCache }),
      });
    });
}

/** `--wording-dictionary`: a bad file is a usage error naming what is wrong in it. */
async function wordingDictionary(file: string, sites: readonly Site[]): Promise<OfficeDictionary> {
  return readWordingDictionary(file, new Set(sites.map((site) => site.id))).catch((error: unknown) => {
    throw error instanceof WordingDictionaryError
      ? new UsageError(`--wording-dictionary：${error.message}`)
      : error;
  });
}

/**
 * Inspection settings for `--request-timeout`: the total time of one request of the crawl and the link
 * check (their connect and response timeouts kept within it); the homepage render gets at least 15 s,
 * since a browser loads a whole page, not one request.
 */
export function requestSettings(maxPages: number, totalTimeoutMs: number | undefined) {
  if (totalTimeoutMs === undefined) return { maxPages };
  const connectTimeoutMs = Math.min(10_000, totalTimeoutMs);
  const responseTimeoutMs = Math.min(20_000, totalTimeoutMs);
  return {
    maxPages,
    links: { totalTimeoutMs, connectTimeoutMs, responseTimeoutMs },
    crawl: { totalTimeoutMs, connectTimeoutMs, responseTimeoutMs },
    render: { navigationTimeoutMs: Math.max(totalTimeoutMs, 15_000) },
  };
}

/** `--resolve`, as `sweep` and `probe` both take it. */
export const RESOLVE_OPTION = [
  '--resolve <host:port:address>',
  '把连到 主机名:端口 的连接指向给定 IP 地址（同 curl；端口可为 *；可重复）',
  (value: string, previous: string[] = []) => [...previous, value],
] as const;

/**
 * Each logged site's homepage availability from the probes of the log made from the start of the
 * sweep's quarter to `now`, as the service judges it; a site with no probe in that window is absent.
 */
export async function probedAvailability(
  file: string,
  now: Date,
): Promise<Map<string, HomepageAvailability>> {
  const window = { from: periodStart(quarterOf(now)), to: now };
  const logged = await readProbeLog(file).catch((error: unknown) => {
    throw error instanceof ProbeLogError ? new UsageError(`--probes：${error.message}`) : error;
  });
  const availability = new Map<string, HomepageAvailability>();
  for (const [siteId, probes] of logged) {
    const inWindow = probes.filter((probe) => {
      const at = Date.parse(probe.at);
      return at >= window.from.getTime() && at <= window.to.getTime();
    });
    if (inWindow.length > 0) availability.set(siteId, summarizeProbes(inWindow, window, 'scheduled-probes'));
  }
  return availability;
}

export function resolveFlag(values: readonly string[]) {
  try {
    return parseResolveEntries(values);
  } catch (error) {
    if (error instanceof ResolveEntryError) throw new UsageError(`--resolve 的值有误：${error.message}`);
    throw error;
  }
}

/** `CRAWL_ALLOW_NETWORKS` of the environment, as `sweep` and `probe` both read it; a bad value is a usage error. */
export function allowNetworksFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  try {
    return parseAllowNetworks(env.CRAWL_ALLOW_NETWORKS);
  } catch (error) {
    if (error instanceof AllowNetworksError)
      throw new UsageError(`环境变量 CRAWL_ALLOW_NETWORKS 有误：${error.message}`);
    throw error;
  }
}
