import type { LinkStatus } from '../artifacts.ts';

/**
 * The sweep-wide memory of link checks: one check per target per sweep, even when several sites link
 * the same URL at the same time (a second caller awaits the first caller's check in flight).
 */
export class LinkStatusCache {
  private readonly entries = new Map<string, Promise<LinkStatus>>();

  get size(): number {
    return this.entries.size;
  }

  has(url: string): boolean {
    return this.entries.has(url);
  }

  /** Records a status established elsewhere (a crawled page), unless the target is already known. */
  remember(url: string, status: LinkStatus): void {
    if (!this.entries.has(url)) this.entries.set(url, Promise.resolve(status));
  }

  /**
   * The status of `url`: the one already established or in flight, else the result of `check`.
   * A check that rejects (its caller was aborted) is forgotten, and whoever was waiting on it runs
   * its own check instead.
   */
  async resolve(url: string, check: () => Promise<LinkStatus>): Promise<LinkStatus> {
    for (let pending = this.entries.get(url); pending; pending = this.entries.get(url)) {
      try {
        return await pending;
      } catch {
        if (this.entries.get(url) === pending) this.entries.delete(url);
      }
    }
    const own = check();
    this.entries.set(url, own);
    own.catch(() => {
      if (this.entries.get(url) === own) this.entries.delete(url);
    });
    return own;
  }
}
