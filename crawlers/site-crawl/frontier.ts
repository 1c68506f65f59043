import type { PageLink } from '../artifacts.ts';
import { isSameSite } from '../url.ts';
import type { CrawlQueue } from './crawl-queue.ts';
import { mayBeHtml } from './resource-kind.ts';
import type { TrapGuard } from './traps.ts';

/** What the crawl carries with each queued URL. */
export interface CrawlData {
  depth: number;
  referrer?: string;
  /** A priority seed, or a page a priority seed links to: crawled before every ordinary page. */
  priority?: 'seed' | 'child';
}

const MAX_TRAPS_SAMPLED = 50;

/**
 * Decides which URLs enter the crawl and in what order: breadth-first from the homepage, each URL once
 * (a URL a crawled page redirected to counts as crawled), crawler traps left out (a sample is kept).
 * Seeds wait until the homepage has answered, so that one naming the homepage's final URL
 * (`/` → `/index.shtml`, whose logo the rendered homepage links) is not crawled a second time. Priority seeds and the pages they link to come first: while
 * any of them is pending, ordinary URLs wait in `held`, so that a tight budget is not spent on ordinary
 * pages already running when a priority page's links turn up. Ordinary URLs beyond the page budget are
 * only counted: they could never be fetched.
 */
export class Frontier {
  readonly trapsSkipped: { url: string; reason: string }[] = [];
  private readonly seen = new Set<string>();
  private readonly siteUrls: string[];
  private readonly held: { url: string; data: CrawlData }[] = [];
  /** Seeds given before the homepage answered; undefined once it has. */
  private waitingSeeds: { url: string; data: CrawlData }[] | undefined = [];
  private priorityPending = 0;
  private queued = 0;
  /** Admitted ordinary URLs that were not queued because the budget was already spoken for. */
  private overflow = 0;

  constructor(
    private readonly queue: CrawlQueue,
    private readonly guard: TrapGuard,
    private readonly maxPages: number,
    homepage: string,
  ) {
    this.siteUrls = [homepage];
  }

  /**
   * Called once the homepage has answered (or failed) at `finalUrl`: that URL is the homepage, and part
   * of the site (sc.gov.cn → www.sc.gov.cn/index.shtml); the seeds waiting for it are queued.
   */
  async homepageResolved(finalUrl: string): Promise<void> {
    this.markCrawled(finalUrl);
    if (!this.isInSite(finalUrl)) this.siteUrls.push(finalUrl);
    const seeds = this.waitingSeeds ?? [];
    this.waitingSeeds = undefined;
    for (const seed of seeds) await this.addSeed(seed.url, seed.data);
  }

  /** A URL a crawled page was answered at (after its redirects): a link to it is not crawled again. */
  markCrawled(url: string): void {
    this.seen.add(url);
  }

  isInSite(url: string): boolean {
    return this.siteUrls.some((site) => isSameSite(url, site));
  }

  /** True when admitted URLs were left unqueued (budget) or still held. */
  get overflowed(): boolean {
    return this.overflow > 0 || this.held.length > 0;
  }

  /** Queues the homepage, at depth 0. */
  async addHomepage(url: string): Promise<void> {
    if (this.admit(url, 0)) await this.push(url, { depth: 0 });
  }

  /** Queues a seed (crawled even when off-site), once the homepage has answered. */
  async addSeed(url: string, data: CrawlData): Promise<void> {
    if (this.waitingSeeds) this.waitingSeeds.push({ url, data });
    else if (this.admit(url, data.depth)) await this.push(url, data);
  }

  /** Queues the pages a crawled page links to: same-site HTML pages (same-host ones too for a priority seed). */
  async addLinks(links: readonly PageLink[], page: string, data: CrawlData): Promise<void> {
    const depth = data.depth + 1;
    const fromSeed = data.priority === 'seed';
    const wanted = links.filter(
      (link) =>
        (link.kind === 'anchor' || link.kind === 'frame') &&
        mayBeHtml(link.url) &&
        (this.isInSite(link.url) || (fromSeed && isSameSite(link.url, page))) &&
        this.admit(link.url, depth),
    );
    const priority = fromSeed ? ('child' as const) : undefined;
    for (const link of wanted)
      await this.push(link.url, { depth, referrer: page, ...(priority ? { priority } : {}) });
  }

  /** Called once per URL when its page is recorded (or refused): releases the ordinary URLs held back. */
  async settled(data: CrawlData): Promise<void> {
    if (!data.priority || --this.priorityPending > 0) return;
    for (const { url, data: held } of this.held.splice(0)) await this.push(url, held);
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

  private async push(url: string, data: CrawlData): Promise<void> {
    if (data.priority) {
      this.priorityPending++;
    } else if (this.priorityPending > 0) {
      this.held.push({ url, data });
      return;
    } else if (this.queued >= this.maxPages) {
      this.overflow++;
      return;
    }
    this.queued++;
    await this.queue.addRequest({ url, uniqueKey: url, userData: data });
  }
}
