import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawlers/site-crawl/crawl-site.ts';
import { type FixtureSite, html, quietLog, serveSite } from './fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const FAST = { connectTimeoutMs: 1000, responseTimeoutMs: 1000, totalTimeoutMs: 2000 };

/** A 大汉 column page in GBK whose list the platform's jpage script writes in from datastore records. */
const COLUMN = iconv.encode(
  `<!DOCTYPE html><html><head><meta charset="gb2312"><title>通知公告 示例县人民政府</title></head><body>
  <div class="main"><div class="bt-position">当前位置：首页 &gt; 通知公告</div>
  <div id="456789"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&columnid=1457"></a>]]></nextgroup>
  <recordset>
  <record><![CDATA[<li><a href="/art/2026/11/20/art_1457_30001.html" target="_blank" title="关于开展冬季森林防火检查的通知">关于开展冬季森林防火检查的通知</a><span class="bt-data-time">2026-11-20</span></li>]]></record>
  <record><![CDATA[<li><a href="/art/2026/11/3/art_1457_30002.html" target="_blank" title="示例县2026年度公开招聘事业单位工作人员公告">示例县2026年度公开招聘事业单位工作人员公告</a><span class="bt-data-time">2026-11-03</span></li>]]></record>
  </recordset></datastore></script></div>
  <script language="javascript" src="/module/web/jpage/jpage.js"></script>
  </div></body></html>`,
  'gbk',
);

describe('crawlSite on 大汉 jpage lists (datastore records written in by script)', () => {
  it('reads the records as the browser shows them: dated list entries, and their articles crawled', async () => {
    site = await serveSite({
      '/': { body: html('示例县人民政府', ['/col/col1457/index.html']) },
      '/col/col1457/index.html': { headers: { 'content-type': 'text/html' }, body: COLUMN },
      '/art/2026/11/20/art_1457_30001.html': { body: html('关于开展冬季森林防火检查的通知') },
      '/art/2026/11/3/art_1457_30002.html': { body: html('示例县2026年度公开招聘事业单位工作人员公告') },
    });
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 10,
      settings: FAST,
      log: quietLog,
    });
    const column = crawl.pages.find((page) => page.url.endsWith('/col/col1457/index.html'))!;
    expect(column.charset).toBe('gbk');
    expect(column.listItems?.map((item) => [item.title, item.dateText])).toEqual([
      ['关于开展冬季森林防火检查的通知', '2026-11-20'],
      ['示例县2026年度公开招聘事业单位工作人员公告', '2026-11-03'],
    ]);
    expect(column.text).toContain('关于开展冬季森林防火检查的通知');
    expect(site.hits('/art/2026/11/20/art_1457_30001.html')).toBe(1);
    expect(site.hits('/art/2026/11/3/art_1457_30002.html')).toBe(1);
  });

  it('leaves a page without datastore records as it is parsed', async () => {
    site = await serveSite({
      '/': {
        body: html('示例县人民政府', [], '<script type="text/xml"><config>no records</config></script>'),
      },
    });
    const crawl = await crawlSite({
      homepage: `${site.origin}/`,
      maxPages: 2,
      settings: FAST,
      log: quietLog,
    });
    expect(crawl.pages[0]!.text).not.toContain('no records');
  });
});
