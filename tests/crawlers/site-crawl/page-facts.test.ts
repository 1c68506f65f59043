import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../crawlers/html-outline.ts';
import { MAX_LINKS_PER_PAGE, pageFacts } from '../../../crawlers/site-crawl/page-facts.ts';

const PAGE = 'http://www.example.gov.cn/xxgk/index.html';

const facts = (body: string, head = '') =>
  pageFacts(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`), PAGE);

describe('pageFacts: links', () => {
  it('classifies every kind of link and takes its text', () => {
    const { links } = facts(
      `<link rel="stylesheet" href="/css/main.css"><link rel="icon" href="/favicon.ico">
       <script src="/js/app.js"></script>
       <a href="news.html"> 新闻
         动态 </a>
       <a href="/files/报告.pdf">2025年度报表</a>
       <a href="/files/a.OFD">公报</a><a href="/x.wps">wps</a><a href="/y.ceb">ceb</a>
       <a href="/photo.jpg">大图</a>
       <a href="/logo-link"><img src="/logo.png" alt="四川省人民政府"></a>
       <img src="/banner.gif" title="横幅">
       <map><area href="/map.html" alt="地图"></map>
       <iframe src="/frame.html" title="嵌入"></iframe>`,
    );
    expect(links).toEqual([
      { url: 'http://www.example.gov.cn/css/main.css', kind: 'stylesheet', text: '' },
      { url: 'http://www.example.gov.cn/js/app.js', kind: 'script', text: '' },
      { url: 'http://www.example.gov.cn/xxgk/news.html', kind: 'anchor', text: '新闻 动态' },
      {
        url: 'http://www.example.gov.cn/files/%E6%8A%A5%E5%91%8A.pdf',
        kind: 'attachment',
        text: '2025年度报表',
      },
      { url: 'http://www.example.gov.cn/files/a.OFD', kind: 'attachment', text: '公报' },
      { url: 'http://www.example.gov.cn/x.wps', kind: 'attachment', text: 'wps' },
      { url: 'http://www.example.gov.cn/y.ceb', kind: 'attachment', text: 'ceb' },
      { url: 'http://www.example.gov.cn/photo.jpg', kind: 'image', text: '大图' },
      { url: 'http://www.example.gov.cn/logo-link', kind: 'anchor', text: '四川省人民政府' },
      { url: 'http://www.example.gov.cn/logo.png', kind: 'image', text: '四川省人民政府' },
      { url: 'http://www.example.gov.cn/banner.gif', kind: 'image', text: '横幅' },
      { url: 'http://www.example.gov.cn/map.html', kind: 'anchor', text: '地图' },
      { url: 'http://www.example.gov.cn/frame.html', kind: 'frame', text: '嵌入' },
    ]);
  });

  it('skips mailto/tel/javascript and bare fragments, strips fragments and session ids, dedupes', () => {
    const { links } = facts(
      `<a href="mailto:a@b.cn">mail</a><a href="tel:028-1">tel</a><a href="javascript:void(0)">js</a>
       <a href="#top">top</a><a href="">empty</a>
       <a href="a.html#part">one</a><a href="a.html;jsessionid=XYZ">two</a><a href="a.html?sid=9">three</a>`,
    );
    expect(links).toEqual([{ url: 'http://www.example.gov.cn/xxgk/a.html', kind: 'anchor', text: 'one' }]);
  });

  it('resolves against <base href> and encodes Chinese paths', () => {
    const { links, forms } = facts(
      '<a href="政务公开/通知.html">通知</a><img src="img/a.png"><form action="search.jsp"></form>',
      '<base href="http://www.example.gov.cn/site/">',
    );
    expect(links.map((link) => link.url)).toEqual([
      'http://www.example.gov.cn/site/%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80/%E9%80%9A%E7%9F%A5.html',
      'http://www.example.gov.cn/site/img/a.png',
    ]);
    expect(forms[0]?.action).toBe('http://www.example.gov.cn/site/search.jsp');
  });

  it('copes with the old-style markup of many government sites', () => {
    const result = facts(
      "<TABLE><TR><TD><A HREF=/zwgk/index.html>政务&nbsp;公开</A><TD><a href='/a?x=1&amp;y=2'>链接</a></TABLE><p>第一段<p>第二段<br>第三行",
    );
    expect(result.links).toEqual([
      { url: 'http://www.example.gov.cn/zwgk/index.html', kind: 'anchor', text: '政务 公开' },
      { url: 'http://www.example.gov.cn/a?x=1&y=2', kind: 'anchor', text: '链接' },
    ]);
    expect(result.text).toBe('政务 公开 链接 第一段 第二段 第三行');
  });

  it('cuts link text at 200 characters', () => {
    const { links } = facts(`<a href="/long">${'长'.repeat(300)}</a>`);
    expect(links[0]?.text).toHaveLength(200);
  });
  it('keeps the first links of a page of a million, up to the bound, duplicates not counted', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => `<a href=l${i % 400_000}>x</a>`).join('');
    const { links } = facts(many);
    expect(links).toHaveLength(MAX_LINKS_PER_PAGE);
    expect(links[0]!.url).toBe('http://www.example.gov.cn/xxgk/l0');
    expect(links.at(-1)!.url).toBe(`http://www.example.gov.cn/xxgk/l${MAX_LINKS_PER_PAGE - 1}`);
  });
});

describe('pageFacts: title, headings, text, forms', () => {
  it('reads title and h1–h3, and only the visible text', () => {
    const result = facts(
      `<h1>政府公报</h1><h2> 2025年 第1期 </h2><h4>not a heading we keep</h4>
       <div>本页面<span>已</span>归档，归档时间：2020-03-01</div><p>第二段</p>
       <script>var hidden = 1;</script><style>.x{}</style><noscript>开启脚本</noscript>
       <template><p>模板</p></template><div style="color:red; display : none">隐藏文字</div>
       <p hidden>也隐藏</p>`,
      '<title> 四川省人民政府 - 公报 </title>',
    );
    expect(result.title).toBe('四川省人民政府 - 公报');
    expect(result.headings).toEqual(['政府公报', '2025年 第1期']);
    expect(result.text).toBe(
      '政府公报 2025年 第1期 not a heading we keep 本页面已归档，归档时间：2020-03-01 第二段',
    );
  });

  it('caps the text at 20 000 characters', () => {
    expect(facts(`<p>${'字'.repeat(30_000)}</p>`).text).toHaveLength(20_000);
  });

  it('describes forms by action, method, inputs and wording', () => {
    const { forms } = facts(
      `<form action="/search.jsp" method="POST"><label>关键词</label><input name="q" placeholder="请输入关键词">
         <input type="hidden" name="channel" value="gb"><select name="year"></select><textarea name="t"></textarea>
         <input type="submit" value="检索"></form>
       <form><button>搜索</button></form>`,
    );
    expect(forms).toEqual([
      {
        action: 'http://www.example.gov.cn/search.jsp',
        method: 'post',
        inputs: ['text:q', 'hidden:channel', 'select:year', 'textarea:t', 'submit:'],
        text: '关键词 请输入关键词 检索',
      },
      { action: PAGE, method: 'get', inputs: [], text: '搜索' },
    ]);
  });
});
