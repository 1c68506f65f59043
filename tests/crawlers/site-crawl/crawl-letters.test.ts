import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionResponse } from '../../../checks/interaction-response.ts';
import type { RenderedHomepage, SiteCrawl } from '../../../crawlers/artifacts.ts';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { crawlSeeds } from '../../../src/inspection/seeds.ts';
import { homepage, link, site as registryEntry } from '../../checks/fixtures/builders.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

const BOX = '/hdjl/xzxx/index.html';
const NEWS = Array.from({ length: 8 }, (_, i) => `/xw/${i + 1}.html`);

/** A page of an older TRS site: GB2312 declared only in <meta>, as many county sites still do. */
function gbk(title: string, body: string) {
  const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${title}</title></head><body>${body}</body></html>`;
  return { headers: { 'content-type': 'text/html' }, body: iconv.encode(page, 'gbk') };
}

let site: FixtureSite;
let crawl: SiteCrawl;
let rendered: RenderedHomepage;

beforeAll(async () => {
  site = await serveSite({
    '/': { body: html('首页', [...NEWS, BOX]) },
    ...Object.fromEntries(NEWS.map((path) => [path, { body: html('县政府召开常务会议') }])),
    [BOX]: gbk(
      '县长信箱_合江县人民政府',
      `<table class="xxlb"><tr><td>标题</td><td>来信时间</td><td>状态</td></tr>
        <tr><td><a href="./202607/t20260703_1.html">咨询农村危房改造补助标准</a></td><td>2026-07-03</td><td>未回复</td></tr>
        <tr><td><a href="./202603/t20260302_1.html">咨询医保异地就医备案</a></td><td>2026-03-02</td><td>已回复</td></tr></table>`,
    ),
    '/hdjl/xzxx/202603/t20260302_1.html': gbk(
      '咨询医保异地就医备案_县长信箱',
      `<table><tr><td>信件标题</td><td>咨询医保异地就医备案</td></tr>
        <tr><td>来信时间</td><td>2026-03-02 09:15:00</td></tr>
        <tr><td>答复时间</td><td>2026-03-09 16:40:00</td></tr><tr><td>办理状态</td><td>已办结</td></tr></table>`,
    ),
    '/hdjl/xzxx/202607/t20260703_1.html': gbk(
      '咨询农村危房改造补助标准_县长信箱',
      '<p>来信时间：2026-07-03 10:02:11</p><p>办理状态：未回复</p>',
    ),
  });
  // The rendered homepage's links as the inspection seeds them: with a budget of four pages, the letter
  // box (a priority seed) and its letters' pages come before the news.
  rendered = homepage({
    url: `${site.origin}/`,
    finalUrl: `${site.origin}/`,
    links: [
      ...NEWS.map((path) => link('县政府召开常务会议', `${site.origin}${path}`)),
      link('县长信箱', `${site.origin}${BOX}`),
    ],
  });
  crawl = await crawlSite({
    homepage: `${site.origin}/`,
    seeds: crawlSeeds(registryEntry({ homepage: `${site.origin}/` }), rendered),
    maxPages: 4,
    log: quietLog,
  });
});

afterAll(async () => {
  await site?.close();
});

describe('crawlSite: a GBK letter box and its letters’ pages', () => {
  it('records the letters of the list and of each detail page, decoded', () => {
    const byPath = Object.fromEntries(crawl.pages.map((page) => [new URL(page.url).pathname, page]));
    expect(byPath[BOX]?.letters?.map((l) => [l.title, l.askedText, l.state, l.from])).toEqual([
      ['咨询农村危房改造补助标准', '2026-07-03', '未回复', 'table'],
      ['咨询医保异地就医备案', '2026-03-02', '已回复', 'table'],
    ]);
    expect(byPath['/hdjl/xzxx/202603/t20260302_1.html']?.letters).toEqual([
      expect.objectContaining({
        askedText: '2026-03-02 09:15:00',
        repliedText: '2026-03-09 16:40:00',
        from: 'detail',
      }),
    ]);
    expect(byPath['/']?.letters).toBeUndefined();
    expect(Object.keys(byPath).filter((path) => path.startsWith('/xw/'))).toEqual([]);
  });

  it('gives interaction-response what it needs: the letter unanswered for over 3 months is a veto', () => {
    const result = interactionResponse.run(
      { renderedHomepage: rendered, siteCrawl: crawl },
      { site: registryEntry({ homepage: `${site.origin}/` }), now: new Date('2026-11-20T10:00:00+08:00') },
    );
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => [f.evidence.letterTitle, f.evidence.waitDays])).toEqual([
      ['咨询农村危房改造补助标准', 140],
    ]);
  });
});
