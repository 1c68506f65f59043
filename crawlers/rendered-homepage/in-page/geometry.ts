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
  /** The hiding an element passes on to everything inside it. */
  hiding: Map<Element, HiddenReason | null>;
  /** Each element's step in a CSS path. */
  steps: Map<Element, string>;
  /** The box that places an element on the page (see `placingBox`). */
  places: Map<Element, Box | null>;
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

/**
 * The element's box; for an inline wrapper with no area of its own (an `<a>` around a block
 * `<img>`), the union of its first descendants' boxes.
 */
export function elementBox(element: Element): Box {
  const own = pageBox(element.getBoundingClientRect());
  if (hasArea(own) || element.children.length === 0) return own;
  const inner: Box[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node && inner.length < 20; node = walker.nextNode()) {
    inner.push(pageBox((node as Element).getBoundingClientRect()));
  }
  return unionBoxes(inner) ?? own;
}

/** The box of an element's own (direct) text nodes, as laid out; null when they have none. */
export function ownTextBox(element: Element): Box | null {
  const boxes: Box[] = [];
  const range = document.createRange();
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType !== Node.TEXT_NODE || !node.nodeValue?.trim()) continue;
    range.selectNodeContents(node);
    for (const rect of Array.from(range.getClientRects())) boxes.push(pageBox(rect));
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
