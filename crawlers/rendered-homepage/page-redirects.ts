import type { CDPSession, Page } from 'playwright';
import type { PageRedirect } from '../artifacts.ts';
import { isSameSite } from '../url.ts';

/** Chromium's reasons for a navigation the page asked for itself (CDP `Page.ClientNavigationReason`). */
const BY_REASON: Record<string, PageRedirect['by']> = {
  metaTagRefresh: 'meta-refresh',
  scriptInitiated: 'script',
};

/**
 * The navigations of the main frame the page itself starts, by a meta refresh or a script, to a host
 * other than the homepage's: what a hijacked page does to its readers (hidden-links). Chromium reports
 * them with their reason over the devtools protocol, whether or not they then complete.
 */
export class PageRedirects {
  private readonly seen = new Map<string, PageRedirect>();

  private constructor(
    private readonly session: CDPSession,
    private readonly mainFrameId: string,
    private readonly homepage: string,
  ) {
    session.on('Page.frameRequestedNavigation', ({ frameId, reason, url }) => {
      const by = BY_REASON[reason];
      if (!by || frameId !== this.mainFrameId || !/^https?:/i.test(url) || isSameSite(url, this.homepage)) {
        return;
      }
      this.seen.set(`${by} ${url}`, { target: url, by });
    });
  }

  static async watch(page: Page, homepage: string): Promise<PageRedirects> {
    const session = await page.context().newCDPSession(page);
    await session.send('Page.enable');
    const { frameTree } = await session.send('Page.getFrameTree');
    return new PageRedirects(session, frameTree.frame.id, homepage);
  }

  /** What was seen, and what the page's markup holds (a meta refresh yet to come), each once. */
  list(inMarkup: readonly PageRedirect[]): PageRedirect[] {
    for (const redirect of inMarkup) this.seen.set(`${redirect.by} ${redirect.target}`, redirect);
    return [...this.seen.values()];
  }

  close(): void {
    this.session.detach().catch(() => {});
  }
}
