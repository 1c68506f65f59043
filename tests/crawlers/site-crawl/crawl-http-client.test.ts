import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawledPage } from '../../../crawlers/artifacts.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

/** `/hop/N` redirects to `/hop/N+1` until `/hop/last`: a chain of `n` redirects from `/hop/0`. */
function chain(n: number) {
  return Object.fromEntries(
    Array.from({ length: n }, (_, k) => [
      `/chain${n}/${k}`,
      {
        status: 302,
        headers: { location: k + 1 === n ? `/chain${n}/end` : `/chain${n}/${k + 1}` },
      },
    ]),
  );
}

let site: FixtureSite;
let pages: Record<string, CrawledPage>;

beforeAll(async () => {
  const gbk = iconv.encode(
    html('国务院办公厅', ['/gzip.html']).replace('<head>', '<head><meta charset="gbk">'),
    'gbk',
  );
  site = await serveSite({
    '/': { body: html('首页', ['/gbk.html', '/br.html', '/deflate.html', '/chain10/0', '/chain11/0']) },
    '/gbk.html': {
      headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' },
      body: gzipSync(gbk),
    },
    '/gzip.html': {
      headers: { 'content-encoding': 'gzip' },
      body: gzipSync(html('压缩页', ['/after-gzip.html'])),
    },
    '/after-gzip.html': { body: html('压缩页之后') },
    '/br.html': { headers: { 'content-encoding': 'br' }, body: brotliCompressSync(html('政务公开')) },
    '/deflate.html': { headers: { 'content-encoding': 'deflate' }, body: deflateSync(html('政府信息')) },
    ...chain(10),
    '/chain10/end': { body: html('十次跳转之后') },
    ...chain(11),
    '/chain11/end': { body: html('不会到达') },
  });
  const crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 20, log: quietLog });
  pages = Object.fromEntries(crawl.pages.map((page) => [page.url.slice(site.origin.length), page]));
});

afterAll(() => site.close());

describe('crawlSite over undici: compressed bodies and redirect chains', () => {
  it('decodes gzip, brotli and deflate bodies, a gzipped GBK page included, and follows their links', () => {
    expect(pages['/gbk.html']).toMatchObject({ status: 200, title: '国务院办公厅', charset: 'gbk' });
    expect(pages['/gzip.html']).toMatchObject({ status: 200, title: '压缩页' });
    expect(pages['/after-gzip.html']).toMatchObject({ status: 200, title: '压缩页之后' });
    expect(pages['/br.html']).toMatchObject({ status: 200, title: '政务公开' });
    expect(pages['/deflate.html']).toMatchObject({ status: 200, title: '政府信息' });
  });

  it('follows ten redirects, as browsers and got did, and gives up on the eleventh', () => {
    expect(pages['/chain10/0']).toMatchObject({
      status: 200,
      finalUrl: `${site.origin}/chain10/end`,
      title: '十次跳转之后',
    });
    expect(pages['/chain11/0']).toMatchObject({ status: null, error: 'TOO_MANY_REDIRECTS' });
    expect(site.hits('/chain11/end')).toBe(0);
  });
});
