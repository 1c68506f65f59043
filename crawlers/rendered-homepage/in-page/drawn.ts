/**
 * What a reader sees of an element as an item of its own: a link, an image (see the note at the top
 * of `geometry.ts`: this runs in the browser).
 */
import type { Box, HiddenReason } from '../../artifacts.ts';
import type { Drawn, Memo } from './geometry.ts';

declare const ownRectsBox: typeof import('./geometry.ts').ownRectsBox;
declare const textNodeBox: typeof import('./geometry.ts').textNodeBox;
declare const unionBoxes: typeof import('./geometry.ts').unionBoxes;
declare const pageBox: typeof import('./geometry.ts').pageBox;
declare const hasArea: typeof import('./geometry.ts').hasArea;
declare const isOffPage: typeof import('./visibility.ts').isOffPage;
declare const boxHiding: typeof import('./visibility.ts').boxHiding;
declare const ownOverflowClip: typeof import('./visibility.ts').ownOverflowClip;

/**
 * As a browser draws it: hidden by the styles up the tree, else the element's own rendered boxes
 * (its client rects); a box with no area of its own (an inline `<a>` around a floated or block
 * image, a wrapper whose content is absolutely positioned) shows what its contents show. Each
 * element is measured once per extraction.
 */
export function drawnOf(element: Element, memo: Memo): Drawn {
  const known = memo.drawn.get(element);
  if (known) return known;
  const hiding = boxHiding(element, memo);
  const own = ownRectsBox(element);
  let drawn: Drawn;
  if (hiding) drawn = { box: own, reason: hiding };
  else if (own)
    drawn = { box: own, reason: ownOverflowClip(element, memo) ?? (isOffPage(own) ? 'off-page' : null) };
  else drawn = drawnContents(element, memo);
  memo.drawn.set(element, drawn);
  return drawn;
}

/** The union of the visible boxes of an element's children and text; else the first child's reason. */
export function drawnContents(element: Element, memo: Memo): Drawn {
  const boxes: Box[] = [];
  let reason: HiddenReason | null = null;
  const textClipped = ownOverflowClip(element, memo) !== null;
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      const box = textClipped ? null : textNodeBox(child);
      if (box && !isOffPage(box)) boxes.push(box);
      else if (box) reason ??= 'off-page';
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const drawn = drawnOf(child as Element, memo);
      if (drawn.box && !drawn.reason) boxes.push(drawn.box);
      else reason ??= drawn.reason;
    }
  }
  const box = unionBoxes(boxes);
  return box ? { box, reason: null } : { box: null, reason: reason ?? 'zero-size' };
}

/**
 * The box that places a hidden element on the page: its own when that has an area on the page,
 * else its nearest ancestor's that has — so a hidden name inside the header is placed in the header.
 */
export function placingBox(element: Element, memo: Memo): Box | null {
  const known = memo.places.get(element);
  if (known !== undefined) return known;
  const box = drawnOf(element, memo).box ?? pageBox(element.getBoundingClientRect());
  const parent = element.parentElement;
  const place = hasArea(box) && !isOffPage(box) ? box : parent ? placingBox(parent, memo) : null;
  memo.places.set(element, place);
  return place;
}
