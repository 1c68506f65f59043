import { describe, expect, it } from 'vitest';
import { renderEvidence } from '../../reports/html/evidence.ts';

describe('hidden-links evidence in reports and the console', () => {
  const html = renderEvidence({
    target: 'http://www.ag-casino.example/',
    how: 'same-colour',
    html: '<a href="http://www.ag-casino.example/" onclick="alert(1)">澳门博彩</a>',
    keywords: [{ word: '博彩', category: 'gambling', weight: 3 }],
    by: 'meta-refresh',
  });

  it('shows the element’s HTML as text, never as markup', () => {
    expect(html).toContain('&lt;a href=');
    expect(html).not.toContain('<a href="http://www.ag-casino.example/" onclick');
  });

  it('names the keys and the enumerated values in Chinese', () => {
    for (const words of [
      '隐藏方式',
      '文字颜色与背景颜色相同',
      '元素代码',
      '命中的关键词',
      '赌博',
      '跳转方式',
      '页面 meta 刷新',
    ]) {
      expect(html).toContain(words);
    }
  });
});
