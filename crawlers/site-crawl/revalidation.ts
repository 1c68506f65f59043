import type { IncomingHttpHeaders } from 'node:http';
import type { CrawledPage, PageValidators } from '../artifacts.ts';
import type { CrawlData } from './frontier.ts';

/** The pages of the site's previous sweep that can be asked for conditionally, by requested URL. */
export type PreviousPages = ReadonlyMap<string, CrawledPage>;

/** The answer's validators, when it sent any. */
export function validatorsOf(headers: IncomingHttpHeaders): PageValidators | undefined {
  const etag = headerValue(headers.etag);
  const lastModified = headerValue(headers['last-modified']);
  if (!etag && !lastModified) return undefined;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/**
 * Whether a page's facts may stand for the page at the next sweep: a 2xx HTML page read in full,
 * with validators. A soft 404, a bot challenge or a refused page is asked for afresh, since what
 * those say rests on more than the page's own bytes.
 */
export function isRevalidatable(page: CrawledPage): boolean {
  return (
    page.validators !== undefined &&
    page.status !== null &&
    page.status >= 200 &&
    page.status < 300 &&
    page.charset !== undefined &&
    page.error === undefined &&
    page.challenge === undefined &&
    page.softNotFound === undefined &&
    page.refused === undefined
  );
}

/** The request headers that ask for `previous` only if it changed. */
export function conditionalHeaders(previous: CrawledPage | undefined): Record<string, string> {
  const validators = previous && isRevalidatable(previous) ? previous.validators : undefined;
  if (!validators) return {};
  return {
    ...(validators.etag ? { 'if-none-match': validators.etag } : {}),
    ...(validators.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
  };
}

/**
 * The page of this sweep when the server answered 304: the previous facts, reached the way this crawl
 * reached it (depth, referrer), with the validators the 304 renewed.
 */
export function revalidatedPage(
  previous: CrawledPage,
  url: string,
  data: CrawlData,
  headers: IncomingHttpHeaders,
): CrawledPage {
  const { referrer: _referrer, ...facts } = previous;
  const renewed = validatorsOf(headers);
  return {
    ...facts,
    url,
    depth: data.depth,
    ...(data.referrer ? { referrer: data.referrer } : {}),
    validators: { ...previous.validators, ...renewed },
    revalidated: true,
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}
