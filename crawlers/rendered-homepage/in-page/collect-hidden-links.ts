/**
 * Links to other hosts that readers do not see: the candidates of 暗链 that hidden-links judges (see
 * the note at the top of `geometry.ts`: this runs in the browser). Hidden as `drawn.ts` decides, or
 * drawn yet unseen: a font size of 0, text in the colour of its background, a marquee of no height, a
 * frame of a pixel or two.
 */
import type { HiddenLink, LinkHiding, PageRedirect } from '../../artifacts.ts';
import type { ExtractionLimits } from '../page-extract.ts';
import type { Memo } from './geometry.ts';

declare const styleOf: typeof import('./geometry.ts').styleOf;
declare const cssPath: typeof import('./geometry.ts').cssPath;
declare const collapseText: typeof import('./geometry.ts').collapseText;
declare const drawnOf: typeof import('./drawn.ts').drawnOf;
declare const linkText: typeof import('./collect-links.ts').linkText;
declare const drawnBy: typeof import('./collect-links.ts').drawnBy;

/** An http(s) URL on a host other than the page's own ("www." aside). */
export function isForeign(url: string): boolean {
  try {
    const target = new URL(url, location.href);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
    const bare = (host: string) => host.toLowerCase().replace(/^www\./, '');
    return bare(target.host) !== bare(location.host);
  } catch {
    return false;
  }
}

/** A computed colour as [r, g, b, alpha]; null for what is not rgb()/rgba(). */
export function parseColour(value: string): number[] | null {
  const match = value.match(/rgba?\(([^)]*)\)/);
  if (!match?.[1]) return null;
  const [r = 0, g = 0, b = 0, a = 1] = match[1]
    .split(/[\s,/]+/)
    .filter((part) => part !== '')
    .map((part) => Number.parseFloat(part));
  return [r, g, b, a];
}

/** The colour drawn behind an element: the nearest opaque background up the tree; null under an image. */
export function backgroundColourOf(element: Element, memo: Memo): number[] | null {
  for (let current: Element | null = element; current; current = current.parentElement) {
    const style = styleOf(current, memo);
    if (style.backgroundImage !== 'none') return null;
    const colour = parseColour(style.backgroundColor);
    if (colour && (colour[3] ?? 0) > 0) return colour;
  }
  return [255, 255, 255, 1];
}

/** How a drawn link's text goes unseen: every element holding its text at size 0, or in the background's colour. */
export function textHiding(link: Element, memo: Memo): LinkHiding | null {
  if (link.querySelector('img, svg, canvas')) return null;
  const holders = new Set<Element>();
  const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.trim() && node.parentElement) holders.add(node.parentElement);
  }
  if (holders.size === 0) return null;
  const all = (test: (holder: Element) => boolean) => Array.from(holders).every(test);
  if (all((holder) => Number.parseFloat(styleOf(holder, memo).fontSize) === 0)) return 'font-size-zero';
  const unseen = (holder: Element) => {
    const colour = parseColour(styleOf(holder, memo).color);
    const background = backgroundColourOf(holder, memo);
    // Under a background image the text may be replaced by the picture: nothing to compare.
    if (!colour || !background) return false;
    if ((colour[3] ?? 1) === 0) return true;
    return colour.slice(0, 3).every((c, i) => Math.abs(c - (background[i] ?? 0)) <= 8);
  };
  return all(unseen) ? 'same-colour' : null;
}

/** Why a reader does not see a link, or null when they do. */
export function linkHiding(link: Element, memo: Memo): LinkHiding | null {
  const marquee = link.closest('marquee');
  if (marquee) {
    const rect = marquee.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return 'marquee';
  }
  const reason = drawnOf(drawnBy(link), memo).reason;
  // Text at size 0 leaves the link no area either: the trick is the more telling reason.
  return reason && reason !== 'zero-size' ? reason : (textHiding(link, memo) ?? reason);
}

/** Names of the containers menus hide their drop-downs in. */
export function isMenuName(element: Element): boolean {
  const name = `${element.id} ${element.getAttribute('class') ?? ''}`;
  return /nav|menu|drop|sub|child|second|erji|xiala|popup/i.test(name);
}

/**
 * Whether the element that hides a link (display:none or visibility:hidden, the outermost such) is a
 * menu's drop-down: inside a menu entry (li, dd), or it or its parent named as a menu.
 */
export function inMenu(link: Element, memo: Memo): boolean {
  let hider: Element | null = null;
  for (let current: Element | null = link; current; current = current.parentElement) {
    const style = styleOf(current, memo);
    const parentStyle = current.parentElement ? styleOf(current.parentElement, memo) : null;
    if (
      style.display === 'none' ||
      (style.visibility !== 'visible' && parentStyle?.visibility === 'visible')
    ) {
      hider = current;
    }
  }
  const parent = hider?.parentElement;
  if (!hider || !parent) return false;
  return /^(LI|DD)$/.test(parent.tagName) || isMenuName(hider) || isMenuName(parent);
}

/** Why a reader does not see a frame, or null when they do: hidden, or showing a pixel or two inside its border. */
export function frameHiding(frame: Element, memo: Memo): LinkHiding | null {
  const reason = drawnOf(frame, memo).reason;
  if (reason) return reason;
  return frame.clientWidth <= 2 || frame.clientHeight <= 2 ? 'tiny-frame' : null;
}

export function collectHiddenLinks(limits: ExtractionLimits, memo: Memo): HiddenLink[] {
  const found: HiddenLink[] = [];
  for (const element of Array.from(document.querySelectorAll('a[href], area[href], iframe[src]'))) {
    if (found.length >= limits.hiddenLinks) break;
    const frame = element.tagName === 'IFRAME';
    const target = frame ? (element as HTMLIFrameElement).src : (element as HTMLAnchorElement).href;
    if (!isForeign(target)) continue;
    const how = frame ? frameHiding(element, memo) : linkHiding(element, memo);
    if (!how) continue;
    const title = element.getAttribute('title');
    found.push({
      target,
      text: frame ? '' : linkText(element).slice(0, limits.linkTextLength),
      ...(title ? { title: collapseText(title) } : {}),
      selector: cssPath(element, memo),
      how,
      html: element.outerHTML.slice(0, limits.hiddenLinkHtml),
      ...(!frame && (how === 'display-none' || how === 'visibility-hidden') && inMenu(element, memo)
        ? { inMenu: true }
        : {}),
    });
  }
  return found;
}

/** Meta refreshes to other hosts, taking effect now or later. */
export function collectMetaRedirects(): PageRedirect[] {
  return Array.from(document.querySelectorAll('meta[http-equiv]')).flatMap((meta) => {
    if (meta.getAttribute('http-equiv')?.trim().toLowerCase() !== 'refresh') return [];
    const url = (meta.getAttribute('content') ?? '').match(/url\s*=\s*['"]?([^'"\s]+)/i)?.[1];
    if (!url || !isForeign(url)) return [];
    return [{ target: new URL(url, location.href).href, by: 'meta-refresh' as const }];
  });
}
