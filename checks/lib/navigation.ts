import type { RenderedHomepage, RenderedLink } from '../../crawlers/artifacts.ts';
import { normalizeUrl } from '../../crawlers/url.ts';
import { compact } from './text.ts';

/** A selector naming a navigation container: nav, menu, daohang (导航), in a tag, id or class (mainMenu, topnav). */
const NAV_SELECTOR = /nav|menu|daohang/i;
/** A selector step placing the link in the footer, whose link lists (友情链接) are not the navigation. */
const FOOTER_SELECTOR = /foot|bottom|copyright|yqlj/i;
/** A strip of navigation holds at least this many links side by side… */
export const STRIP_LINKS = 4;
/** …each with a short text (a channel's name, not an article's title). */
export const STRIP_TEXT = 8;

/**
 * The homepage's navigation: the visible links with an http(s) address on the first screen, not in the
 * footer, that are the header area's, or sit in a container named nav/menu/daohang, or make a strip of
 * navigation: at least `STRIP_LINKS` links on one row, each with a text of at most `STRIP_TEXT`
 * characters. What lies just under the navigation bar (the first row of a news list, one long title
 * beside its date) is content, not navigation.
 */
export function navigationLinks(home: RenderedHomepage): RenderedLink[] {
  const shown = home.links.filter(
    (link) =>
      link.visible &&
      normalizeUrl(link.href) !== null &&
      link.box.y < home.viewport.height &&
      !FOOTER_SELECTOR.test(link.selector),
  );
  const strips = new Set(stripLinks(shown));
  return shown.filter((link) => link.inHeader || NAV_SELECTOR.test(link.selector) || strips.has(link));
}

/** The links that share a row with at least `STRIP_LINKS - 1` other short-named links. */
function stripLinks(links: readonly RenderedLink[]): RenderedLink[] {
  const short = links.filter((link) => {
    const name = compact(link.text);
    return name !== '' && name.length <= STRIP_TEXT && link.box.height > 0;
  });
  return short.filter((link) => short.filter((other) => sameRow(link, other)).length >= STRIP_LINKS);
}

/** Two boxes on one row: their vertical centres closer than half the smaller height. */
function sameRow(a: RenderedLink, b: RenderedLink): boolean {
  const centre = (link: RenderedLink) => link.box.y + link.box.height / 2;
  return Math.abs(centre(a) - centre(b)) <= Math.min(a.box.height, b.box.height) / 2;
}
