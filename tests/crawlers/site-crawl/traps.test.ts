import { describe, expect, it } from 'vitest';
import { DEFAULT_CRAWL_SETTINGS } from '../../../crawlers/site-crawl/settings.ts';
import { repeatedSegment, TrapGuard } from '../../../crawlers/site-crawl/traps.ts';
import { normalizeUrl } from '../../../crawlers/url.ts';

const NOW = new Date('2026-05-10T00:00:00Z');
const guard = () => new TrapGuard(DEFAULT_CRAWL_SETTINGS, NOW);

describe('TrapGuard', () => {
  it.each([
    ['ordinary page', 'https://www.sc.gov.cn/10462/zwgk/index.shtml', 3],
    ['depth at the limit', 'https://www.sc.gov.cn/a.html', 10],
    ['archive by a recent year', 'https://www.sc.gov.cn/list.html?year=2019', 2],
    ['a year in a non-calendar parameter', 'https://www.sc.gov.cn/doc.html?id=1999', 2],
    ['a segment repeated twice', 'https://www.sc.gov.cn/2024/01/01/a.html', 2],
  ])('admits %s', (_name, url, depth) => {
    expect(guard().admit(url, depth)).toEqual({ admitted: true });
  });

  it.each([
    ['too deep', 'https://www.sc.gov.cn/a.html', 11, '深度'],
    ['too long', `https://www.sc.gov.cn/${'x'.repeat(520)}`, 1, '长度'],
    ['recursive relative links', 'https://www.sc.gov.cn/a/b/a/b/a/b/', 1, '重复'],
    ['a calendar far in the future', 'https://www.sc.gov.cn/cal.html?date=2031-01-01', 1, '2031'],
    ['a calendar far in the past', 'https://www.sc.gov.cn/cal.html?month=1980-03', 1, '1980'],
    ['a year parameter far ahead', 'https://www.sc.gov.cn/list.html?year=2100', 1, '2100'],
  ])('skips %s', (_name, url, depth, words) => {
    const verdict = guard().admit(url, depth);
    expect(verdict.admitted).toBe(false);
    expect(verdict.admitted ? '' : verdict.reason).toContain(words);
  });

  it('admits at most maxQueryVariants query strings of one path, and the same one again', () => {
    const trap = guard();
    const day = (n: number) => `https://www.sc.gov.cn/cal.html?date=2026-01-${String(n).padStart(2, '0')}`;
    for (let n = 1; n <= 25; n++) expect(trap.admit(day(n), 1).admitted).toBe(true);
    const verdict = trap.admit(day(26), 1);
    expect(verdict).toEqual({ admitted: false, reason: '同一路径的查询参数变体超过 25 个' });
    expect(trap.admit(day(3), 1).admitted).toBe(true);
    expect(trap.admit('https://www.sc.gov.cn/other.html?date=2026-01-26', 1).admitted).toBe(true);
    expect(trap.admit('https://www.sc.gov.cn/cal.html', 1).admitted).toBe(true);
  });

  it('honours custom limits', () => {
    const strict = new TrapGuard({ ...DEFAULT_CRAWL_SETTINGS, maxDepth: 2, maxQueryVariants: 1 }, NOW);
    expect(strict.admit('https://a.gov.cn/x', 3).admitted).toBe(false);
    expect(strict.admit('https://a.gov.cn/p?page=1', 1).admitted).toBe(true);
    expect(strict.admit('https://a.gov.cn/p?page=2', 1).admitted).toBe(false);
  });
});

describe('repeatedSegment', () => {
  it('finds a segment seen three times, decoded', () => {
    expect(repeatedSegment('/a/b/a/b/a/b/')).toBe('a');
    expect(repeatedSegment('/%E6%96%B0%E9%97%BB/x/%E6%96%B0%E9%97%BB/y/%E6%96%B0%E9%97%BB/')).toBe('新闻');
    expect(repeatedSegment('/a/b/a/b/')).toBeUndefined();
  });
});

describe('session ids (normalizeUrl) make one page of many URLs', () => {
  it('strips ;jsessionid= and ?sid= variants', () => {
    const urls = [
      'http://www.sc.gov.cn/list.jsp;jsessionid=ABC123?page=2',
      'http://www.sc.gov.cn/list.jsp;jsessionid=XYZ789?page=2',
      'http://www.sc.gov.cn/list.jsp?page=2&sid=42',
      'http://www.sc.gov.cn/list.jsp?sid=43&page=2',
    ].map((url) => normalizeUrl(url));
    expect(new Set(urls)).toEqual(new Set(['http://www.sc.gov.cn/list.jsp?page=2']));
  });
});
