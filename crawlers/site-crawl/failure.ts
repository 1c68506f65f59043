import { networkErrorCode } from '../network-error.ts';
import { refusalOf } from '../reach/reachable-address.ts';
import { TooLargeError } from './decoding-crawler.ts';

/**
 * The code recorded on a page that gave no usable response, in the link checker's vocabulary
 * (see `networkErrorCode`), plus TOO_LARGE, ADDRESS_REFUSED and the crawl client's own codes
 * (TIMEOUT, REDIRECT_LOOP, TOO_MANY_REDIRECTS, BAD_REDIRECT), which pass through as they are.
 */
export function failureCode(error: unknown): string {
  if (error instanceof TooLargeError) return error.code;
  if (refusalOf(error, '')) return 'ADDRESS_REFUSED';
  return networkErrorCode(error);
}
