import type { ReachRule } from '../reach/reach-rule.ts';
import type { ResolveTable } from '../resolve/resolve-table.ts';

/** Limits and manners of one site crawl. Every field has a default; callers override only what they need. */
export interface CrawlSettings {
  /** Parallel requests to the site. */
  concurrency: number;
  /** Milliseconds to establish the TCP (and TLS) connection. */
  connectTimeoutMs: number;
  /** Milliseconds from sending the request to receiving the response headers. */
  responseTimeoutMs: number;
  /** Milliseconds for the whole request, body included. */
  totalTimeoutMs: number;
  /** A body larger than this is aborted and recorded as TOO_LARGE. */
  maxBodyBytes: number;
  /** Pages deeper than this many clicks from the homepage are not crawled. */
  maxDepth: number;
  maxUrlLength: number;
  /** Distinct query strings admitted for one path (endless calendars, paginations gone wild). */
  maxQueryVariants: number;
  /** A calendar-like query parameter may point at most this many years ahead of now… */
  calendarYearsAhead: number;
  /** …and at most this many years back. */
  calendarYearsBack: number;
  userAgent: string;
  acceptLanguage: string;
  /** `--resolve` entries: host names whose connections go to a given address (curl's semantics). */
  resolve: ResolveTable;
  /**
   * Where requests may go besides the public internet. Default: the non-public addresses the homepage
   * host resolves to when the crawl starts (`siteReach`).
   */
  reach?: ReachRule;
  /**
   * Seed the crawl with the URLs of the site's sitemaps too (robots.txt's `Sitemap:` lines, else
   * /sitemap.xml): for whole-site crawls, where they reach pages no link leads to within the depth.
   */
  sitemaps: boolean;
}

export const DEFAULT_CRAWL_SETTINGS: Readonly<CrawlSettings> = Object.freeze({
  concurrency: 4,
  connectTimeoutMs: 10_000,
  responseTimeoutMs: 20_000,
  totalTimeoutMs: 30_000,
  maxBodyBytes: 5 * 1024 * 1024,
  maxDepth: 10,
  maxUrlLength: 512,
  maxQueryVariants: 25,
  calendarYearsAhead: 2,
  calendarYearsBack: 30,
  userAgent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  acceptLanguage: 'zh-CN,zh;q=0.9,en;q=0.5',
  resolve: [],
  sitemaps: false,
});

/** Merges overrides into the defaults, rejecting values that would make the crawl meaningless. */
export function resolveCrawlSettings(overrides: Partial<CrawlSettings> = {}): CrawlSettings {
  const settings = { ...DEFAULT_CRAWL_SETTINGS, ...overrides };
  for (const [name, value] of Object.entries(settings)) {
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`Crawl setting ${name} must be a non-negative number, got ${value}`);
    }
  }
  if (settings.concurrency < 1) throw new RangeError('Crawl setting concurrency must be at least 1');
  return settings;
}
