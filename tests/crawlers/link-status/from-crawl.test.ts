import { describe, expect, it } from 'vitest';
import type { CrawledPage } from '../../../crawlers/artifacts.ts';
import { knownFromCrawl, linkStatusFromCrawledPage } from '../../../crawlers/link-status/from-crawl.ts';

function page(overrides: Partial<CrawledPage>): CrawledPage {
  return {
    url: 'http://www.example.gov.cn/a.html',
    finalUrl: 'http://www.example.gov.cn/a.html',
    status: 200,
    contentType: 'text/html',
    title: '标题',
    headings: [],
    text: '',
    links: [],
    forms: [],
    depth: 1,
    ...overrides,
  };
}

describe('linkStatusFromCrawledPage', () => {
  it.each([
    ['a 200 page', {}, 200, 'ok'],
    ['a 404 page', { status: 404 }, 404, 'broken'],
    ['a 500 page', { status: 500 }, 500, 'broken'],
    ['no response', { status: null, error: 'ECONNREFUSED' }, 'ECONNREFUSED', 'broken'],
    ['a redirect loop', { status: null, error: 'REDIRECT_LOOP' }, 'REDIRECT_LOOP', 'broken'],
    ['a soft 404', { softNotFound: { evidence: '标题：页面不存在', by: 'wording' } }, 200, 'broken'],
    [
      'a bot challenge',
      { status: 412, challenge: { vendor: 'waf-412', status: 412, evidence: 'HTTP 412' } },
      412,
      'unverified',
    ],
    ['a busy 429', { status: 429 }, 429, 'unverified'],
    ['a 503 seen once', { status: 503 }, 503, 'unverified'],
    ['a 200 whose body inflated past the cap', { error: 'TOO_LARGE' }, 'TOO_LARGE', 'unverified'],
    ['a 200 whose body trickled past the deadline', { error: 'TIMEOUT' }, 'TIMEOUT', 'unverified'],
    ['no answer by the deadline', { status: null, error: 'TIMEOUT' }, 'TIMEOUT', 'broken'],
    ['a 200 cut by a reset, read as far as it went', { error: 'ECONNRESET' }, 200, 'ok'],
    [
      'a page not requested, its address refused',
      {
        status: null,
        error: 'ADDRESS_REFUSED',
        refused: { host: '10.0.0.1', address: '10.0.0.1', addressClass: 'private', url: 'http://10.0.0.1/' },
      },
      'ADDRESS_REFUSED',
      'unverified',
    ],
  ] as const)('%s', (_name, overrides, status, verdict) => {
    const result = linkStatusFromCrawledPage(page(overrides as Partial<CrawledPage>));
    expect(result).toMatchObject({ status, verdict, method: 'crawl' });
  });

  it('keeps the evidence and the redirect', () => {
    const result = linkStatusFromCrawledPage(
      page({
        finalUrl: 'http://www.example.gov.cn/b.html',
        softNotFound: { evidence: '标题：页面不存在', by: 'wording' },
      }),
    );
    expect(result).toMatchObject({
      url: 'http://www.example.gov.cn/a.html',
      finalUrl: 'http://www.example.gov.cn/b.html',
      redirects: ['http://www.example.gov.cn/b.html'],
      softNotFound: { evidence: '标题：页面不存在', by: 'wording' },
    });
    expect(linkStatusFromCrawledPage(page({ status: 429 })).busy).toEqual({ retries: 0 });
    const refused = {
      host: 'x.gov.cn',
      address: '127.0.0.3',
      addressClass: 'loopback',
      url: 'http://x.gov.cn/',
    } as const;
    expect(
      linkStatusFromCrawledPage(page({ status: null, error: 'ADDRESS_REFUSED', refused })).refused,
    ).toEqual(refused);
  });
});

describe('knownFromCrawl', () => {
  it('keys every crawled page by requested and final URL, leaving busy answers to the link check', () => {
    const known = knownFromCrawl([
      page({ url: 'http://a.test/', finalUrl: 'http://a.test/index.html', status: 200 }),
      page({ url: 'http://a.test/busy', finalUrl: 'http://a.test/busy', status: 429 }),
      page({ url: 'http://a.test/down', finalUrl: 'http://a.test/down', status: 503 }),
      page({ url: 'http://a.test/gone', finalUrl: 'http://a.test/gone', status: 404 }),
    ]);
    expect([...known.keys()].sort()).toEqual([
      'http://a.test/',
      'http://a.test/gone',
      'http://a.test/index.html',
    ]);
    expect(known.get('http://a.test/gone')?.verdict).toBe('broken');
  });
});
