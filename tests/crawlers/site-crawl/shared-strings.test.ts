import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { CrawledPage } from '../../../crawlers/artifacts.ts';
import { SharedStrings } from '../../../crawlers/site-crawl/shared-strings.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const DOCUMENT_CHARS = 400_000;
const DOCUMENTS = 40;

/** A page whose strings are cut out of its (large) document, as a parser's are. */
function pageCutFrom(document: string, n: number): CrawledPage {
  const cut = (from: number) => document.slice(from, from + 40);
  return {
    url: `http://www.sc.gov.cn/${n}.html`,
    finalUrl: `http://www.sc.gov.cn/${n}.html`,
    status: 200,
    contentType: 'text/html',
    title: cut(100),
    headings: [cut(200)],
    text: cut(300),
    links: [{ url: 'http://www.sc.gov.cn/', kind: 'anchor', text: cut(400) }],
    forms: [],
    depth: 1,
    listItems: [{ url: 'http://www.sc.gov.cn/a.html', title: cut(500), dateText: '2026-12-01' }],
  } as CrawledPage;
}

/** Heap bytes still used once the documents are gone and the pages are kept. */
function heapKept(keep: (page: CrawledPage) => CrawledPage): { pages: CrawledPage[]; bytes: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const pages: CrawledPage[] = [];
  for (let n = 0; n < DOCUMENTS; n++) {
    const document = `<html>${String(n).padStart(8, '0')}${'政府信息公开'.repeat(DOCUMENT_CHARS / 6)}</html>`;
    pages.push(keep(pageCutFrom(document, n)));
  }
  gc();
  return { pages, bytes: process.memoryUsage().heapUsed - before };
}

describe('SharedStrings', () => {
  it('keeps every value of the page as it was, lone surrogates included', () => {
    const page = pageCutFrom(`${'x'.repeat(90)}\uD800 开头不成对的代理 ${'政'.repeat(1000)}`, 1);
    const before = structuredClone(page);
    expect(new SharedStrings().sharePage(page)).toEqual(before);
  });

  it('lets the documents the page was read from go (a view into them would keep each whole)', () => {
    const documentBytes = DOCUMENTS * DOCUMENT_CHARS * 2;
    const strings = new SharedStrings();
    const shared = heapKept((page) => strings.sharePage(page));
    const viewed = heapKept((page) => page);
    expect(viewed.bytes).toBeGreaterThan(documentBytes * 0.8);
    expect(shared.bytes).toBeLessThan(documentBytes * 0.05);
    expect(shared.pages.map((page) => page.title)).toEqual(viewed.pages.map((page) => page.title));
  });
});
