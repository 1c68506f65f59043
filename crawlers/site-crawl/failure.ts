import { errorCode, networkErrorCode } from '../network-error.ts';
import { refusalOf } from '../reach/reachable-address.ts';
import { TooLargeError } from './decoding-crawler.ts';

/** The redirect trail got attaches to a MaxRedirectsError. */
interface RedirectTrail {
  response?: { redirectUrls?: readonly (URL | string)[] };
}

/**
 * The code recorded on a page that gave no usable response, in the link checker's vocabulary
 * (see `networkErrorCode`), plus TOO_LARGE, ADDRESS_REFUSED and got's redirect and timeout errors.
 * `timeoutEvent` is got's phase of a timeout ('connect', 'response', 'request'), when one was seen.
 */
export function failureCode(error: unknown, timeoutEvent?: string): string {
  if (error instanceof TooLargeError) return error.code;
  if (refusalOf(error, '')) return 'ADDRESS_REFUSED';
  if (timeoutEvent !== undefined) {
    return timeoutEvent === 'connect' || timeoutEvent === 'lookup' ? 'CONNECT_TIMEOUT' : 'TIMEOUT';
  }
  if (errorCode(error) === 'ERR_TOO_MANY_REDIRECTS')
    return isLoop(error as RedirectTrail) ? 'REDIRECT_LOOP' : 'TOO_MANY_REDIRECTS';
  return networkErrorCode(error);
}

function isLoop(error: RedirectTrail): boolean {
  const trail = (error.response?.redirectUrls ?? []).map(String);
  return new Set(trail).size < trail.length;
}
