import { describe, expect, it } from 'vitest';
import { encodingParseUrl } from '../../crawlers/encoding-parse-url.ts';
import { parseHtml } from '../../crawlers/html-outline.ts';
import { baseUrlOf, pageFacts } from '../../crawlers/site-crawl/page-facts.ts';
import { normalizeUrl } from '../../crawlers/url.ts';

const BASE = 'http://www.sc.gov.cn/col/index.html?page=2';
const parsed = (href: string, charset: string) => encodingParseUrl(href, BASE, charset)?.href ?? null;

describe('encodingParseUrl', () => {
  it.each([
    // [href, charset, expected]
    ['search.jsp?q=搜索', 'gbk', 'http://www.sc.gov.cn/col/search.jsp?q=%CB%D1%CB%F7'],
    ['search.jsp?q=搜索', 'GB2312', 'http://www.sc.gov.cn/col/search.jsp?q=%CB%D1%CB%F7'],
    ['search.jsp?q=搜索', 'utf-8', 'http://www.sc.gov.cn/col/search.jsp?q=%E6%90%9C%E7%B4%A2'],
    ['search.jsp?q=搜索', 'utf-16le', 'http://www.sc.gov.cn/col/search.jsp?q=%E6%90%9C%E7%B4%A2'],
    ['search.jsp?q=搜索', 'no-such-charset', 'http://www.sc.gov.cn/col/search.jsp?q=%E6%90%9C%E7%B4%A2'],
    ['/b.jsp?q=臺灣', 'big5', 'http://www.sc.gov.cn/b.jsp?q=%BBO%C6W'],
    // Path and fragment are UTF-8 whatever the page's charset; only the query follows it.
    [
      '/新闻/list.jsp?channel=通知公告#顶部',
      'gbk',
      'http://www.sc.gov.cn/%E6%96%B0%E9%97%BB/list.jsp?channel=%CD%A8%D6%AA%B9%AB%B8%E6#%E9%A1%B6%E9%83%A8',
    ],
    ['a.html#x?q=搜', 'gbk', 'http://www.sc.gov.cn/col/a.html#x?q=%E6%90%9C'],
    // Bytes an encoder writes in the ASCII range are kept as characters unless in the query set.
    ['?c=丂', 'gbk', 'http://www.sc.gov.cn/col/index.html?c=%81@'],
    ['?c=😀', 'gb18030', 'http://www.sc.gov.cn/col/index.html?c=%949%FC6'],
    // What the charset cannot encode becomes &#NNNN;, percent-encoded.
    ['?c=😀', 'gbk', 'http://www.sc.gov.cn/col/index.html?c=%26%23128512%3B'],
    // Percent-encoded sequences stay as written; ASCII is encoded as the URL parser always does.
    [
      '?a=%E6%90%9C&b=搜&c=x y"\'<>',
      'gbk',
      'http://www.sc.gov.cn/col/index.html?a=%E6%90%9C&b=%CB%D1&c=x%20y%22%27%3C%3E',
    ],
    ['  \tsearch.jsp?q=\n搜  ', 'gbk', 'http://www.sc.gov.cn/col/search.jsp?q=%CB%D1'],
    // Without a query of its own, the URL keeps the base's.
    ['', 'gbk', BASE],
    ['#top', 'gbk', `${BASE}#top`],
    ['https://other.gov.cn/?q=四川', 'gbk', 'https://other.gov.cn/?q=%CB%C4%B4%A8'],
    ['wss://other.gov.cn/?q=四川', 'gbk', 'wss://other.gov.cn/?q=%E5%9B%9B%E5%B7%9D'],
  ])('%s as %s', (href, charset, expected) => {
    expect(parsed(href, charset)).toBe(expected);
  });

  it('answers null for what is no URL', () => {
    expect(parsed('http://[bad', 'gbk')).toBeNull();
    expect(encodingParseUrl('relative.html?q=搜', undefined, 'gbk')).toBeNull();
  });
});

describe('normalizeUrl keeps the query as the page encoded it', () => {
  it('resolves in the page charset and strips session ids without re-encoding the query', () => {
    expect(normalizeUrl('list.jsp?channel=通知公告&sid=9#a', BASE, 'gbk')).toBe(
      'http://www.sc.gov.cn/col/list.jsp?channel=%CD%A8%D6%AA%B9%AB%B8%E6',
    );
    expect(normalizeUrl('http://a.gov.cn/s?q=%CB%D1%CB%F7&JSESSIONID=1&x=a+b%20c')).toBe(
      'http://a.gov.cn/s?q=%CB%D1%CB%F7&x=a+b%20c',
    );
  });

  it.each([
    // [href, base, charset, expected]: the same href asked again on another page or in another charset
    ['../a.html#top', 'http://a.gov.cn/x/y/', 'utf-8', 'http://a.gov.cn/x/a.html'],
    ['../a.html#top', 'http://a.gov.cn/p/q/', 'utf-8', 'http://a.gov.cn/p/a.html'],
    ['s?q=搜', 'http://a.gov.cn/', 'gbk', 'http://a.gov.cn/s?q=%CB%D1'],
    ['s?q=搜', 'http://a.gov.cn/', 'utf-8', 'http://a.gov.cn/s?q=%E6%90%9C'],
    ['/b;jsessionid=X1/c.html#', 'http://a.gov.cn/', 'utf-8', 'http://a.gov.cn/b/c.html'],
    ['mailto:x@a.gov.cn', 'http://a.gov.cn/', 'utf-8', null],
  ])('resolves %s against %s (%s) to %s, however often asked', (href, base, charset, expected) => {
    expect(normalizeUrl(href, base, charset)).toBe(expected);
    expect(normalizeUrl(href, base, charset)).toBe(expected);
  });

  it('still percent-encodes as UTF-8 without a charset', () => {
    expect(normalizeUrl('list.jsp?channel=通知', BASE)).toBe(
      'http://www.sc.gov.cn/col/list.jsp?channel=%E9%80%9A%E7%9F%A5',
    );
  });
});

describe('pageFacts resolves a GBK page as a browser does', () => {
  it('encodes the queries of <base href>, links and form actions in GBK', () => {
    const $ = parseHtml(
      `<html><head><base href="/栏目/?c=搜"></head><body><a href="list.jsp?channel=通知公告">通知公告</a><form action="search.jsp?q=搜索"></form></body></html>`,
    );
    const facts = pageFacts($, 'http://www.sc.gov.cn/', 'gbk');
    expect(baseUrlOf($, 'http://www.sc.gov.cn/', 'gbk')).toBe(
      'http://www.sc.gov.cn/%E6%A0%8F%E7%9B%AE/?c=%CB%D1',
    );
    expect(facts.links.map((link) => link.url)).toEqual([
      'http://www.sc.gov.cn/%E6%A0%8F%E7%9B%AE/list.jsp?channel=%CD%A8%D6%AA%B9%AB%B8%E6',
    ]);
    expect(facts.forms[0]?.action).toBe('http://www.sc.gov.cn/%E6%A0%8F%E7%9B%AE/search.jsp?q=%CB%D1%CB%F7');
  });
});
