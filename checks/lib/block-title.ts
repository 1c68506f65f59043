import type { Box, RenderedHomepage, RenderedLink } from '../../crawlers/artifacts.ts';
import { compact } from './text.ts';

/** A link that opens its block's column: 更多, more, >>, 查看更多, [更多], +更多, 更多... */
export const MORE =
  /^[[【(（]?[>＞»›+]*(?:(?:查看)?更多(?:信息|内容)?|more)[>＞»›+.…]*[\]】)）]?$|^[>＞»›+]{1,3}$/i;
/** The last step of a link's selector naming it a 更多 link (a.more, a#more2, a.gengduo). */
const MORE_SELECTOR = /(?:^|[\s>])a[^\s>]*[.#](?:more|gengduo|gd)\w*$/i;

/**
 * True for a block's 更多 link: its text says so (an image's alt text included), or, drawn as an
 * image with no alt text (more.gif), its class or id does.
 */
export function isMoreLink(link: RenderedLink): boolean {
  const text = compact(link.text);
  return MORE.test(text) || (text === '' && MORE_SELECTOR.test(link.selector));
}
/** A block title is short: 通知公告, 政策文件, 部门动态. */
const MAX_TITLE = 12;

/**
 * The titles that may be the block's whose 更多 link this is, the nearest first: the short visible
 * texts and links on its row, to its left (`<div class="title"><h3>通知公告</h3><a class="more">更多</a></div>`);
 * several on a block of tabs (通知公告 | 政策文件 | 人事信息 更多), or a row of two blocks.
 */
export function blockTitles(home: RenderedHomepage, more: RenderedLink): string[] {
  const pieces = [...home.texts, ...home.links]
    .filter((piece) => piece.visible && piece !== more)
    .map((piece) => ({ name: compact(piece.text), box: piece.box }))
    .filter(({ name, box }) => {
      if (name === '' || name.length > MAX_TITLE || MORE.test(name)) return false;
      const gap = more.box.x - (box.x + box.width);
      // A block is at most a page wide: across a 1200 px page its 更多 floats a thousand pixels away.
      return gap >= -1 && gap <= home.viewport.width && sameRow(box, more.box);
    });
  pieces.sort((a, b) => b.box.x + b.box.width - (a.box.x + a.box.width));
  return pieces.map((piece) => piece.name);
}

function sameRow(a: Box, b: Box): boolean {
  const centre = (box: Box) => box.y + box.height / 2;
  return Math.abs(centre(a) - centre(b)) <= Math.max(a.height, b.height) / 2;
}
