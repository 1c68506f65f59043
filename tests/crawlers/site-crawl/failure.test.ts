import { describe, expect, it } from 'vitest';
import { TooLargeError } from '../../../crawlers/site-crawl/decoding-crawler.ts';
import { failureCode } from '../../../crawlers/site-crawl/failure.ts';

const coded = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('failureCode', () => {
  it.each([
    ['a refused connection', coded('ECONNREFUSED'), undefined, 'ECONNREFUSED'],
    ['an unknown host', coded('ENOTFOUND'), undefined, 'ENOTFOUND'],
    ['a reset', coded('ECONNRESET'), undefined, 'ECONNRESET'],
    ['a TLS certificate problem', coded('CERT_HAS_EXPIRED'), undefined, 'CERT_HAS_EXPIRED'],
    [
      'a code on the cause',
      Object.assign(new Error('wrapped'), { cause: coded('EHOSTUNREACH') }),
      undefined,
      'EHOSTUNREACH',
    ],
    ['an HTTP parse error', coded('HPE_INVALID_CONSTANT'), undefined, 'BAD_RESPONSE'],
    ['a connect timeout', coded('ETIMEDOUT'), 'connect', 'CONNECT_TIMEOUT'],
    ['a response timeout', coded('ETIMEDOUT'), 'response', 'TIMEOUT'],
    ["Crawlee's navigation timeout", new Error('request timed out after 20 seconds.'), undefined, 'TIMEOUT'],
    ['a body too large', new TooLargeError('too big'), undefined, 'TOO_LARGE'],
    ['an error with no code', new Error('something'), undefined, 'NETWORK_ERROR'],
  ])('maps %s', (_name, error, phase, code) => {
    expect(failureCode(error, phase)).toBe(code);
  });

  it('tells a redirect loop from a long redirect chain', () => {
    const redirects = (urls: string[]) =>
      Object.assign(coded('ERR_TOO_MANY_REDIRECTS'), {
        response: { redirectUrls: urls.map((url) => new URL(url)) },
      });
    expect(failureCode(redirects(['http://a.cn/1', 'http://a.cn/2', 'http://a.cn/1']))).toBe('REDIRECT_LOOP');
    expect(failureCode(redirects(['http://a.cn/1', 'http://a.cn/2', 'http://a.cn/3']))).toBe(
      'TOO_MANY_REDIRECTS',
    );
  });
});
