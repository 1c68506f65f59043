/**
 * In-page visibility (see the note at the top of `geometry.ts`: this runs in the browser). What the
 * styles up the tree do: display, visibility, opacity, clip, and overflow as CSS applies it (to block
 * containers only, and to an absolutely positioned box only from its containing block outwards).
 * What the element's boxes show is in `drawn.ts`.
 */
import type { Box, HiddenReason } from '../../artifacts.ts';
import type { Memo } from './geometry.ts';

declare const hasArea: typeof import('./geometry.ts').hasArea;
declare const styleOf: typeof import('./geometry.ts').styleOf;

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

/** What an element does to hide itself and everything inside it (overflow aside), ignoring its ancestors. */
export function ownHiding(style: CSSStyleDeclaration): HiddenReason | null {
  if (style.display === 'none') return 'display-none';
  if (Number.parseFloat(style.opacity) === 0) return 'transparent';
  if (clipsToNothing(style)) return 'clipped';
  return null;
}

/**
 * The hiding an element undergoes from itself and its ancestors: display:none anywhere up the tree
 * wins; otherwise the nearest hiding element's reason.
 */
export function inheritedHiding(element: Element, memo: Memo): HiddenReason | null {
  const known = memo.hiding.get(element);
  if (known !== undefined) return known;
  const own = ownHiding(styleOf(element, memo));
  const parent = element.parentElement;
  const above = parent ? inheritedHiding(parent, memo) : null;
  const reason = above === 'display-none' ? above : (own ?? above);
  memo.hiding.set(element, reason);
  return reason;
}

/**
 * What an element's own overflow does to its content: nothing, unless its box clips everything
 * away (zero, or one pixel, wide or tall). Overflow does not apply to inline boxes: an inline `<a>`
 * with overflow:hidden around a floated image clips nothing.
 */
export function ownOverflowClip(element: Element, memo: Memo): HiddenReason | null {
  const style = styleOf(element, memo);
  if (style.overflowX === 'visible' && style.overflowY === 'visible') return null;
  if (style.display === 'inline' || style.display === 'contents') return null;
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return 'zero-size';
  if (rect.width <= 1 || rect.height <= 1) return 'clipped';
  return null;
}

/** The overflow clipping an element's in-flow content (its text, its static children) undergoes. */
export function contentClip(element: Element, memo: Memo): HiddenReason | null {
  const known = memo.clips.get(element);
  if (known !== undefined) return known;
  const reason = ownOverflowClip(element, memo) ?? boxClip(element, memo);
  memo.clips.set(element, reason);
  return reason;
}

/**
 * The overflow clipping an element's own box undergoes. An absolutely positioned box is clipped
 * only by its containing block (the nearest positioned or transformed ancestor) and what clips that;
 * a fixed box only by a transformed ancestor. So a zero-height wrapper with overflow:hidden does not
 * hide the absolutely positioned badge inside it, unless the wrapper is itself positioned.
 */
export function boxClip(element: Element, memo: Memo): HiddenReason | null {
  const parent = element.parentElement;
  if (!parent) return null;
  const position = styleOf(element, memo).position;
  if (position === 'absolute' || position === 'fixed') return positionedClip(parent, position, memo);
  return contentClip(parent, memo);
}

/** The clipping an absolutely positioned or fixed box inside `element` undergoes. */
export function positionedClip(
  element: Element,
  position: 'absolute' | 'fixed',
  memo: Memo,
): HiddenReason | null {
  const cache = position === 'absolute' ? memo.absoluteClips : memo.fixedClips;
  const known = cache.get(element);
  if (known !== undefined) return known;
  const style = styleOf(element, memo);
  const transformed = style.transform !== 'none' || style.filter !== 'none' || style.perspective !== 'none';
  const contains = transformed || (position === 'absolute' && style.position !== 'static');
  const parent = element.parentElement;
  const reason = contains
    ? contentClip(element, memo)
    : parent
      ? positionedClip(parent, position, memo)
      : null;
  cache.set(element, reason);
  return reason;
}

/** Why an element's box is hidden by styles (its own and its ancestors'), overflow of its own aside. */
export function boxHiding(element: Element, memo: Memo): HiddenReason | null {
  const inherited = inheritedHiding(element, memo);
  if (inherited === 'display-none') return inherited;
  if (styleOf(element, memo).visibility !== 'visible') return 'visibility-hidden';
  return inherited ?? boxClip(element, memo);
}

/**
 * Why what is drawn in `box` for an element's content (its own text, or the element as a container)
 * is not visible, or null when it is: the styles up the tree, the element's own overflow, and the box.
 */
export function hiddenReasonOf(element: Element, box: Box, memo: Memo): HiddenReason | null {
  const reason = boxHiding(element, memo) ?? ownOverflowClip(element, memo);
  if (reason) return reason;
  if (!hasArea(box)) return 'zero-size';
  if (isOffPage(box)) return 'off-page';
  return null;
}
