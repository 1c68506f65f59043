import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { MAX_ELEMENTS, MAX_NESTING, parseHtmlBounded } from '../../crawlers/html-outline.ts';

/** How deep the deepest element of the parsed page nests. */
function deepest(html: string): number {
  const { $ } = parseHtmlBounded(html);
  let max = 0;
  for (const element of $('*').toArray()) {
    let depth = 0;
    for (let node = element.parent; node && node.type !== 'root'; node = node.parent) depth++;
    max = Math.max(max, depth + 1);
  }
  return max;
}

const nested = (depth: number, inner = '深处') =>
  `<html><head><title>嵌套</title></head><body><p>前面的文字</p>${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}<p>后面</p></body></html>`;

describe('parseHtmlBounded', () => {
  it.each([
    [
      'an ordinary page',
      '<html><head><title>某某市人民政府</title></head><body><ul><li><a href="/a">通知</a><li>公告</ul><p>一<p>二</body></html>',
    ],
    [
      'unclosed list items and paragraphs, closed by the parser',
      `<body>${'<li>条目'.repeat(2_000)}${'<p>段落'.repeat(2_000)}</body>`,
    ],
    ['a page nested exactly to the bound', nested(MAX_NESTING - 3)],
  ])('reads %s as cheerio does', (_, html) => {
    const bounded = parseHtmlBounded(html);
    expect(bounded.cutAt).toBeUndefined();
    expect(bounded.$.html()).toBe(load(html, { xml: { xmlMode: false, decodeEntities: true } }).html());
  });

  it.each([1_000, 100_000])('reads a page nested %i deep up to its first element past the bound', (depth) => {
    const html = nested(depth);
    const { $, cutAt } = parseHtmlBounded(html);
    expect(deepest(html)).toBe(MAX_NESTING);
    expect($('title').text()).toBe('嵌套');
    expect($('body').text()).toContain('前面的文字');
    expect($('body').text()).not.toContain('深处');
    // `cutAt` is where the first element too deep starts (html, body, then the divs).
    expect(cutAt).toBe(html.indexOf('<div>') + (MAX_NESTING - 2) * '<div>'.length);
    expect(html.slice(cutAt!, cutAt! + 5)).toBe('<div>');
  });

  it('reads a page of a million elements up to the bound', () => {
    const html = `<html><head><title>链接</title></head><body>${'<a href=x>条</a>'.repeat(1_000_000)}</body></html>`;
    const { $, cutAt } = parseHtmlBounded(html);
    expect($('*').length).toBe(MAX_ELEMENTS);
    expect($('title').text()).toBe('链接');
    // html, head, title, body, then the links: the first link past the bound is where the page was cut.
    expect(cutAt).toBe(html.indexOf('<a') + (MAX_ELEMENTS - 4) * '<a href=x>条</a>'.length);
  });
});
