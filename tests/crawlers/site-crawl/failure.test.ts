import { describe, expect, it } from 'vitest';
import { TooLargeError } from '../../../crawlers/site-crawl/decoding-crawler.ts';
import { failureCode } from '../../../crawlers/site-crawl/failure.ts';

const coded = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('failureCode', () => {
  it.each([
    ['a refused connection', coded('ECONNREFUSED'), 'ECONNREFUSED'],
    ['an unknown host', coded('ENOTFOUND'), 'ENOTFOUND'],
    ['a reset', coded('ECONNRESET'), 'ECONNRESET'],
    ['a TLS certificate problem', coded('CERT_HAS_EXPIRED'), 'CERT_HAS_EXPIRED'],
    [
      'a code on the cause',
      Object.assign(new Error('wrapped'), { cause: coded('EHOSTUNREACH') }),
      'EHOSTUNREACH',
    ],
    ['an HTTP parse error', coded('HPE_INVALID_CONSTANT'), 'BAD_RESPONSE'],
    ['a connect timeout', coded('UND_ERR_CONNECT_TIMEOUT'), 'CONNECT_TIMEOUT'],
    ['a response timeout', coded('UND_ERR_HEADERS_TIMEOUT'), 'TIMEOUT'],
    ['a silent body', coded('UND_ERR_BODY_TIMEOUT'), 'TIMEOUT'],
    ["the total deadline's abort", new DOMException('aborted', 'TimeoutError'), 'TIMEOUT'],
    ['a closed connection', coded('UND_ERR_SOCKET'), 'ECONNRESET'],
    ['headers without end', coded('UND_ERR_HEADERS_OVERFLOW'), 'BAD_RESPONSE'],
    ['a redirect loop', coded('REDIRECT_LOOP'), 'REDIRECT_LOOP'],
    ["Crawlee's navigation timeout", new Error('request timed out after 20 seconds.'), 'TIMEOUT'],
    ['a body too large', new TooLargeError('too big'), 'TOO_LARGE'],
    ['an error with no code', new Error('something'), 'NETWORK_ERROR'],
  ])('maps %s', (_name, error, code) => {
    expect(failureCode(error)).toBe(code);
  });
});
