import type { AddressRefusal, BotChallenge, SoftNotFound } from '../artifacts.ts';
import { detectBotChallenge } from '../bot-challenge.ts';
import { decodeHtml } from '../decode.ts';
import { parseHtml, titleOf } from '../html-outline.ts';
import { judgeSoftNotFound } from '../soft-404/judge.ts';
import type { NotFoundPages } from '../soft-404/not-found-pages.ts';
import { visibleText } from '../visible-text.ts';
import type { ExchangeContext, ResponseHeaders } from './exchange.ts';
import { type Chain, followRedirects } from './follow.ts';
import { isPageLike } from './page-like.ts';
import { parseRetryAfter } from './retry-after.ts';

/** What one attempt on a target found. */
export interface ProbeResult {
  method: 'HEAD' | 'GET';
  finalUrl: string;
  redirects: string[];
  /** Status of the last response, or the error code that stopped the attempt. */
  status: number | string;
  softNotFound?: SoftNotFound;
  challenge?: BotChallenge;
  /** A certificate problem of a host on the way; the answer came regardless. */
  tlsError?: string;
  /** The `Retry-After` of a 429/503 answer in milliseconds, when it had a readable one. */
  retryAfterMs?: number;
  /** The request (the target's or a redirect's) not made: its host's address is refused. */
  refused?: AddressRefusal;
}

/** What an attempt needs: the exchange's context, and the hosts' not-found pages to compare pages with. */
export interface ProbeContext extends ExchangeContext {
  notFound: NotFoundPages;
}

/** As the crawl keeps a page's text, so that both compare pages alike. */
const TEXT_CHARS = 20_000;

/** Errors after which a HEAD is worth repeating as GET: servers that mishandle HEAD drop or garble it. */
const HEAD_FAILURES_WORTH_A_GET = new Set(['ECONNRESET', 'EPIPE', 'BAD_RESPONSE', 'NETWORK_ERROR']);

/** HEAD answers that GET would not change: gone for sure, or busy (the retry logic handles those). */
const HEAD_ANSWERS_THAT_STAND = new Set([404, 410, 429, 503]);

/**
 * One attempt on a target. Pages are fetched with GET and the start of their body read for soft-404
 * and bot-challenge detection; other targets get a HEAD, repeated as GET when the HEAD is refused or
 * fails, or when it reveals an HTML page where a file was expected (often a "file not found" page).
 */
export async function probe(target: string, ctx: ProbeContext): Promise<ProbeResult> {
  const readHtml = (status: number, headers: ResponseHeaders): number =>
    (status < 300 || status >= 400) && isHtml(headers['content-type']) ? ctx.settings.maxBodyBytes : 0;
  if (!isPageLike(target)) {
    const head = await followRedirects(target, 'HEAD', () => 0, ctx);
    if (headStands(head)) return analyse(target, head, ctx);
  }
  return analyse(target, await followRedirects(target, 'GET', readHtml, ctx), ctx);
}

function headStands({ end }: Chain): boolean {
  if (!end.ok) return !HEAD_FAILURES_WORTH_A_GET.has(end.error);
  // Only a declared HTML type counts here: many servers send no type at all on HEAD.
  if (end.status >= 200 && end.status < 300)
    return !headerValue(end.headers['content-type']).toLowerCase().includes('html');
  return HEAD_ANSWERS_THAT_STAND.has(end.status);
}

async function analyse(target: string, chain: Chain, ctx: ProbeContext): Promise<ProbeResult> {
  const { end, ...where } = chain;
  if (!end.ok) return { ...where, status: end.error, ...(end.refused ? { refused: end.refused } : {}) };
  const result: ProbeResult = { ...where, status: end.status };
  const contentType = headerValue(end.headers['content-type']);
  const text = end.body ? decodeHtml(end.body, contentType).text : '';
  // A 2xx page is parsed once, for the challenge's title and the soft-404 judgement.
  const $ = end.status >= 200 && end.status < 300 && text !== '' ? parseHtml(text) : undefined;
  result.challenge = detectBotChallenge(end.status, end.headers, text, $);
  if (!result.challenge && $ && end.body) {
    const cut = end.body.length >= ctx.settings.maxBodyBytes;
    result.softNotFound = judgeSoftNotFound(
      {
        url: target,
        finalUrl: chain.finalUrl,
        title: titleOf($),
        text: visibleText($, TEXT_CHARS),
        $,
        ...(cut ? { cutAt: end.body.length } : {}),
      },
      await ctx.notFound.forPage(target, ctx.signal, ctx.settings.reach),
    );
  }
  if (end.status === 429 || end.status === 503) {
    result.retryAfterMs = parseRetryAfter(end.headers['retry-after']);
  }
  return withoutUndefined(result);
}

function isHtml(contentType: string | string[] | undefined): boolean {
  const value = headerValue(contentType).toLowerCase();
  return value === '' || value.includes('html');
}

function headerValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
