import type { Page, Response } from 'playwright';

/**
 * The main frame's document responses, redirects left out. The first answer is not always the page
 * the reader gets: a 瑞数-style WAF answers 412 with a script that sets a cookie and reloads, and the
 * real page comes with the second document.
 */
export class DocumentResponses {
  private firstResponse: Response | undefined;
  private lastResponse: Response | undefined;

  constructor(private readonly page: Page) {
    page.on('response', (response) => {
      if (!this.isDocument(response)) return;
      this.firstResponse ??= response;
      this.lastResponse = response;
    });
  }

  get first(): Response | undefined {
    return this.firstResponse;
  }

  /** The response the page on screen was rendered from. */
  get last(): Response | undefined {
    return this.lastResponse;
  }

  private isDocument(response: Response): boolean {
    const request = response.request();
    if (!request.isNavigationRequest() || isRedirect(response)) return false;
    try {
      return request.frame() === this.page.mainFrame();
    } catch {
      // A request without a frame (a service worker's) is no document of the page.
      return false;
    }
  }
}

function isRedirect(response: Response): boolean {
  return response.status() >= 300 && response.status() < 400 && response.headers().location !== undefined;
}
