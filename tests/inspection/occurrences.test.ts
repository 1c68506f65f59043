import { describe, expect, it } from 'vitest';
import type { PageLink } from '../../crawlers/artifacts.ts';
import { linkOccurrences } from '../../src/inspection/occurrences.ts';
import { crawledPage, renderedHomepage, siteCrawl } from './artifact-builders.ts';

const HOME = 'http://www.example.gov.cn/';
const HOME_FINAL = 'http://www.example.gov.cn/index.shtml';
const link = (url: string, kind: PageLink['kind'] = 'anchor'): PageLink => ({ url, kind, text: '' });
const GONE = link('http://www.example.gov.cn/img/gone.png', 'image');

describe('linkOccurrences', () => {
  it("adds what the browser was refused to the homepage's targets, once", () => {
    const refusal = { host: '127.0.0.3', address: '127.0.0.3', addressClass: 'loopback' as const };
    const rendered = renderedHomepage({
      url: HOME,
      resources: [{ url: 'http://127.0.0.3/x.png', kind: 'image' }],
      refusedRequests: [
        { ...refusal, url: 'http://127.0.0.3/x.png' },
        { ...refusal, url: 'http://127.0.0.3/fetch' },
      ],
    });
    const occurrences = linkOccurrences(HOME, rendered, siteCrawl([]));
    expect(occurrences.map(({ target, kind }) => [target, kind])).toEqual([
      ['http://127.0.0.3/x.png', 'image'],
      ['http://127.0.0.3/fetch', 'other'],
    ]);
  });

  it('charges the homepage crawled under its own final URL to the homepage, once', () => {
    const rendered = renderedHomepage({
      url: HOME,
      finalUrl: HOME_FINAL,
      resources: [{ url: GONE.url, kind: 'image' }],
    });
    const crawl = siteCrawl([
      crawledPage({ url: HOME, finalUrl: HOME_FINAL, depth: 0, links: [GONE, link(HOME_FINAL)] }),
      crawledPage({ url: HOME_FINAL, depth: 1, links: [GONE, link(HOME_FINAL)] }),
      crawledPage({ url: 'http://www.example.gov.cn/a.html', depth: 1, links: [GONE] }),
    ]);
    const occurrences = linkOccurrences(HOME, rendered, crawl);
    expect(occurrences.filter((o) => o.target === GONE.url).map((o) => o.page)).toEqual([
      HOME,
      'http://www.example.gov.cn/a.html',
    ]);
    expect(occurrences.filter((o) => o.target === HOME_FINAL).map((o) => o.page)).toEqual([HOME]);
  });

  it('maps a page whose final URL is the rendered homepage onto the homepage', () => {
    const rendered = renderedHomepage({ url: HOME, finalUrl: HOME_FINAL });
    const crawl = siteCrawl([
      crawledPage({ url: HOME, depth: 0, links: [] }),
      crawledPage({
        url: 'http://www.example.gov.cn/index.htm',
        finalUrl: HOME_FINAL,
        depth: 1,
        links: [GONE],
      }),
    ]);
    expect(linkOccurrences(HOME, rendered, crawl)).toEqual([
      { page: HOME, target: GONE.url, kind: 'image', text: '' },
    ]);
  });

  it("leaves out other sites' pages crawled as seeds, and their children", () => {
    const gazette = 'http://gb.sc.gov.cn/zfgb/';
    const crawl = siteCrawl([
      crawledPage({ url: HOME, depth: 0, links: [link(gazette)] }),
      crawledPage({ url: gazette, depth: 1, links: [link('http://gb.sc.gov.cn/missing.pdf', 'attachment')] }),
      crawledPage({ url: 'http://gb.sc.gov.cn/zfgb/2024/', depth: 2, links: [GONE] }),
      crawledPage({ url: 'http://example.gov.cn/b.html', depth: 1, links: [GONE] }),
    ]);
    expect(linkOccurrences(HOME, undefined, crawl).map((o) => [o.page, o.target])).toEqual([
      [HOME, gazette],
      ['http://example.gov.cn/b.html', GONE.url],
    ]);
  });

  it("counts the homepage's final host as the site", () => {
    const moved = 'https://www.newname.gov.cn/';
    const rendered = renderedHomepage({ url: HOME, finalUrl: moved });
    const crawl = siteCrawl([
      crawledPage({ url: HOME, finalUrl: moved, depth: 0, links: [] }),
      crawledPage({ url: 'https://www.newname.gov.cn/a.html', depth: 1, links: [GONE] }),
      crawledPage({ url: 'http://www.example.gov.cn/old.html', depth: 1, links: [GONE] }),
    ]);
    expect(linkOccurrences(HOME, rendered, crawl).map((o) => o.page)).toEqual([
      'https://www.newname.gov.cn/a.html',
      'http://www.example.gov.cn/old.html',
    ]);
  });
});
