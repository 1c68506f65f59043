import type { Browser } from 'playwright';
import { LinkStatusCache } from '../../crawlers/link-status/cache.ts';
import { HostPoliteness, type Politeness } from '../../crawlers/link-status/politeness.ts';
import type { LinkCheckSettings } from '../../crawlers/link-status/settings.ts';
import type { ResolveTable } from '../../crawlers/resolve/resolve-table.ts';
import type { CrawlSettings } from '../../crawlers/site-crawl/settings.ts';
import { NotFoundPages } from '../../crawlers/soft-404/not-found-pages.ts';
import { type LaunchOptions, launchBrowser } from '../browser.ts';
import type { Logger } from '../log.ts';
import type { CrawlCache } from './crawl-cache.ts';
import type { EvidenceStore } from './evidence-store.ts';

export interface InspectionSettings {
  /** Pages crawled per site, the homepage included (contract §2 `--max-pages`). */
  maxPages: number;
  crawl?: Partial<CrawlSettings>;
  links?: Partial<LinkCheckSettings>;
  render?: { navigationTimeoutMs?: number; settleCapMs?: number };
  /**
   * `CRAWL_ALLOW_NETWORKS`: networks every gatherer may go to besides the public internet and the
   * site's own addresses (see `siteReach`).
   */
  allowNetworks?: readonly string[];
}

/**
 * The settings with the `--resolve` entries given to every gatherer: the crawl and the link check
 * read them from their own settings, the browser's proxy from the link check's (see `inspectSite`).
 * An empty table leaves the settings as they are.
 */
export function withResolveTable(settings: InspectionSettings, table: ResolveTable): InspectionSettings {
  if (table.length === 0) return settings;
  return {
    ...settings,
    crawl: { ...settings.crawl, resolve: table },
    links: { ...settings.links, resolve: table },
  };
}

/** What one site inspection needs from the sweep it belongs to. */
export interface InspectionContext {
  /** "Today" for every date-dependent rule. */
  now: Date;
  settings: InspectionSettings;
  /** The sweep's browser, launched on first use. */
  browser(): Promise<Browser>;
  /** Link verdicts shared by every site of the sweep: one check per target per sweep. */
  linkCache: LinkStatusCache;
  /** Per-host request limits shared by every site of the sweep. */
  politeness: Politeness;
  /** Each host's answer for a made-up missing URL, asked once per sweep: how soft 404s are told. */
  notFound: NotFoundPages;
  /** A lock file shared with the other processes of a queue worker, so that they run OCR one at a time. */
  ocrLock?: string;
  evidence: EvidenceStore;
  /** The site's pages of its last sweep, asked for conditionally; without it every page is fetched in full. */
  crawlCache?: CrawlCache;
  log: Logger;
  signal?: AbortSignal;
}

/** The resources a sweep shares between its site inspections, and their release. */
export interface SweepResources {
  browser(): Promise<Browser>;
  linkCache: LinkStatusCache;
  politeness: Politeness;
  notFound: NotFoundPages;
  close(): Promise<void>;
}

/**
 * A browser launched on first use and shared: one that crashed or was closed, or a launch that
 * failed, is forgotten, so that the next caller launches a new one instead of inheriting the failure.
 */
export function sharedBrowser(options: LaunchOptions = {}): {
  browser(): Promise<Browser>;
  close(): Promise<void>;
} {
  let launching: Promise<Browser> | undefined;
  const launch = (): Promise<Browser> => {
    const attempt = launchBrowser(options).then(
      (browser) => {
        browser.once('disconnected', () => {
          if (launching === attempt) launching = undefined;
        });
        return browser;
      },
      (error: unknown) => {
        if (launching === attempt) launching = undefined;
        throw error;
      },
    );
    return attempt;
  };
  return {
    browser: () => {
      launching ??= launch();
      return launching;
    },
    async close() {
      const current = launching;
      launching = undefined;
      if (current) await (await current.catch(() => undefined))?.close();
    },
  };
}

export function createSweepResources(links: Partial<LinkCheckSettings> = {}): SweepResources {
  const shared = sharedBrowser();
  const politeness = new HostPoliteness({
    perHostConcurrency: links.perHostConcurrency,
    concurrency: links.concurrency,
  });
  const notFound = new NotFoundPages({ settings: links, politeness });
  return {
    browser: shared.browser,
    linkCache: new LinkStatusCache(),
    politeness,
    notFound,
    close: async () => {
      await Promise.all([shared.close(), notFound.close()]);
    },
  };
}
