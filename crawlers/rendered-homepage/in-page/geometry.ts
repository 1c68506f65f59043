/**
 * In-page helpers (boxes, text, selectors). Everything under `in-page/` runs inside the browser:
 * each function is serialized with `toString()` and sent in one script (see `page-extract.ts`), so
 * these functions may use only DOM globals, their arguments and each other by name — never a value
 * import or a module variable. A file that calls another file's helper declares it with
 * `declare const name: typeof import('./file.ts').name`, which keeps the types and emits nothing.
 */
import type { Box, HiddenReason } from '../../artifacts.ts';

/** Per-extraction memo, so that one walk over a huge portal stays linear in its size. */
export interface Memo {
  styles: Map<Element, CSSStyleDeclaration>;
  /** The hiding an element passes on to everything inside it (display, opacity, clip). */
  hiding: Map<Element, HiddenReason | null>;
  /** The overflow clipping an element's in-flow content undergoes (see `contentClip`). */
  clips: Map<Element, HiddenReason | null>;
  /** The clipping an absolutely positioned box inside the element undergoes (its containing block's). */
  absoluteClips: Map<Element, HiddenReason | null>;
  /** The clipping a fixed box inside the element undergoes (a transformed ancestor's, or none). */
  fixedClips: Map<Element, HiddenReason | null>;
  /** What a reader sees of an element as an item of its own (see `drawnOf`). */
  drawn: Map<Element, Drawn>;
  /** Each element's step in a CSS path. */
  steps: Map<Element, string>;
  /** The box that places an element on the page (see `placingBox`). */
  places: Map<Element, Box | null>;
  /** Elements with a click listener, as the browser's developer tools report them. */
  clickTargets: Set<Element>;
}

/** What a reader sees of an element: the box of its visible parts, or why nothing of it shows. */
export interface Drawn {
  box: Box | null;
  reason: HiddenReason | null;
}

export function newMemo(clickTargets: Element[]): Memo {
  return {
    styles: new Map(),
    hiding: new Map(),
    clips: new Map(),
    absoluteClips: new Map(),
    fixedClips: new Map(),
    drawn: new Map(),
    steps: new Map(),
    places: new Map(),
    clickTargets: new Set(clickTargets),
  };
}

/** The element's computed style, looked up once per extraction. */
export function styleOf(element: Element, memo: Memo): CSSStyleDeclaration {
  let style = memo.styles.get(element);
  if (!style) {
    style = getComputedStyle(element);
    memo.styles.set(element, style);
  }
  return style;
}

/** Collapses all whitespace (incl. &nbsp; and the ideographic space) to single spaces, trimmed. */
export function collapseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A viewport rectangle turned into a page-coordinate box, rounded to whole pixels. */
export function pageBox(rect: DOMRect): Box {
  return {
    x: Math.round(rect.left + window.scrollX),
    y: Math.round(rect.top + window.scrollY),
    width: Math.round(rect.width),
    height: Math.round(rect.height),
  };
}

export function hasArea(box: Box): boolean {
  return box.width > 0 && box.height > 0;
}

/** The smallest box holding all the given boxes that have an area; null when none has. */
export function unionBoxes(boxes: Box[]): Box | null {
  const solid = boxes.filter(hasArea);
  if (solid.length === 0) return null;
  const left = Math.min(...solid.map((b) => b.x));
  const top = Math.min(...solid.map((b) => b.y));
  const right = Math.max(...solid.map((b) => b.x + b.width));
  const bottom = Math.max(...solid.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The union of the boxes the element itself is laid out in (its client rects), null when none has an area. */
export function ownRectsBox(element: Element): Box | null {
  return unionBoxes(Array.from(element.getClientRects()).map(pageBox));
}

/** The box a text node is laid out in; null when it is blank or not laid out. */
export function textNodeBox(node: Node): Box | null {
  if (!node.nodeValue?.trim()) return null;
  const range = document.createRange();
  range.selectNodeContents(node);
  return unionBoxes(Array.from(range.getClientRects()).map(pageBox));
}

/** The box of an element's own (direct) text nodes, as laid out; null when they have none. */
export function ownTextBox(element: Element): Box | null {
  const boxes: Box[] = [];
  for (const node of Array.from(element.childNodes)) {
    const box = node.nodeType === Node.TEXT_NODE ? textNodeBox(node) : null;
    if (box) boxes.push(box);
  }
  return unionBoxes(boxes);
}

/**
 * Memoizes the CSS path step of every child of `parent`: tag, then `#id` or the first class, then
 * `:nth-of-type()` when a sibling would match the same step.
 */
export function memoizeSteps(parent: Element, memo: Memo): void {
  const children = Array.from(parent.children);
  const byTag = new Map<string, number>();
  const byTagClass = new Map<string, number>();
  for (const child of children) {
    byTag.set(child.tagName, (byTag.get(child.tagName) ?? 0) + 1);
    for (const name of Array.from(child.classList)) {
      const key = `${child.tagName}.${name}`;
      byTagClass.set(key, (byTagClass.get(key) ?? 0) + 1);
    }
  }
  const seen = new Map<string, number>();
  for (const child of children) {
    const index = (seen.get(child.tagName) ?? 0) + 1;
    seen.set(child.tagName, index);
    const tag = child.tagName.toLowerCase();
    if (child.id) {
      memo.steps.set(child, `${tag}#${CSS.escape(child.id)}`);
      continue;
    }
    const firstClass = child.classList[0];
    const alike = firstClass ? byTagClass.get(`${child.tagName}.${firstClass}`) : byTag.get(child.tagName);
    const step = firstClass ? `${tag}.${CSS.escape(firstClass)}` : tag;
    memo.steps.set(child, (alike ?? 0) > 1 ? `${step}:nth-of-type(${index})` : step);
  }
}

/** A short CSS path for evidence: up to four steps, stopping at the nearest element with an id. */
export function cssPath(element: Element, memo: Memo): string {
  const steps: string[] = [];
  for (let current: Element | null = element; current && steps.length < 4; current = current.parentElement) {
    const parent = current.parentElement;
    if (!parent) {
      steps.unshift(current.tagName.toLowerCase());
      break;
    }
    if (!memo.steps.has(current)) memoizeSteps(parent, memo);
    const step = memo.steps.get(current) ?? current.tagName.toLowerCase();
    steps.unshift(step);
    if (current.id || current.tagName === 'BODY') break;
  }
  return steps.join(' > ');
}
