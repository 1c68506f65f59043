import { describe, expect, it } from 'vitest';
import { lineSaysNotFound, titleSaysNotFound } from '../../../crawlers/soft-404/wording.ts';

describe('the wording of a not-found page', () => {
  it.each([
    '404',
    '404 Not Found',
    'Page 404',
    '错误404',
    '404错误页面',
    'Error 404 - 四川省人民政府',
    '四川省人民政府 | 410 Gone',
    'HTTP 404',
    '页面不存在',
    '您访问的页面不存在或已被删除',
    '抱歉，页面找不到了',
    '抱歉,找不到您要的页面',
    '404 文件不存在',
    '该信息已删除',
    '信息已删除',
    '已删除',
  ])('titles that say so: "%s"', (title) => {
    expect(titleSaysNotFound(title)).toBe(true);
  });

  it.each([
    '关于对404家企业的通报',
    '全省410个乡镇完成撤并',
    'S410省道改建工程',
    '关于宣布部分规范性文件已失效的通知',
    '关于废止部分文件已删除条款的说明',
    '川府发〔2024〕第404号',
    '第404期政务简报 - 四川省人民政府',
    '四川政务信息（第404期）',
    '关于省政协十三届二次会议第410号提案的答复',
    // An answer to a disclosure request: its legal wording, not a missing page.
    '省教育厅政府信息不存在告知书（2024年第12号）',
    '关于成都市部分企业登记信息已失效的公告',
    '本文件已失效',
    '四川省人民政府门户网站',
    '',
  ])('titles that do not: "%s"', (title) => {
    expect(titleSaysNotFound(title)).toBe(false);
  });

  it.each([
    ['对不起，该信息已删除或已过期！', true],
    ['非常抱歉，您访问的页面不存在，或者已经被移除！', true],
    ['很抱歉，您要访问的页面不存在！', true],
    ['抱歉！您要查找的页面不存在。', true],
    ['404', true],
    ['404 Not Found', true],
    ['The requested URL was not found on this server.', true],
    ['此文章不存在', true],
    ['经核查，申请公开的政府信息不存在。', false],
    ['第404期', false],
    ['分机404', false],
    [`各地区各部门要按照要求，${'认真做好相关工作，'.repeat(4)}不得出现404错误页面`, false],
  ] as const)('lines of a page: "%s" → %s', (line, says) => {
    expect(lineSaysNotFound(line)).toBe(says);
  });
});
