import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { AllowNetworksError, parseAllowNetworks } from '../../crawlers/reach/allow-networks.ts';
import {
  parseResolveList,
  ResolveEntryError,
  type ResolveTable,
} from '../../crawlers/resolve/resolve-table.ts';
import { MAX_SITE_PAGES } from '../registry/site.ts';
import type { SweepKind } from '../store/store.ts';

/** The service's configuration, from the environment (contract §6). */
export interface ServiceConfig {
  redisUrl: string;
  /** A PostgreSQL URL; undefined means the embedded store (PGlite) under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where evidence files (header screenshots) go; shared by workers and the API. */
  artifactDir: string;
  port: number;
  host: string;
  /** Site inspections a worker process runs at once. */
  workerConcurrency: number;
  /** Whether `serve` also runs site workers (SERVE_WORKERS=0 leaves inspections to `gov-inspect worker`). */
  serveWorkers: boolean;
  /** Queue name prefix, so that several deployments (or tests) can share one Redis. */
  queuePrefix: string;
  /**
   * `GOV_INSPECT_RESOLVE`, curl-style `host:port:address` entries separated by commas. Checked here so
   * that a bad value stops `serve` and `worker` at start; the site processors read the same variable
   * from the environment they inherit, so each worker machine may point names its own way (split DNS).
   */
  resolve: ResolveTable;
  /**
   * `CRAWL_ALLOW_NETWORKS`, CIDRs separated by commas: the networks (an intranet) the crawler may go to
   * besides the public internet and each site's own addresses. Checked here, read again by the site
   * processors from the environment they inherit, as `GOV_INSPECT_RESOLVE` is.
   */
  allowNetworks: string[];
  /**
   * `PROBE_INTERVAL_MINUTES` (default 30, 0 turns the rounds off): how often `serve` probes every
   * site's homepage for the availability rule (clause 4.4.2). A divisor of 60, so that the rounds fall
   * on the same minutes of every hour; the national method wants at least 20 probes a day
   * (every divisor of 60 gives 24 or more).
   */
  probeIntervalMinutes: number;
  /**
   * `TRUST_PROXY`: the reverse proxies in front of `serve` (addresses, CIDRs, or `loopback`,
   * `linklocal`, `uniquelocal`, comma-separated) whose X-Forwarded-Proto, -Host and -For are
   * believed; undefined (the default) believes none. Behind an HTTPS proxy it is what makes the
   * session cookie Secure.
   */
  trustProxy: string | undefined;
  /**
   * `RETENTION_DAYS` (default 400, at least 184): how long `serve` keeps homepage probes, results and
   * sweeps; the results something still reads are kept whatever their age (retention.ts).
   */
  retentionDays: number;
  /**
   * Pages crawled per site in a sweep of each plan, unless the site's registry entry sets its own
   * `maxPages`: `MAX_PAGES_QUARTERLY_PATROL`, `MAX_PAGES_SEMIANNUAL_CHECK`, `MAX_PAGES_ADHOC` (default
   * 20,000 each: whole sites, up to a cap).
   */
  pageBudgets: PageBudgets;
}

export type PageBudgets = Readonly<Record<SweepKind, number>>;

/** The service crawls whole sites, up to this many pages each, unless told otherwise. */
export const DEFAULT_PAGE_BUDGET = 20_000;

/**
 * The longest window a check reads: homepage availability, from the first day of the sweep's period to
 * its "now", a half-year at most (1 July to 31 December: 184 days).
 */
export const MIN_RETENTION_DAYS = 184;
/** A year and a quarter: the sweeps of the same quarter last year stay beside this year's. */
export const DEFAULT_RETENTION_DAYS = 400;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  // An empty value (`DATA_DIR=` in a compose file or a unit) means the default, as for the numbers.
  const dataDir = resolve(env.DATA_DIR || './data');
  return {
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    artifactDir: resolve(env.ARTIFACT_DIR || `${dataDir}/artifacts`),
    port: integer(env, 'PORT', 8080, 0),
    host: env.HOST ?? '127.0.0.1',
    workerConcurrency: integer(env, 'WORKER_CONCURRENCY', 2, 1),
    serveWorkers:
      env.SERVE_WORKERS === undefined || !['0', 'false', 'no'].includes(env.SERVE_WORKERS.toLowerCase()),
    queuePrefix: env.QUEUE_PREFIX ?? 'gov-inspect',
    resolve: resolveTable(env),
    allowNetworks: crawlAllowNetworks(env),
    probeIntervalMinutes: probeInterval(env),
    trustProxy: trustedProxies(env),
    retentionDays: retentionDays(env),
    pageBudgets: {
      'quarterly-patrol': pageBudget(env, 'MAX_PAGES_QUARTERLY_PATROL'),
      'semiannual-check': pageBudget(env, 'MAX_PAGES_SEMIANNUAL_CHECK'),
      adhoc: pageBudget(env, 'MAX_PAGES_ADHOC'),
    },
  };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `TRUST_PROXY` as Fastify's trustProxy takes it; a value that names no address stops the service. */
function trustedProxies(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return undefined;
  const entries = raw.split(',').map((entry) => entry.trim());
  if (!entries.every(isProxyEntry))
    throw new ConfigError(
      `环境变量 TRUST_PROXY 必须是反向代理的地址或网段（如 127.0.0.1、10.0.0.0/8，或 loopback、uniquelocal），以逗号分隔，得到 "${raw}"`,
    );
  return entries.join(',');
}

function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

function probeInterval(env: NodeJS.ProcessEnv): number {
  const minutes = integer(env, 'PROBE_INTERVAL_MINUTES', 30, 0);
  if (minutes > 0 && 60 % minutes !== 0)
    throw new ConfigError(
      `环境变量 PROBE_INTERVAL_MINUTES 必须是 60 的约数（如 15、20、30、60），或 0 表示不探测，得到 "${minutes}"`,
    );
  return minutes;
}

function pageBudget(env: NodeJS.ProcessEnv, name: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return DEFAULT_PAGE_BUDGET;
  const pages = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(pages >= 1 && pages <= MAX_SITE_PAGES))
    throw new ConfigError(
      `环境变量 ${name}（每个网站最多抓取的网页数）必须是 1 到 ${MAX_SITE_PAGES} 之间的整数，得到 "${raw}"`,
    );
  return pages;
}

function retentionDays(env: NodeJS.ProcessEnv): number {
  const raw = env.RETENTION_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS)
    throw new ConfigError(
      `环境变量 RETENTION_DAYS 必须是不小于 ${MIN_RETENTION_DAYS} 的整数（保留天数：首页可用性从半年的第一天起判断，探测记录至少要保留半年），得到 "${raw}"`,
    );
  return days;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(`环境变量 ${name} 必须是不小于 ${min} 的整数，得到 "${raw}"`);
  return value;
}

/** The `GOV_INSPECT_RESOLVE` entries; a bad one is a configuration error naming the variable. */
export function resolveTable(env: NodeJS.ProcessEnv = process.env): ResolveTable {
  try {
    return parseResolveList(env.GOV_INSPECT_RESOLVE);
  } catch (error) {
    if (error instanceof ResolveEntryError)
      throw new ConfigError(`环境变量 GOV_INSPECT_RESOLVE 有误：${error.message}`);
    throw error;
  }
}

/** The `CRAWL_ALLOW_NETWORKS` networks; a bad one is a configuration error naming the variable. */
export function crawlAllowNetworks(env: NodeJS.ProcessEnv = process.env): string[] {
  try {
    return parseAllowNetworks(env.CRAWL_ALLOW_NETWORKS);
  } catch (error) {
    if (error instanceof AllowNetworksError)
      throw new ConfigError(`环境变量 CRAWL_ALLOW_NETWORKS 有误：${error.message}`);
    throw error;
  }
}
