import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../crawlers/html-outline.ts';
import { withDatastoreRecords } from '../../crawlers/site-crawl/datastore-records.ts';
import { pageLetters } from '../../crawlers/site-crawl/letters.ts';

const PAGE = 'http://www.example.gov.cn/hdjl/xzxx/index.html';

const letters = (body: string, head = '') =>
  pageLetters(withDatastoreRecords(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`)), PAGE);

describe('pageLetters: letter boxes as the platforms print them', () => {
  it('reads a TRS table with a header row: 标题, 来信时间, 回复时间, 状态', () => {
    expect(
      letters(`<table class="xxlb" width="100%">
        <tr class="bt"><td>序号</td><td>标题</td><td>来信时间</td><td>回复时间</td><td>状态</td></tr>
        <tr><td>1</td><td><a href="./202611/t20261105_2011.html" title="关于城区老旧小区加装电梯补贴标准的咨询">关于城区老旧小区加装电梯…</a></td>
          <td>2026-11-05</td><td>2026-11-12</td><td>已回复</td></tr>
        <tr><td>2</td><td><a href="./202607/t20260712_1833.html">咨询小学新生入学材料</a></td>
          <td>2026-07-12 08:31:02</td><td></td><td>办理中</td></tr>
        <tr><td colspan="5">共2条 第1页</td></tr>
      </table>`),
    ).toEqual([
      {
        title: '关于城区老旧小区加装电梯补贴标准的咨询',
        url: 'http://www.example.gov.cn/hdjl/xzxx/202611/t20261105_2011.html',
        askedText: '2026-11-05',
        repliedText: '2026-11-12',
        state: '已回复',
        from: 'table',
      },
      {
        title: '咨询小学新生入学材料',
        url: 'http://www.example.gov.cn/hdjl/xzxx/202607/t20260712_1833.html',
        askedText: '2026-07-12 08:31:02',
        state: '办理中',
        from: 'table',
      },
    ]);
  });

  it('reads a 大汉 list kept as datastore records, its header row above the list', () => {
    const found = letters(`<div class="xjlb">
      <div class="th"><span>信件标题</span><span>留言时间</span><span>回复时间</span><span>状态</span></div>
      <div id="44021"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp">]]></nextgroup>
        <recordset>
          <record><![CDATA[<li><span><a href="/art/2026/10/8/art_1457_20981.html" target="_blank">建议在县医院增设夜间门诊</a></span><span>2026-10-08</span><span>2026-10-15</span><span>已办结</span></li>]]></record>
          <record><![CDATA[<li><span><a href="/art/2026/6/2/art_1457_20871.html" target="_blank">咨询农村危房改造政策</a></span><span>2026-06-02</span><span>暂未回复</span><span>待回复</span></li>]]></record>
        </recordset></datastore></script></div>
    </div>`);
    expect(found.map((l) => [l.title, l.askedText, l.repliedText, l.state, l.from])).toEqual([
      ['建议在县医院增设夜间门诊', '2026-10-08', '2026-10-15', '已办结', 'table'],
      ['咨询农村危房改造政策', '2026-06-02', undefined, '待回复', 'table'],
    ]);
    expect(found[0]!.url).toBe('http://www.example.gov.cn/art/2026/10/8/art_1457_20981.html');
  });

  it('reads 开普云 list rows whose link stands beside labelled dates and a state', () => {
    expect(
      letters(`<div class="hdjl-list">
        <div class="item"><a href="/hdjl/zxzx/202611/t20261102_77.html">关于公积金异地转移的咨询</a>
          <div class="info"><span>留言时间：2026-11-02</span><span>回复时间：2026-11-06</span><em class="zt">已回复</em></div></div>
        <div class="item"><a href="/hdjl/zxzx/202608/t20260801_65.html">咨询残疾人两项补贴申领</a>
          <div class="info"><span>留言时间：2026-08-01</span><em class="zt">办理中</em></div></div>
      </div>`).map((l) => [l.title, l.askedText, l.repliedText, l.state, l.from]),
    ).toEqual([
      ['关于公积金异地转移的咨询', '2026-11-02', '2026-11-06', '已回复', 'list'],
      ['咨询残疾人两项补贴申领', '2026-08-01', undefined, '办理中', 'list'],
    ]);
  });

  it('reads <li> rows under a header <li>, and rows printing only a state word beside the date', () => {
    expect(
      letters(`<ul class="xjlb">
        <li class="head"><span>主题</span><span>时间</span><span>状态</span></li>
        <li><span><a href="/jact/front/mailpubdetail.do?transactId=101">咨询公租房申请条件</a></span><span>2026-09-01</span><span>已回复</span></li>
      </ul>
      <ul class="zxzx"><li><a href="/hdjl/zxzx/2.html">咨询居住证办理地点</a> [已答复] <span>2026-10-11</span></li></ul>`).map(
        (l) => [l.title, l.url, l.askedText, l.state, l.from],
      ),
    ).toEqual([
      [
        '咨询公租房申请条件',
        'http://www.example.gov.cn/jact/front/mailpubdetail.do?transactId=101',
        '2026-09-01',
        '已回复',
        'table',
      ],
      ['咨询居住证办理地点', 'http://www.example.gov.cn/hdjl/zxzx/2.html', '2026-10-11', '已答复', 'list'],
    ]);
  });

  it('reads the one letter of a detail page, its labels in table cells', () => {
    expect(
      letters(`<h1>县长信箱</h1><table class="xjxq">
        <tr><td>信件标题</td><td>咨询医保异地就医备案</td></tr>
        <tr><td>来信时间</td><td>2026-03-02 10:21:09</td><td>办理状态</td><td>已办结</td></tr>
        <tr><td>答复单位</td><td>县医疗保障局</td><td>答复时间</td><td>2026-07-15</td></tr>
        <tr><td>答复内容</td><td>您好！您反映的问题已收悉……</td></tr></table>`),
    ).toEqual([
      {
        title: '咨询医保异地就医备案',
        url: PAGE,
        askedText: '2026-03-02 10:21:09',
        repliedText: '2026-07-15',
        state: '已办结',
        from: 'detail',
      },
    ]);
  });

  it('reads a detail page printed as paragraphs, still unanswered', () => {
    expect(
      letters(`<div class="detail"><h2>建议增设城东公交线路</h2>
        <p>留言时间：2026年8月3日</p><p>回复状态：未回复</p></div>`),
    ).toEqual([
      {
        title: '建议增设城东公交线路',
        url: PAGE,
        askedText: '2026年8月3日',
        state: '未回复',
        from: 'detail',
      },
    ]);
  });

  it('takes a detail page’s state from its label, not from the box’s tabs above the letter', () => {
    expect(
      letters(`<div class="tabs"><a href="/hdjl/wh.html">未回复信件</a><a href="/hdjl/yh.html">已回复信件</a></div>
        <h1>咨询公租房申请条件</h1><p>来信时间：2026-09-01</p><p>答复内容：您好，……</p><p>办理状态：已办结</p>`).map(
        (l) => [l.askedText, l.state],
      ),
    ).toEqual([['2026-09-01', '已办结']]);
  });

  it.each([
    [
      'a news list (a link and its date)',
      '<ul><li><a href="/xw/1.html">县政府召开常务会议</a><span>2026-11-02</span></li></ul>',
    ],
    [
      'a table of files with 标题 and 发布时间',
      '<table><tr><th>标题</th><th>文号</th><th>发布时间</th></tr><tr><td><a href="/f/1.html">关于印发办法的通知</a></td><td>川府发〔2026〕1号</td><td>2026-11-02</td></tr></table>',
    ],
    [
      'an article mentioning a reply',
      '<h1>县政府召开常务会议</h1><p>发布时间：2026-11-02</p><p>会议指出，对群众来信要做到件件有回复。</p>',
    ],
  ])('reads no letter in %s', (_case, body) => {
    expect(letters(body)).toEqual([]);
  });
});
