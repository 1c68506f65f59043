import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/check.ts';
import { hiddenLinks } from '../../checks/hidden-links.ts';
import type { CrawledPage, HiddenLink, PageRedirect } from '../../crawlers/artifacts.ts';
import { crawl, HOME, homepage, page, site } from './fixtures/builders.ts';

const NOW = new Date('2026-05-01T10:00:00+08:00');

function hidden(target: string, overrides: Partial<HiddenLink> = {}): HiddenLink {
  return {
    target,
    text: '链接',
    selector: 'body > div.f > a',
    how: 'display-none',
    ...overrides,
    html: `<a href="${target}">${overrides.text ?? '链接'}</a>`,
  };
}

function judge(
  home: { hiddenLinks?: HiddenLink[]; redirects?: PageRedirect[] },
  pages?: CrawledPage[],
): CheckResult {
  return hiddenLinks.run(
    { renderedHomepage: homepage(home), ...(pages ? { siteCrawl: crawl(pages) } : {}) },
    { site: site(), now: NOW },
  );
}

const ids = (result: CheckResult) =>
  result.findings.map((f) => [f.evidence.target, f.evidence.how ?? f.evidence.by]);

describe('hidden-links', () => {
  it.each<[string, HiddenLink[]]>([
    ['no hidden link at all', []],
    [
      'a hidden dropdown menu of the site itself',
      [hidden(`${HOME}zwgk/`), hidden('http://chengdu.gov.cn/hdjl/')],
    ],
    ['a hidden link to another government host', [hidden('https://www.sc.gov.cn/', { how: 'off-page' })]],
    ['a hidden link to 中国政府网', [hidden('https://www.gov.cn/', { how: 'zero-size' })]],
    [
      'a drop-down of the menu to a news site',
      [hidden('http://www.people.com.cn/', { text: '人民网', inMenu: true })],
    ],
  ])('passes with %s', (_, links) => {
    expect(judge({ hiddenLinks: links })).toEqual({ outcome: 'pass', findings: [] });
  });

  it('asks for review of a hidden link to another host without listed words, with the evidence', () => {
    const link = hidden('https://shop.example.com/', { text: '购物', how: 'same-colour' });
    expect(judge({ hiddenLinks: [link] })).toEqual({
      outcome: 'review',
      findings: [
        {
          url: HOME,
          message:
            '网页中有读者看不到的链接“购物”（文字颜色与背景颜色相同），指向政府网站以外的 shop.example.com，可能是被植入的暗链，需人工确认。',
          evidence: {
            target: 'https://shop.example.com/',
            host: 'shop.example.com',
            text: '购物',
            how: 'same-colour',
            selector: 'body > div.f > a',
            html: '<a href="https://shop.example.com/">购物</a>',
            keywords: [],
          },
        },
      ],
    });
  });

  it('fails with a single veto on hidden casino links, naming the words', () => {
    const result = judge({
      hiddenLinks: [
        hidden('https://a.example/', { text: '澳门博彩' }),
        hidden('https://b.example/', { text: '百家乐真人荷官' }),
        hidden('https://c.example/', { text: '购物' }),
      ],
    });
    expect(result.outcome).toBe('fail');
    expect(result.singleVeto).toContain('2处隐藏链接');
    expect(result.singleVeto).toContain('博彩');
    expect(
      result.findings.map((f) => (f.evidence.keywords as { word: string }[]).map((k) => k.word)),
    ).toEqual([['博彩'], ['百家乐', '真人荷官'], []]);
    expect(hiddenLinks.meta.singleVeto?.carriedBy?.(result.findings[0]!)).toBe(true);
    expect(hiddenLinks.meta.singleVeto?.carriedBy?.(result.findings[2]!)).toBe(false);
  });

  it.each<[string, Partial<HiddenLink>, 'fail' | 'review']>([
    ['a weighty word in the title', { text: '', title: '六合彩开奖' }, 'fail'],
    ['a Latin word standing alone in the address', { target: 'https://www.casino-royal.example/' }, 'fail'],
    ['two light words together', { text: '娱乐城 注册送' }, 'review'],
    ['three light words together', { text: '娱乐城 注册送 彩金' }, 'fail'],
    ['a Latin word inside another word', { target: 'https://alphabet.example/' }, 'review'],
  ])('weighs the words: %s', (_, overrides, outcome) => {
    expect(judge({ hiddenLinks: [hidden('https://x.example/', overrides)] }).outcome).toBe(outcome);
  });

  it('takes the hosts under a site’s own for its own, on a site outside gov.cn', () => {
    const home = homepage({
      url: 'https://www.scedu.net/',
      finalUrl: 'https://www.scedu.net/',
      hiddenLinks: [hidden('https://news.scedu.net/'), hidden('https://scedu.net.example/')],
    });
    const result = hiddenLinks.run(
      { renderedHomepage: home },
      { site: site({ homepage: 'https://www.scedu.net/' }), now: NOW },
    );
    expect(result.findings.map((f) => f.evidence.target)).toEqual(['https://scedu.net.example/']);
  });

  it('still vetoes casino words in a drop-down', () => {
    expect(
      judge({ hiddenLinks: [hidden('https://x.example/', { text: '澳门博彩', inMenu: true })] }).outcome,
    ).toBe('fail');
  });

  it('asks for review of a redirect to another host, and vetoes one to a gambling address', () => {
    expect(judge({ redirects: [{ target: 'https://news.example.com/', by: 'script' }] })).toMatchObject({
      outcome: 'review',
      findings: [{ evidence: { target: 'https://news.example.com/', by: 'script', keywords: [] } }],
    });
    const vetoed = judge({ redirects: [{ target: 'https://bet365.example/', by: 'meta-refresh' }] });
    expect(vetoed.outcome).toBe('fail');
    expect(vetoed.findings[0]!.message).toContain('页面 meta 刷新将读者跳转到外部网站 bet365.example');
  });

  it('never counts a redirect within the site or to another government', () => {
    const redirects: PageRedirect[] = [
      { target: `${HOME}index.html`, by: 'script' },
      { target: 'https://www.sc.gov.cn/', by: 'meta-refresh' },
    ];
    expect(judge({ redirects }).outcome).toBe('pass');
  });

  it('reads the crawled pages too, one finding per page, target and hiding', () => {
    const article = page('/xwdt/1.html', {
      hiddenLinks: [
        hidden('https://x.example/', { text: '太阳城' }),
        hidden('https://x.example/', { text: '太阳城' }),
      ],
    });
    const result = judge({ hiddenLinks: [hidden('https://x.example/', { how: 'off-page' })] }, [article]);
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.url)).toEqual([HOME, `${HOME}xwdt/1.html`]);
    expect(ids(result)).toEqual([
      ['https://x.example/', 'off-page'],
      ['https://x.example/', 'display-none'],
    ]);
  });
});
