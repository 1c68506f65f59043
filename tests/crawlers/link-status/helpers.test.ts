import { describe, expect, it } from 'vitest';
import { redirectTarget } from '../../../crawlers/link-status/follow.ts';
import { isPageLike } from '../../../crawlers/link-status/page-like.ts';
import { parseRetryAfter } from '../../../crawlers/link-status/retry-after.ts';
import { resolveLinkCheckSettings } from '../../../crawlers/link-status/settings.ts';
import { networkErrorCode } from '../../../crawlers/network-error.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T08:00:00Z');
  it.each([
    ['5', 5_000],
    [' 0 ', 0],
    ['Sat, 01 Mar 2025 08:00:30 GMT', 30_000],
    ['Sat, 01 Mar 2025 07:00:00 GMT', 0],
    [undefined, undefined],
    ['', undefined],
    ['soon', undefined],
    ['-3', undefined],
    ['1.5', undefined],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('isPageLike', () => {
  it.each([
    ['http://a.gov.cn/', true],
    ['http://a.gov.cn/zwgk', true],
    ['http://a.gov.cn/zwgk/index.shtml', true],
    ['http://a.gov.cn/list.jsp?id=3', true],
    ['http://a.gov.cn/query.do;jsessionid=AB12', true],
    ['http://a.gov.cn/art/2025/1/1/art_1.HTML', true],
    ['http://a.gov.cn/logo.png', false],
    ['http://a.gov.cn/gb/2025-1.pdf', false],
    ['http://a.gov.cn/static/app.js?v=2', false],
    ['http://a.gov.cn/file.ofd', false],
  ])('%s → %s', (url, expected) => {
    expect(isPageLike(url)).toBe(expected);
  });
});

describe('redirectTarget', () => {
  it('resolves relative locations and drops the fragment', () => {
    expect(redirectTarget('../b/c.html#top', 'http://a.gov.cn/x/y/z.html')).toBe(
      'http://a.gov.cn/x/b/c.html',
    );
  });
  it('re-reads raw UTF-8 bytes that arrived as Latin-1', () => {
    const raw = Buffer.from('/政府公报/', 'utf8').toString('latin1');
    expect(redirectTarget(raw, 'http://a.gov.cn/')).toBe(
      'http://a.gov.cn/%E6%94%BF%E5%BA%9C%E5%85%AC%E6%8A%A5/',
    );
  });
  it('refuses non-http targets', () => {
    expect(redirectTarget('javascript:void(0)', 'http://a.gov.cn/')).toBeUndefined();
    expect(redirectTarget('', 'http://a.gov.cn/')).toBeUndefined();
  });
});

describe('networkErrorCode', () => {
  it.each([
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, 'CONNECT_TIMEOUT'],
    [{ code: 'UND_ERR_HEADERS_TIMEOUT' }, 'TIMEOUT'],
    [{ code: 'UND_ERR_SOCKET' }, 'ECONNRESET'],
    [{ code: 'HPE_INVALID_STATUS' }, 'BAD_RESPONSE'],
    [{ code: 'CERT_HAS_EXPIRED' }, 'CERT_HAS_EXPIRED'],
    [{ cause: { code: 'ENOTFOUND' } }, 'ENOTFOUND'],
    [new Error('odd'), 'NETWORK_ERROR'],
  ])('%j → %s', (error, expected) => {
    expect(networkErrorCode(error)).toBe(expected);
  });
});

describe('resolveLinkCheckSettings', () => {
  it('keeps the documented defaults', () => {
    expect(resolveLinkCheckSettings()).toMatchObject({
      connectTimeoutMs: 10_000,
      responseTimeoutMs: 20_000,
      totalTimeoutMs: 30_000,
      maxRedirects: 10,
      maxRetries: 2,
      maxRetryAfterMs: 30_000,
      maxBodyBytes: 65_536,
      concurrency: 32,
      perHostConcurrency: 4,
    });
  });
  it('rejects a bad value with its name', () => {
    expect(() => resolveLinkCheckSettings({ totalTimeoutMs: 0 })).toThrow(/totalTimeoutMs/);
    expect(() => resolveLinkCheckSettings({ maxRetries: Number.NaN })).toThrow(/maxRetries/);
  });
});
