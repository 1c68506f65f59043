import { describe, expect, it } from 'vitest';
import type { LinkHiding } from '../../../crawlers/artifacts.ts';
import { parseHtml } from '../../../crawlers/html-outline.ts';
import { hiddenMarkupLinks, metaRedirects } from '../../../crawlers/site-crawl/hidden-markup.ts';

const PAGE = 'http://www.example.gov.cn/xwdt/1.html';
const hidden = (body: string, head = '') =>
  hiddenMarkupLinks(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`), PAGE);

describe('hiddenMarkupLinks: what static HTML hides', () => {
  it.each<[string, string, LinkHiding]>([
    [
      'display:none on an ancestor',
      '<div style="display: none"><p><a href="http://x.example/">x</a></p></div>',
      'display-none',
    ],
    ['the hidden attribute', '<div hidden><a href="http://x.example/">x</a></div>', 'display-none'],
    [
      'visibility:hidden',
      '<span style="visibility:hidden"><a href="http://x.example/">x</a></span>',
      'visibility-hidden',
    ],
    ['opacity 0', '<div style="opacity:0"><a href="http://x.example/">x</a></div>', 'transparent'],
    [
      'a large negative offset',
      '<div style="position:absolute;left:-9999px;top:0"><a href="http://x.example/">x</a></div>',
      'off-page',
    ],
    [
      'a large negative text indent',
      '<div style="text-indent:-5000px"><a href="http://x.example/">x</a></div>',
      'off-page',
    ],
    [
      'font size 0 on an ancestor',
      '<div style="font-size:0px"><a href="http://x.example/">x</a></div>',
      'font-size-zero',
    ],
    [
      'a zero-height box with overflow hidden',
      '<div style="height:0;overflow:hidden"><a href="http://x.example/">x</a></div>',
      'zero-size',
    ],
    ['a marquee of no height', '<marquee height="0"><a href="http://x.example/">x</a></marquee>', 'marquee'],
    ['a frame of one pixel', '<iframe src="http://x.example/" width="1" height="1"></iframe>', 'tiny-frame'],
  ])('%s', (_, body, how) => {
    expect(hidden(body).map((link) => [link.target, link.how])).toEqual([['http://x.example/', how]]);
  });

  it('keeps the evidence: text, title, selector and the element', () => {
    expect(
      hidden('<div id="f" style="display:none"><a href="http://x.example/" title="澳门">博彩</a></div>'),
    ).toEqual([
      {
        target: 'http://x.example/',
        text: '博彩',
        title: '澳门',
        selector: 'div#f > a',
        how: 'display-none',
        html: '<a href="http://x.example/" title="澳门">博彩</a>',
      },
    ]);
  });

  it.each([
    [
      'a hidden link to the site itself (a dropdown menu)',
      '<ul style="display:none"><li><a href="/zwgk/">政务公开</a></li></ul>',
    ],
    ['a visible external link', '<a href="http://www.xinhuanet.com/">新华网</a>'],
    [
      'font size 0 set back nearer the link',
      '<div style="font-size:0"><a style="font-size:14px" href="http://x.example/">x</a></div>',
    ],
    [
      'a small negative offset',
      '<div style="position:relative;left:-10px"><a href="http://x.example/">x</a></div>',
    ],
    ['a frame of a reader’s size', '<iframe src="http://x.example/" width="600" height="400"></iframe>'],
    ['a marquee of some height', '<marquee height="30"><a href="http://x.example/">x</a></marquee>'],
  ])('finds nothing in %s', (_, body) => {
    expect(hidden(body)).toEqual([]);
  });
});

describe('hiddenMarkupLinks: menus', () => {
  it.each([
    [
      'a list hidden in a menu entry',
      '<ul><li><a href="/mt/">媒体</a><ul style="display:none"><li><a href="http://www.people.com.cn/">人民网</a></li></ul></li></ul>',
    ],
    [
      'a box named as a drop-down',
      '<div class="nav"><div class="dropdown" style="display:none"><a href="http://www.people.com.cn/">人民网</a></div></div>',
    ],
  ])('marks %s as a menu', (_, body) => {
    expect(hidden(body)).toEqual([
      expect.objectContaining({ target: 'http://www.people.com.cn/', inMenu: true }),
    ]);
  });

  it('does not mark a hidden box of links in the footer', () => {
    const [link] = hidden(
      '<div class="footer"><div style="display:none"><a href="http://x.example/">x</a></div></div>',
    );
    expect(link).toBeDefined();
    expect(link!.inMenu).toBeUndefined();
  });
});

describe('metaRedirects', () => {
  const redirects = (head: string) =>
    metaRedirects(parseHtml(`<html><head>${head}</head><body></body></html>`), PAGE);

  it('takes a meta refresh to another host, however it is written', () => {
    expect(redirects('<meta http-equiv="Refresh" content="3; URL=\'http://bet.example/a\'">')).toEqual([
      { target: 'http://bet.example/a', by: 'meta-refresh' },
    ]);
  });

  it('leaves out a refresh within the site and one without a target', () => {
    expect(
      redirects(
        '<meta http-equiv="refresh" content="0;url=/index.html"><meta http-equiv="refresh" content="60">',
      ),
    ).toEqual([]);
  });
});
