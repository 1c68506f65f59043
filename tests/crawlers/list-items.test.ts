import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../crawlers/html-outline.ts';
import { pageListItems } from '../../crawlers/site-crawl/list-items.ts';

const PAGE = 'http://www.example.gov.cn/xwzx/gzdt/index.html';

const items = (body: string, head = '') =>
  pageListItems(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`), PAGE);
const dates = (body: string) => items(body).map((item) => [item.title, item.dateText]);

describe('pageListItems: the shapes list pages print', () => {
  it('reads <li><a>标题</a><span>日期</span></li>, resolving the link against the page', () => {
    expect(
      items(`<ul class="list">
        <li><a href="./202611/t20261120_1.html" title="全市安全生产工作会议召开">全市安全生产工作会议召开</a><span>2026-11-20</span></li>
        <li><a href="/xwzx/gzdt/202611/t20261118_2.html">市政府常务会议研究部署冬季供暖</a> <span class="time">2026-11-18</span></li>
      </ul>`),
    ).toEqual([
      {
        title: '全市安全生产工作会议召开',
        url: 'http://www.example.gov.cn/xwzx/gzdt/202611/t20261120_1.html',
        dateText: '2026-11-20',
        list: 'body>ul.list',
      },
      {
        title: '市政府常务会议研究部署冬季供暖',
        url: 'http://www.example.gov.cn/xwzx/gzdt/202611/t20261118_2.html',
        dateText: '2026-11-18',
        list: 'body>ul.list',
      },
    ]);
  });

  it('reads table rows with the date in a cell of its own, taking the last of two dates', () => {
    expect(
      dates(`<table><tbody>
        <tr><th>标题</th><th>发布日期</th></tr>
        <tr><td><a href="/zcwj/1.html">关于印发《城市管理办法》的通知</a></td><td>2026年11月20日</td></tr>
        <tr><td>2</td><td><a href="/zcwj/2.html">关于做好冬春农田水利建设的通知</a></td><td>川府发〔2026〕5号</td>
            <td>2026年10月30日</td><td>2026年11月2日</td></tr>
      </tbody></table>`),
    ).toEqual([
      ['关于印发《城市管理办法》的通知', '2026年11月20日'],
      ['关于做好冬春农田水利建设的通知', '2026年11月2日'],
    ]);
  });

  it('reads a month and day printed before the link, brackets kept as printed', () => {
    expect(
      dates(`<ul>
        <li><span class="date">[11-20]</span><a href="/tzgg/1.html">关于开展消防安全检查的公告</a></li>
        <li><span>【11-19】</span><a href="/tzgg/2.html">停水通知</a></li>
        <li><a href="/tzgg/3.html">招聘公示</a><em>11月18日</em></li>
        <li><a href="/tzgg/4.html">采购结果公告</a><span>(11/17)</span></li>
      </ul>`),
    ).toEqual([
      ['关于开展消防安全检查的公告', '[11-20]'],
      ['停水通知', '【11-19】'],
      ['招聘公示', '11月18日'],
      ['采购结果公告', '(11/17)'],
    ]);
  });

  it('reads slashes and dots, <dd> entries, div items and a date inside the link', () => {
    expect(
      dates(`<dl><dd><a href="/a.html">区县动态一</a><span>2026/11/20</span></dd>
                 <dd><a href="/b.html">区县动态二</a><span>2026.11.19</span></dd></dl>
        <div class="news-list">
          <div class="item"><div class="t"><a href="/c.html">图片新闻一</a></div><div class="d">2026-11-18</div></div>
          <div class="item"><div class="t"><a href="/d.html">图片新闻二</a></div><div class="d">2026-11-17</div></div>
        </div>
        <ul><li><a href="/e.html"><span class="title">政务要闻一</span><span class="time">2026-11-16</span></a></li></ul>`),
    ).toEqual([
      ['区县动态一', '2026/11/20'],
      ['区县动态二', '2026.11.19'],
      ['图片新闻一', '2026-11-18'],
      ['图片新闻二', '2026-11-17'],
      ['政务要闻一', '2026-11-16'],
    ]);
  });

  it('takes the longer link of an entry as its title, and the title attribute of a cut-short one', () => {
    expect(
      items(
        `<ul><li><a href="/qxdt/">[区县动态]</a><a href="/qxdt/1.html" title="青羊区召开2026年经济工作会议部署明年重点任务">青羊区召开2026年经济工作…</a><span>2026-11-20</span></li></ul>`,
      ),
    ).toEqual([
      {
        title: '青羊区召开2026年经济工作会议部署明年重点任务',
        url: 'http://www.example.gov.cn/qxdt/1.html',
        dateText: '2026-11-20',
        list: 'body>ul',
      },
    ]);
  });

  it('reads a GB2312 page of the 2000s: upper-case tags, &nbsp;, <font>, full-width digits', () => {
    const head = '<META http-equiv="Content-Type" content="text/html; charset=gb2312">';
    const body = `<TABLE width="100%" border=0><TBODY>
      <TR><TD width=12><IMG src="/images/dot.gif"></TD>
          <TD><A href="/zwgk/tzgg/200611/t20061120_1.htm" target=_blank><FONT color=#333333>关于春节放假的通知</FONT></A></TD>
          <TD align=right><FONT color=#999999>&nbsp;２００６-１１-２０&nbsp;</FONT></TD></TR>
      <TR><TD><IMG src="/images/dot.gif"></TD>
          <TD><A href="t20061001_2.htm">国庆节值班安排</A></TD><TD>[10-01]</TD></TR>
    </TBODY></TABLE>`;
    expect(items(body, head)).toEqual([
      {
        title: '关于春节放假的通知',
        url: 'http://www.example.gov.cn/zwgk/tzgg/200611/t20061120_1.htm',
        dateText: '２００６-１１-２０',
        list: 'body>table>tbody',
      },
      {
        title: '国庆节值班安排',
        url: 'http://www.example.gov.cn/xwzx/gzdt/t20061001_2.htm',
        dateText: '[10-01]',
        list: 'body>table>tbody',
      },
    ]);
  });

  it('follows <base href>', () => {
    const found = items(
      '<ul><li><a href="1.html">通知</a><span>2026-11-20</span></li></ul>',
      '<base href="/tzgg/">',
    );
    expect(found[0]?.url).toBe('http://www.example.gov.cn/tzgg/1.html');
  });
});

describe('pageListItems: which list an entry belongs to', () => {
  const lists = (body: string) => items(body).map((item) => [item.title, item.list]);
  const li = (title: string) =>
    `<li><a href="/${encodeURIComponent(title)}.html">${title}</a><span>2026-11-20</span></li>`;

  it('tells the column list of a page from its sidebar lists', () => {
    expect(
      lists(`<div class="main"><ul class="list">${li('栏目信息一')}${li('栏目信息二')}</ul>
        <div class="page"><a href="?p=2">下一页</a><span>1/25</span></div></div>
        <div class="side"><h3>最新动态</h3><ul>${li('最新一')}${li('最新二')}</ul>
          <h3>热点信息</h3><ul>${li('热点一')}</ul></div>`),
    ).toEqual([
      ['栏目信息一', 'body>div.main>ul.list'],
      ['栏目信息二', 'body>div.main>ul.list'],
      ['最新一', 'body>div.side'],
      ['最新二', 'body>div.side'],
      ['热点一', 'body>div.side'],
    ]);
  });

  it('tells apart lists in boxes that look the same, and a lone entry', () => {
    expect(
      lists(`<div class="box"><ul>${li('工作动态一')}${li('工作动态二')}</ul></div>
        <div class="box"><ul>${li('通知公告一')}</ul></div>
        <div class="top"><p><a href="/gg.html">重要公告</a><span>2026-11-20</span></p></div>`),
    ).toEqual([
      ['工作动态一', 'body>div.box:nth-of-type(1)>ul'],
      ['工作动态二', 'body>div.box:nth-of-type(1)>ul'],
      ['通知公告一', 'body>div.box:nth-of-type(2)>ul'],
      ['重要公告', 'body'],
    ]);
  });

  it('keeps apart the lists of a layout table, cell by cell', () => {
    const entryTable = (title: string) =>
      `<table><tr><td><a href="/${encodeURIComponent(title)}.html">${title}</a></td><td>2026-11-20</td></tr></table>`;
    expect(
      lists(
        `<table><tr><td>${entryTable('最新一')}${entryTable('最新二')}</td><td>${entryTable('栏目一')}${entryTable('栏目二')}</td></tr></table>`,
      ),
    ).toEqual([
      ['最新一', 'body>table>tr>td:nth-of-type(1)'],
      ['最新二', 'body>table>tr>td:nth-of-type(1)'],
      ['栏目一', 'body>table>tr>td:nth-of-type(2)'],
      ['栏目二', 'body>table>tr>td:nth-of-type(2)'],
    ]);
  });

  it.each([
    [
      'div items',
      '<div class="news-list"><div class="item"><a href="/a.html">一</a><span>2026-11-20</span></div><div class="item"><a href="/b.html">二</a><span>2026-11-19</span></div></div>',
      'body>div.news-list',
    ],
    [
      'a definition list',
      '<dl id="zcwj"><dd><a href="/a.html">一</a><span>2026/11/20</span></dd><dd><a href="/b.html">二</a><span>2026/11/19</span></dd></dl>',
      'body>dl#zcwj',
    ],
    [
      'dates inside the links',
      '<ul><li><a href="/a.html"><span>一</span><span>2026-11-20</span></a></li><li><a href="/b.html"><span>二</span><span>2026-11-19</span></a></li></ul>',
      'body>ul',
    ],
    [
      'a list printed as two halves',
      '<div class="list"><ul><li><a href="/a.html">一</a><span>2026-11-20</span></li></ul><ul><li><a href="/b.html">二</a><span>2026-11-19</span></li></ul></div>',
      'body>div.list',
    ],
    [
      'a grid of rows of two',
      '<div class="grid"><div class="row"><div class="col"><a href="/a.html">一</a><span>2026-11-20</span></div><div class="col"><a href="/b.html">二</a><span>2026-11-19</span></div></div><div class="row"><div class="col"><a href="/c.html">三</a><span>2026-11-18</span></div></div></div>',
      'body>div.grid',
    ],
    [
      'one table per entry, in a layout table',
      '<table class="layout"><tr><td><table><tr><td><a href="/a.html">一</a></td><td>2026-11-20</td></tr></table><table><tr><td><a href="/b.html">二</a></td><td>2026-11-19</td></tr></table></td></tr></table>',
      'body>table.layout>tr>td',
    ],
  ])('keys every entry of %s alike', (_case, body, key) => {
    const found = items(body);
    expect(found.length).toBeGreaterThan(1);
    expect(found.map((item) => item.list)).toEqual(found.map(() => key));
  });
});

describe('pageListItems: dates printed apart or without a year', () => {
  it.each<[string, string, [string, string][]]>([
    [
      'a month.day alone in a span of an <li>',
      '<ul><li><a href="/a.html">停电通知</a><span>11.20</span></li></ul>',
      [['停电通知', '11.20']],
    ],
    [
      'a bracketed month.day in a table cell',
      '<table><tr><td><a href="/a.html">停电通知</a></td><td>[11.20]</td></tr></table>',
      [['停电通知', '[11.20]']],
    ],
    [
      'a decimal inside a longer text',
      '<ul><li><a href="/a.html">采购结果</a><span>金额 11.20 万元</span></li></ul>',
      [],
    ],
    ['a one-digit decimal', '<ul><li><a href="/a.html">版本说明</a><span>1.5</span></li></ul>', []],
    [
      'a month.day outside an entry element',
      '<div class="item"><a href="/a.html">停电通知</a><span>11.20</span></div>',
      [],
    ],
    [
      'a price after a full date in a row',
      '<table><tr><td><a href="/a.html">采购结果</a></td><td>2026-11-18</td><td>11.20</td></tr></table>',
      [['采购结果', '2026-11-18']],
    ],
    [
      'a day above its year and month',
      '<ul><li><div class="date"><span>20</span><span>2026-11</span></div><a href="/a.html">市政府常务会议召开</a></li></ul>',
      [['市政府常务会议召开', '20 2026-11']],
    ],
    [
      'a year and month before the day, in a div item',
      '<div class="news"><div class="item"><a href="/a.html">区县动态</a><p><em>2026/11</em><b>19</b></p></div><div class="item"><a href="/b.html">部门动态</a><p><em>2026/11</em><b>18</b></p></div></div>',
      [
        ['区县动态', '2026/11 19'],
        ['部门动态', '2026/11 18'],
      ],
    ],
    [
      'a split date inside the link',
      '<ul><li><a href="/a.html"><div class="time"><span>20</span><span>2026-11</span></div><p>全市经济工作会议召开</p></a></li></ul>',
      [['全市经济工作会议召开', '20 2026-11']],
    ],
  ])('%s', (_case, body, expected) => {
    expect(dates(body)).toEqual(expected);
  });
});

describe('pageListItems: what is not a dated entry', () => {
  it('skips the header date widget, with or without links beside it', () => {
    expect(
      items(`<div class="top"><span>今天是2026年11月25日 星期三</span><a href="/wza/">无障碍</a><a href="/en/">English</a></div>
        <div class="date">今日：2026-11-25</div>
        <div class="bar"><a href="/login">登录</a><span>2026年11月25日 周三</span></div>`),
    ).toEqual([]);
  });

  it.each([
    [
      'a long widget',
      '<div class="top"><span>今天是：2026年11月25日 星期三 农历十月初六 天气：晴 12~18℃ 空气质量：良</span><a href="/tq/">成都</a></div>',
    ],
    [
      'a widget in pieces',
      '<div class="top"><span>今天是</span><span>2026年11月25日</span><span>星期三</span><a href="/x/">信箱</a></div>',
    ],
    [
      'a date and a weekday apart',
      '<div class="top"><span>2026-11-25</span> <span>周三</span><a href="/x/">信箱</a></div>',
    ],
  ])('skips %s', (_case, body) => {
    expect(items(body)).toEqual([]);
  });

  it.each([
    [
      'a pager',
      '<div class="page"><a href="?p=1">首页</a><a href="?p=1">上一页</a><span>1/25</span><a href="?p=2">下一页</a><a href="?p=25">尾页</a></div>',
    ],
    [
      'a pager of page numbers',
      '<div class="pages"><a href="?p=1">1</a><a href="?p=2">2</a><span>3/12</span><a href="?p=12">末页</a></div>',
    ],
    [
      'a pager in a table row',
      '<table><tr><td><a href="?p=2">下一页</a> 1/25 <a href="?p=25">尾页</a></td></tr></table>',
    ],
    [
      'a pager saying its page',
      '<table><tr><td><a href="?p=11">后10页</a> 第1页/共25页 <span>1/25</span></td></tr></table>',
    ],
    [
      'site furniture beside the date',
      '<div class="top"><a href="/">设为首页</a><a href="#">加入收藏</a><a href="/wza/">无障碍</a><a href="/en/">English</a><span>2026-11-25</span></div>',
    ],
    ['a login bar', '<div class="bar"><a href="/login">登录</a><span>2026-11-25</span></div>'],
    ['a weather link', '<div class="w"><a href="/tq/">天气</a><span>11/25</span></div>'],
  ])('skips %s', (_case, body) => {
    expect(items(body)).toEqual([]);
  });

  it('reads a month/day only inside an entry element (li, tr, dd)', () => {
    expect(
      dates(`<div class="item"><a href="/a.html">图片新闻</a><span>11/20</span></div>
        <ul><li><a href="/b.html">政务要闻</a><span>11/19</span></li></ul>`),
    ).toEqual([['政务要闻', '11/19']]);
  });

  it('keeps an entry whose summary speaks of 今天 or 周一', () => {
    expect(
      dates(`<ul>
        <li><a href="/a.html">市长调研冬季供暖保障工作</a><p>今天上午，市长率队深入供热企业和居民小区，实地调研冬季供暖保障工作并召开座谈会。</p><span>2026-11-20</span></li>
        <li><a href="/b.html">市政府常务会议召开</a><p>今天，市政府召开常务会议。</p><span>2026-11-19</span></li>
        <li><span>2026-11-18</span><a href="/c.html">全市招商引资推进会召开</a><p>周一上午，全市招商引资推进会召开。</p></li>
      </ul>`),
    ).toEqual([
      ['市长调研冬季供暖保障工作', '2026-11-20'],
      ['市政府常务会议召开', '2026-11-19'],
      ['全市招商引资推进会召开', '2026-11-18'],
    ]);
  });

  it('skips links with no date beside them, a whole list as one entry, numbers that are not dates', () => {
    expect(
      items(`<ul><li><a href="/a.html">机构职能</a></li><li><a href="/b.html">领导信息</a></li></ul>
        <div class="box"><a href="/c.html">工作动态</a><ul><li><a href="/d.html">新闻一</a><span>2026-11-20</span></li></ul></div>
        <p><a href="/e.html">联系电话</a> 028-86012345</p>
        <p><a href="/f.html">第3期</a> 共 13-25 页</p>
        <p><a href="/g.html">网站地图</a> v1.2.3</p>`),
    ).toEqual([
      {
        title: '新闻一',
        url: 'http://www.example.gov.cn/d.html',
        dateText: '2026-11-20',
        list: 'body>div.box>ul',
      },
    ]);
  });

  it('keeps at most 100 entries', () => {
    const list = Array.from(
      { length: 130 },
      (_, i) => `<li><a href="/n/${i}.html">信息${i}</a><span>2026-11-20</span></li>`,
    ).join('');
    const found = items(`<ul>${list}</ul>`);
    expect(found).toHaveLength(100);
    expect(found.at(-1)?.title).toBe('信息99');
  });
});
