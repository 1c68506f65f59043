import { TooLargeError } from './decoding-crawler.ts';

/** The redirect trail got attaches to a MaxRedirectsError. */
interface RedirectTrail {
  response?: { redirectUrls?: readonly (URL | string)[] };
}

/**
 * The code recorded on a page that gave no usable response, in the link checker's vocabulary:
 * TIMEOUT / CONNECT_TIMEOUT, REDIRECT_LOOP / TOO_MANY_REDIRECTS, TOO_LARGE, Node's network codes
 * (ECONNREFUSED, ENOTFOUND, ECONNRESET, …), a TLS code, BAD_RESPONSE, or NETWORK_ERROR.
 * `timeoutEvent` is got's phase of a timeout ('connect', 'response', 'request'), when one was seen.
 */
export function failureCode(error: unknown, timeoutEvent?: string): string {
  if (error instanceof TooLargeError) return error.code;
  const code = codeOf(error) ?? codeOf((error as { cause?: unknown } | null)?.cause);
  const message = error instanceof Error ? error.message : String(error);
  if (timeoutEvent !== undefined || code === 'ETIMEDOUT' || /timed out/i.test(message)) {
    return timeoutEvent === 'connect' || timeoutEvent === 'lookup' ? 'CONNECT_TIMEOUT' : 'TIMEOUT';
  }
  if (code === 'ERR_TOO_MANY_REDIRECTS')
    return isLoop(error as RedirectTrail) ? 'REDIRECT_LOOP' : 'TOO_MANY_REDIRECTS';
  if (code === undefined) return 'NETWORK_ERROR';
  return code.startsWith('HPE_') ? 'BAD_RESPONSE' : code;
}

function isLoop(error: RedirectTrail): boolean {
  const trail = (error.response?.redirectUrls ?? []).map(String);
  return new Set(trail).size < trail.length;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}
