/** In-page visibility helpers (see the note at the top of `geometry.ts`: these run in the browser). */
import type { Box, HiddenReason } from '../../artifacts.ts';
import type { Memo } from './geometry.ts';

declare const hasArea: typeof import('./geometry.ts').hasArea;
declare const elementBox: typeof import('./geometry.ts').elementBox;

/** Left, above or far right of the page: where text-indent:-9999px and left:-9999px tricks put things. */
export function isOffPage(box: Box): boolean {
  const pageWidth = Math.max(
    window.innerWidth,
    document.body ? document.body.offsetWidth : 0,
    document.documentElement.offsetWidth,
  );
  return box.x + box.width <= 0 || box.y + box.height <= 0 || box.x >= pageWidth;
}

export function clipsToNothing(style: CSSStyleDeclaration): boolean {
  const clipPath = style.clipPath;
  if (/inset\(\s*(50|100)%/.test(clipPath) || /circle\(\s*0(px)?[\s)]/.test(clipPath)) return true;
  const clip = style.clip.match(/rect\(([^)]*)\)/);
  if (!clip?.[1] || !/absolute|fixed/.test(style.position)) return false;
  const [top = 0, right = 0, bottom = 0, left = 0] = clip[1]
    .split(/[\s,]+/)
    .map((v) => Number.parseFloat(v) || 0);
  return right - left <= 1 || bottom - top <= 1;
}

/** What an element itself does to hide its content, ignoring its ancestors. */
export function ownHiding(element: Element): HiddenReason | null {
  const style = getComputedStyle(element);
  if (style.display === 'none') return 'display-none';
  if (Number.parseFloat(style.opacity) === 0) return 'transparent';
  if (clipsToNothing(style)) return 'clipped';
  if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return 'zero-size';
    if (rect.width <= 1 || rect.height <= 1) return 'clipped';
  }
  return null;
}

/**
 * The hiding an element undergoes from itself and its ancestors: display:none anywhere up the tree
 * wins; otherwise the nearest hiding element's reason.
 */
export function inheritedHiding(element: Element, memo: Memo): HiddenReason | null {
  const known = memo.hiding.get(element);
  if (known !== undefined) return known;
  const own = ownHiding(element);
  const parent = element.parentElement;
  const above = parent ? inheritedHiding(parent, memo) : null;
  const reason = above === 'display-none' ? above : (own ?? above);
  memo.hiding.set(element, reason);
  return reason;
}

/** Why the thing drawn in `box` for `element` is not visible, or null when it is. */
export function hiddenReasonOf(element: Element, box: Box, memo: Memo): HiddenReason | null {
  const inherited = inheritedHiding(element, memo);
  if (inherited === 'display-none') return inherited;
  if (getComputedStyle(element).visibility !== 'visible') return 'visibility-hidden';
  if (inherited) return inherited;
  if (!hasArea(box)) return 'zero-size';
  if (isOffPage(box)) return 'off-page';
  return null;
}

/**
 * The box that places a hidden element on the page: its own when that has an area on the page,
 * else its nearest ancestor's that has — so a hidden name inside the header is placed in the header.
 */
export function placingBox(element: Element, memo: Memo): Box | null {
  const known = memo.places.get(element);
  if (known !== undefined) return known;
  const box = elementBox(element);
  const parent = element.parentElement;
  const place = hasArea(box) && !isOffPage(box) ? box : parent ? placingBox(parent, memo) : null;
  memo.places.set(element, place);
  return place;
}
