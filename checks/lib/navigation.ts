import type { RenderedHomepage, RenderedLink } from '../../crawlers/artifacts.ts';
import { normalizeUrl } from '../../crawlers/url.ts';

/** How far below the header area the first navigation bar may start and still count as "the navigation". */
export const NAV_BAND = 120;

/** A selector naming a navigation container: nav, menu, daohang (导航), in a tag, id or class (mainMenu, topnav). */
const NAV_SELECTOR = /nav|menu|daohang/i;
/** A selector step placing the link in the footer, whose link lists (友情链接) are not the navigation. */
const FOOTER_SELECTOR = /foot|bottom|copyright|yqlj/i;

/**
 * The homepage's navigation: the visible links with an http(s) address that sit in the header area or
 * in the band just below it (the first navigation bar: from the top of the page to the header bottom
 * plus `NAV_BAND` px), or that sit on the first screen inside a container named nav/menu/daohang and
 * not in the footer. Links further down (news lists, link lists, the footer) are not the navigation.
 */
export function navigationLinks(home: RenderedHomepage): RenderedLink[] {
  const header = home.headerArea.box;
  const bandBottom = header.y + header.height + NAV_BAND;
  return home.links.filter((link) => {
    if (!link.visible || normalizeUrl(link.href) === null) return false;
    if (link.inHeader || link.box.y < bandBottom) return true;
    return (
      NAV_SELECTOR.test(link.selector) &&
      !FOOTER_SELECTOR.test(link.selector) &&
      link.box.y < home.viewport.height
    );
  });
}
