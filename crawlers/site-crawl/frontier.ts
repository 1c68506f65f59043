import type { RequestQueue } from 'crawlee';
import type { PageLink } from '../artifacts.ts';
import { isSameSite } from '../url.ts';
import { mayBeHtml } from './resource-kind.ts';
import type { TrapGuard } from './traps.ts';

/** What the crawl carries with each queued URL. */
export interface CrawlData {
  depth: number;
  referrer?: string;
  /** A priority page's links go to the front of the queue (one level deep). */
  priority?: boolean;
}

const MAX_TRAPS_SAMPLED = 50;

/**
 * Decides which URLs enter the crawl and in what order: breadth-first from the homepage, each URL once,
 * crawler traps left out (a sample is kept), links of priority pages in front. Ordinary URLs beyond
 * the page budget are only counted: they could never be fetched, and a short queue is cheap to drain.
 */
export class Frontier {
  readonly trapsSkipped: { url: string; reason: string }[] = [];
  private readonly seen = new Set<string>();
  private readonly siteUrls: string[];
  private queued = 0;
  /** Admitted URLs that were not queued because the budget was already spoken for. */
  private overflow = 0;

  constructor(
    private readonly queue: RequestQueue,
    private readonly guard: TrapGuard,
    private readonly maxPages: number,
    homepage: string,
  ) {
    this.siteUrls = [homepage];
  }

  /** Counts a URL the homepage redirected to as part of the site (sc.gov.cn → www.sc.gov.cn/index.shtml). */
  addSiteUrl(url: string): void {
    if (!this.isInSite(url)) this.siteUrls.push(url);
  }

  isInSite(url: string): boolean {
    return this.siteUrls.some((site) => isSameSite(url, site));
  }

  /** True when URLs were admitted that the budget left unqueued. */
  get overflowed(): boolean {
    return this.overflow > 0;
  }

  /** Queues a start URL (the homepage, a seed): crawled even when off-site. */
  async addStart(url: string, data: CrawlData): Promise<void> {
    if (this.admit(url, data.depth)) await this.push(url, data, false);
  }

  /** Queues the pages a crawled page links to: same-site (or, for a priority page, same-host) HTML pages. */
  async addLinks(links: readonly PageLink[], page: string, data: CrawlData): Promise<void> {
    const depth = data.depth + 1;
    const wanted = links.filter(
      (link) =>
        (link.kind === 'anchor' || link.kind === 'frame') &&
        mayBeHtml(link.url) &&
        (this.isInSite(link.url) || (data.priority === true && isSameSite(link.url, page))) &&
        this.admit(link.url, depth),
    );
    // Forefront requests come out last-in first-out: push a priority page's links in reverse.
    const ordered = data.priority ? wanted.reverse() : wanted;
    for (const link of ordered) await this.push(link.url, { depth, referrer: page }, data.priority === true);
  }

  private admit(url: string, depth: number): boolean {
    if (this.seen.has(url)) return false;
    this.seen.add(url);
    const verdict = this.guard.admit(url, depth);
    if (!verdict.admitted && this.trapsSkipped.length < MAX_TRAPS_SAMPLED) {
      this.trapsSkipped.push({ url, reason: verdict.reason });
    }
    return verdict.admitted;
  }

  private async push(url: string, data: CrawlData, forefront: boolean): Promise<void> {
    if (!forefront && this.queued >= this.maxPages) {
      this.overflow++;
      return;
    }
    this.queued++;
    await this.queue.addRequest({ url, uniqueKey: url, userData: data }, { forefront });
  }
}
