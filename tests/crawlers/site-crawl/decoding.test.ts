import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteCrawl } from '../../../crawlers/artifacts.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type FixtureSite, quietLog, serveSite } from './fixture-site.ts';

const TITLE = '四川省人民政府办公厅关于印发《政府网站管理办法》的通知';
const page = (head: string, title = TITLE) =>
  `<!doctype html><html><head>${head}<title>${title}</title></head><body><h1>${title}</h1><a href="/">返回</a></body></html>`;

/** [path, what the server sends, charset recorded, title expected] */
const CASES: [string, { headers: Record<string, string>; body: Uint8Array }, string, string][] = [
  [
    '/gbk-header.html',
    { headers: { 'content-type': 'text/html; charset=GBK' }, body: iconv.encode(page(''), 'gbk') },
    'gbk',
    TITLE,
  ],
  [
    '/gbk-meta.html',
    { headers: { 'content-type': 'text/html' }, body: iconv.encode(page('<meta charset="gbk">'), 'gbk') },
    'gbk',
    TITLE,
  ],
  [
    '/gb2312-http-equiv.html',
    {
      headers: { 'content-type': 'text/html' },
      body: iconv.encode(
        page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
        'gb2312',
      ),
    },
    'gbk',
    TITLE,
  ],
  [
    '/gb18030.html',
    {
      headers: { 'content-type': 'text/html; charset=gb18030' },
      body: iconv.encode(page('', '𠀀𪚥 四川'), 'gb18030'),
    },
    'gb18030',
    '𠀀𪚥 四川',
  ],
  [
    '/big5.html',
    {
      headers: { 'content-type': 'text/html' },
      body: iconv.encode(page('<meta charset="big5">', '臺灣省政府公報'), 'big5'),
    },
    'big5',
    '臺灣省政府公報',
  ],
  [
    '/utf8-bom.html',
    // The BOM wins over a wrong header, as in browsers.
    {
      headers: { 'content-type': 'text/html; charset=gbk' },
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(''), 'utf8')]),
    },
    'utf-8',
    TITLE,
  ],
  [
    '/undeclared-gbk.html',
    { headers: { 'content-type': 'text/html' }, body: iconv.encode(page(''), 'gbk') },
    'gb18030',
    TITLE,
  ],
  [
    '/undeclared-utf8.html',
    { headers: { 'content-type': 'text/html' }, body: Buffer.from(page(''), 'utf8') },
    'utf-8',
    TITLE,
  ],
];

let site: FixtureSite;
let crawl: SiteCrawl;

beforeAll(async () => {
  site = await serveSite({
    '/': {
      body:
        page('<meta charset="utf-8">', '首页') + CASES.map(([path]) => `<a href="${path}">x</a>`).join(''),
    },
    ...Object.fromEntries(CASES.map(([path, answer]) => [path, answer])),
  });
  crawl = await crawlSite({ homepage: `${site.origin}/`, maxPages: 20, log: quietLog });
});
afterAll(() => site.close());

describe('crawlSite decodes every charset Chinese sites use', () => {
  it.each(CASES)('%s', (path, _answer, charset, title) => {
    const found = crawl.pages.find((p) => p.url === `${site.origin}${path}`);
    expect(found).toMatchObject({ status: 200, charset, title, headings: [title] });
    expect(found?.text).toContain(title);
    expect(found?.links).toEqual([{ url: `${site.origin}/`, kind: 'anchor', text: '返回' }]);
  });
});
