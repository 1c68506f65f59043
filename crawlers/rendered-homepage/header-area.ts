/**
 * The header area (头部标识区域) of a rendered homepage.
 *
 * Pages are rendered at the 1366×768 inspection viewport. The header area is the band across the
 * whole width of the page from y = 0 down to the bottom of the header landmark:
 *
 * - A *header landmark* is a visible element that starts within 300 px of the top of the page, is at
 *   most 500 px tall, and is either a `<header>` / `[role=banner]`, or has an id or class with a
 *   header word in it (header, head, hd, top, banner, masthead, logo, toubu, sitename; class names
 *   are split into words at `-`, `_`, digits and camelCase and also read run together, so
 *   `header-wrap`, `headerBox`, `top2`, `site-name` count and `headline`, `topbar` do not). Apart
 *   from `logo`/`sitename`, a class-named landmark must span at least half the viewport width, so
 *   that a narrow `news-head` is not mistaken for the page header.
 * - Navigation bars do not extend it: an element whose id/class names a navigation bar (nav, menu,
 *   navbar, daohang) is never a landmark, and nothing that starts at or below the top of the first
 *   wide navigation bar (a `<nav>`, `[role=navigation]` or nav/menu-classed element at least half
 *   the viewport wide, starting 60 px or more below the top, so that a utility bar at the very top
 *   is not taken for it) is a landmark either: the picture carousel that Chinese portals often call
 *   `banner` sits below the nav bar and is content, not header.
 * - A *channel strip* above the masthead is neither: a wide element at most 50 px tall whose links
 *   and buttons (at least two) are at least half channel links (网站首页, 无障碍, 长者模式, 简/繁,
 *   English, 登录, 手机版, 微信, 网站地图…, see `CHANNEL_LINK`). It does not end the header area
 *   wherever it sits (below an ad bar or a 党建 banner too) and is not the landmark that sets its
 *   bottom; with no other landmark the band is the top band. The main navigation bar's links are
 *   columns (政务公开, 政务服务, 互动交流), so it is never taken for one.
 * - The band ends at the lowest bottom edge among the landmarks, clamped to between 120 px and
 *   500 px (method `landmark`, with the selector of the landmark that set the bottom).
 * - With no landmark, the band is the top 250 px of the page (method `top-band`).
 *
 * An element is *in the header* when the vertical centre of its box lies within the band. A hidden
 * element (display:none, off-page, clipped…) is judged by the box of its nearest ancestor that has
 * a visible, positive-size box, so that a hidden full name inside the header markup is recognised as
 * "in the header but hidden".
 */
import type { Box } from '../artifacts.ts';

/** A visible element near the top of the page, as the in-page extraction reports it. */
export interface TopElement {
  tag: string;
  role: string | null;
  /** The element's id and class attribute, space-separated. */
  idClass: string;
  selector: string;
  box: Box;
  /** The texts of its links and buttons, for a wide element at most `maxStripHeight` tall. */
  links?: string[];
}

export interface HeaderArea {
  box: Box;
  method: 'landmark' | 'top-band';
  selector?: string;
}

export const HEADER_RULES = {
  /** Landmarks must start within this distance of the top. */
  maxTop: 300,
  maxHeight: 500,
  minBand: 120,
  maxBand: 500,
  topBand: 250,
  /** A navigation bar starting higher than this is a utility bar at the very top, not the main nav. */
  minNavTop: 60,
  /** A channel strip is at most this tall. */
  maxStripHeight: 50,
} as const;

/** A channel strip's link, whitespace and separators removed (简/繁 → 简繁). */
const CHANNEL_LINK =
  /^(网站首页|返回首页|设为首页|加入收藏|收藏本站|网站地图|网站导航|无障碍.*|长者.*|关怀版|适老化.*|老年.*|简|繁|简繁|简体(中文|版)?|繁[體体](中文|版)?|english|en|登录|注册|个人中心|用户中心|手机版|移动版|手机门户|.*客户端|app|微信|微博|政务微信|政务微博|智能问答|读屏.*|邮箱|政务邮箱|联系我们|帮助)$/i;
const SEPARATORS = /[\s|｜丨/／·•]+/g;

const HEADER_WORDS = new Set([
  'header',
  'head',
  'hd',
  'top',
  'banner',
  'masthead',
  'logo',
  'toubu',
  'sitename',
]);
const NARROW_OK_WORDS = new Set(['logo', 'sitename']);
const NAV_WORDS = new Set(['nav', 'navbar', 'menu', 'daohang']);

/**
 * The lower-case words of id/class names, and each name run together:
 * `headerBox site_name` → header, box, site, name, headerbox, sitename.
 */
export function nameWords(idClass: string): string[] {
  const words = idClass
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
  const names = idClass.split(/\s+/).map((name) => name.toLowerCase().replace(/[^a-z]/g, ''));
  return [...new Set([...words, ...names])].filter((word) => word.length > 0);
}

function isNavigation(element: TopElement, words: string[]): boolean {
  return element.tag === 'nav' || element.role === 'navigation' || words.some((w) => NAV_WORDS.has(w));
}

function isWide(box: Box, viewportWidth: number): boolean {
  return box.width >= viewportWidth / 2;
}

/** A thin wide strip of channel links above the masthead (see the note at the top). */
export function isChannelStrip(element: TopElement, viewportWidth: number): boolean {
  if (element.box.height > HEADER_RULES.maxStripHeight || !isWide(element.box, viewportWidth)) return false;
  const items = (element.links ?? []).map((text) => text.replace(SEPARATORS, '')).filter((t) => t !== '');
  if (items.length < 2) return false;
  return items.filter((item) => CHANNEL_LINK.test(item)).length * 2 >= items.length;
}

function isLandmark(element: TopElement, words: string[], viewportWidth: number): boolean {
  if (element.tag === 'header' || element.role === 'banner') return true;
  if (isNavigation(element, words)) return false;
  const headerWords = words.filter((w) => HEADER_WORDS.has(w));
  if (headerWords.length === 0) return false;
  return isWide(element.box, viewportWidth) || headerWords.some((w) => NARROW_OK_WORDS.has(w));
}

/** Decides the header area from the visible elements near the top of the page. */
export function decideHeaderArea(elements: TopElement[], viewportWidth: number): HeaderArea {
  const withWords = elements
    .filter((e) => e.box.width > 0 && e.box.height > 0 && !isChannelStrip(e, viewportWidth))
    .map((element) => ({ element, words: nameWords(element.idClass) }));
  const navTops = withWords
    .filter(
      ({ element, words }) =>
        isNavigation(element, words) &&
        isWide(element.box, viewportWidth) &&
        element.box.y >= HEADER_RULES.minNavTop,
    )
    .map(({ element }) => element.box.y);
  const firstNavTop = Math.min(Number.POSITIVE_INFINITY, ...navTops);
  let lowest: TopElement | undefined;
  for (const { element, words } of withWords) {
    const { y, height } = element.box;
    if (y >= HEADER_RULES.maxTop || height > HEADER_RULES.maxHeight || y >= firstNavTop) continue;
    if (!isLandmark(element, words, viewportWidth)) continue;
    if (!lowest || y + height > lowest.box.y + lowest.box.height) lowest = element;
  }
  if (!lowest) {
    return { box: { x: 0, y: 0, width: viewportWidth, height: HEADER_RULES.topBand }, method: 'top-band' };
  }
  const bottom = lowest.box.y + lowest.box.height;
  const height = Math.min(HEADER_RULES.maxBand, Math.max(HEADER_RULES.minBand, Math.ceil(bottom)));
  return { box: { x: 0, y: 0, width: viewportWidth, height }, method: 'landmark', selector: lowest.selector };
}

/** True when the box's vertical centre lies within the header band; an empty box is never in it. */
export function isInHeader(box: Box | null, header: HeaderArea): boolean {
  if (!box || box.width <= 0 || box.height <= 0) return false;
  const centre = box.y + box.height / 2;
  return centre >= header.box.y && centre <= header.box.y + header.box.height;
}
