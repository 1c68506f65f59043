import type { CrawledPage, LinkStatus } from '../artifacts.ts';
import { verdictOf } from './verdict.ts';

/** Failures after the answer began: whether the reader gets the page is not known, nor is it broken. */
const UNFINISHED_BODY = new Set(['TOO_LARGE', 'TIMEOUT']);

/**
 * A page whose answer began and whose body the crawl could not read to the end (a body inflating past
 * the cap, one trickling past the deadline): `unverified`, never a working link and never a broken one.
 */
function unfinished(page: CrawledPage, error: string, httpStatus: number): LinkStatus {
  return {
    url: page.url,
    status: error,
    verdict: 'unverified',
    finalUrl: page.finalUrl,
    redirects: page.finalUrl !== page.url ? [page.finalUrl] : [],
    method: 'crawl',
    attempts: 1,
    durationMs: 0,
    incomplete: { httpStatus },
  };
}

/**
 * The link status of a page the site crawl already fetched, so the link check need not fetch it again.
 * A 429 or 503 seen once by the crawl is `unverified` with `busy` set: without the retries and the
 * `Retry-After` the link check would have honoured, a busy server cannot be called broken.
 */
export function linkStatusFromCrawledPage(page: CrawledPage): LinkStatus {
  if (page.error !== undefined && UNFINISHED_BODY.has(page.error) && page.status !== null)
    return unfinished(page, page.error, page.status);
  const status = page.status ?? page.error ?? 'NETWORK_ERROR';
  const result: LinkStatus = {
    url: page.url,
    status,
    verdict: verdictOf(status, page),
    finalUrl: page.finalUrl,
    redirects: page.finalUrl !== page.url ? [page.finalUrl] : [],
    method: 'crawl',
    attempts: 1,
    durationMs: 0,
  };
  if (page.softNotFound) result.softNotFound = page.softNotFound;
  if (page.refused) result.refused = page.refused;
  if (page.challenge) result.challenge = page.challenge;
  else if (status === 429 || status === 503) {
    result.verdict = 'unverified';
    result.busy = { retries: 0 };
  }
  return result;
}

/**
 * What the crawl already established, by requested and final URL, so the link check does not fetch it
 * again. A 429/503 the crawl met is left to the link check, which honours Retry-After and retries.
 */
export function knownFromCrawl(pages: readonly CrawledPage[]): Map<string, LinkStatus> {
  const busy = (page: CrawledPage) => page.status === 429 || page.status === 503;
  return new Map(
    pages
      .filter((page) => !busy(page))
      .flatMap((page) =>
        [page.url, page.finalUrl].map((url) => [url, linkStatusFromCrawledPage(page)] as const),
      ),
  );
}
