import type { CrawledPage } from '../artifacts.ts';

/**
 * The crawl's page budget and its record of pages. A URL claims a slot when its first fetch starts
 * (a retry keeps its slot); once `maxPages` slots are taken, the URLs still coming out of the queue are
 * refused and only counted. Pages are reported in the order their fetches started: breadth-first,
 * homepage first.
 */
export class PageBook {
  private readonly slots = new Map<string, number>();
  private readonly recorded = new Map<string, CrawledPage>();
  private refusedCount = 0;

  constructor(private readonly maxPages: number) {}

  /** Takes a slot for `url`; false when the budget is spent. */
  claim(url: string): boolean {
    if (this.slots.has(url)) return true;
    if (this.slots.size >= this.maxPages) {
      this.refusedCount++;
      return false;
    }
    this.slots.set(url, this.slots.size);
    return true;
  }

  record(page: CrawledPage): void {
    this.recorded.set(page.url, page);
  }

  /** True when the budget turned queued URLs away. */
  get refused(): boolean {
    return this.refusedCount > 0;
  }

  /**
   * Hands the recorded pages over, in order, and keeps none: the crawler's handlers, which hold the
   * book, stay reachable for as long as a kept-alive connection of the crawl is open (its async
   * context holds them), and the pages are the crawl's largest part.
   */
  takePages(): CrawledPage[] {
    const order = (page: CrawledPage) => this.slots.get(page.url) ?? Number.MAX_SAFE_INTEGER;
    const pages = [...this.recorded.values()].sort((a, b) => order(a) - order(b));
    this.recorded.clear();
    this.slots.clear();
    return pages;
  }
}
