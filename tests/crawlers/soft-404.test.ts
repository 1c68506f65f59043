import { describe, expect, it } from 'vitest';
import { detectSoftNotFound } from '../../crawlers/soft-404.ts';

describe('detectSoftNotFound', () => {
  it.each([
    '404',
    '404 Not Found',
    '错误404',
    '404错误页面',
    'Error 404 - 四川省人民政府',
    '四川省人民政府 | 410 Gone',
    'HTTP 404',
    '页面不存在',
    '您访问的页面不存在或已被删除',
    '抱歉，页面找不到了',
    '该信息已删除',
    '已删除',
  ])('flags the title "%s"', (title) => {
    expect(detectSoftNotFound(title, [])).toEqual({ evidence: `标题：${title}` });
  });

  it.each([
    '关于对404家企业的通报',
    '全省410个乡镇完成撤并',
    'S410省道改建工程',
    '关于宣布部分规范性文件已失效的通知',
    '关于废止部分文件已删除条款的说明',
    '川府发〔2024〕第404号',
    '第404期政务简报 - 四川省人民政府',
    '四川省人民政府门户网站',
  ])('leaves the title "%s" alone', (title) => {
    expect(detectSoftNotFound(title, [])).toBeUndefined();
  });

  it('reads short headings when the title says nothing', () => {
    expect(detectSoftNotFound('四川省人民政府', ['404 Not Found'])).toEqual({
      evidence: '标题栏：404 Not Found',
    });
    expect(detectSoftNotFound('四川省人民政府', ['关于对404家企业的通报'])).toBeUndefined();
  });
});
