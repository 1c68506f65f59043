import type { CrawledPage, RenderedHomepage, SiteCrawl } from '../../crawlers/artifacts.ts';

/** A rendered homepage with nothing on it but what the test says. */
export function renderedHomepage(overrides: Partial<RenderedHomepage> = {}): RenderedHomepage {
  return {
    url: 'http://www.example.gov.cn/',
    finalUrl: 'http://www.example.gov.cn/',
    status: 200,
    title: '某某县人民政府',
    viewport: { width: 1366, height: 768 },
    headerArea: { box: { x: 0, y: 0, width: 1366, height: 200 }, method: 'top-band' },
    texts: [],
    links: [],
    graphics: [],
    resources: [],
    settle: { waitedMs: 0, cappedOut: false },
    ...overrides,
  };
}

export function crawledPage(overrides: Partial<CrawledPage> = {}): CrawledPage {
  const url = overrides.url ?? 'http://www.example.gov.cn/';
  return {
    url,
    finalUrl: url,
    status: 200,
    contentType: 'text/html',
    title: '',
    headings: [],
    text: '',
    links: [],
    forms: [],
    depth: 0,
    ...overrides,
  };
}

export function siteCrawl(pages: CrawledPage[]): SiteCrawl {
  return { startUrl: pages[0]?.url ?? '', pages, truncated: false, trapsSkipped: [], durationMs: 0 };
}
