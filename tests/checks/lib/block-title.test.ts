import { describe, expect, it } from 'vitest';
import { isMoreLink } from '../../../checks/lib/block-title.ts';
import { link } from '../fixtures/builders.ts';

describe('isMoreLink: the link that opens a block’s column', () => {
  it.each<[string, string, boolean]>([
    ['更多>>', 'div.tit > a', true],
    ['更多 +', 'div.tit > a', true],
    ['+更多', 'div.tit > a', true],
    ['[更多]', 'div.tit > span > a', true],
    ['【更多】', 'div.tit > a', true],
    ['更多...', 'div.tit > a', true],
    ['更多…', 'div.tit > a', true],
    ['查看更多>', 'div.tit > a', true],
    ['更多信息', 'div.tit > a', true],
    ['MORE+', 'div.tit > a', true],
    ['more >>', 'div.tit > a', true],
    ['>>', 'div.tit > a', true],
    // An image without alt text (more.gif), named by its class or id.
    ['', 'div.tzgg > div.tit > a.more', true],
    ['', 'div.tzgg > a#more2', true],
    ['', 'div.tzgg > a.gengduo', true],
    ['', 'div.more > a', false],
    ['', 'div.tit > a', false],
    ['政务公开', 'div.tit > a.more', false],
    ['更多服务事项', 'div.tit > a', false],
    ['更多精彩', 'div.tit > a', false],
  ])('%j in %s → %s', (text, selector, more) => {
    expect(isMoreLink(link(text, '/tzgg/', { selector }))).toBe(more);
  });
});
