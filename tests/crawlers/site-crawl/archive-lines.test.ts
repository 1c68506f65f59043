import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../crawlers/html-outline.ts';
import { archiveLines } from '../../../crawlers/site-crawl/archive-lines.ts';
import { visibleText } from '../../../crawlers/visible-text.ts';

const read = (body: string, title = '') => {
  const $ = parseHtml(`<html><head><title>${title}</title></head><body>${body}</body></html>`);
  return archiveLines($, title, visibleText($, 20_000));
};

describe('archiveLines: the lines of a page that carry archive words', () => {
  it.each([
    [
      'a banner element',
      '<div class="gdxx">本页面已归档 归档时间：2023-06-30</div><p>正文 2019-06-01</p>',
      [{ text: '本页面已归档 归档时间：2023-06-30', own: '本页面已归档 归档时间：2023-06-30' }],
    ],
    [
      'inline elements in one line',
      '<p><span>已</span>归档<font color="red">（2023-06-30）</font></p>',
      [{ text: '已归档（2023-06-30）', own: '已归档（2023-06-30）' }],
    ],
    [
      'lines split at <br>',
      '<div>本页面已归档<br>发布时间：2019-06-01</div>',
      [{ text: '本页面已归档', own: '本页面已归档' }],
    ],
    ['a menu entry: link text only, so not kept', '<ul><li><a href="/lsgd/">历史归档</a></li></ul>', []],
    [
      'a table cell ending with 归档时间, with the next cell',
      '<table><tr><td>归档状态</td><td>已归档</td><td>归档时间：</td><td>2023-12-31</td></tr></table>',
      [
        { text: '归档状态', own: '归档状态' },
        { text: '已归档', own: '已归档' },
        { text: '归档时间：', own: '归档时间：', next: '2023-12-31' },
      ],
    ],
    ['a page without archive words', '<p>正文</p><script>var s="已归档"</script>', []],
  ])('%s', (_case, body, lines) => {
    expect(read(body)).toEqual(lines);
  });

  it('keeps the label after a sidebar of more 历史归档 links than it keeps lines', () => {
    const sidebar = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/lsgd/${2010 + i}/">${2010 + i}年历史归档</a></li>`,
    );
    const lines = read(
      `<ul class="side">${sidebar.join('')}</ul><div class="gdxx">本页面已归档 归档时间：2023-06-30</div>`,
    );
    expect(lines).toEqual([
      { text: '本页面已归档 归档时间：2023-06-30', own: '本页面已归档 归档时间：2023-06-30' },
    ]);
  });

  it('keeps at most 10 lines, each 200 characters around its words', () => {
    expect(read('<p>已归档</p>'.repeat(30))).toHaveLength(10);
    const [line] = read(`<div>${'正文'.repeat(300)}本页面已归档${'正文'.repeat(300)}</div>`);
    expect(line!.text).toHaveLength(200);
    expect(line!.text).toContain('本页面已归档');
  });
});
