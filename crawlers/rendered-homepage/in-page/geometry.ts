/**
 * In-page helpers (boxes, text, selectors). Everything under `in-page/` runs inside the browser:
 * each function is serialized with `toString()` and sent in one script (see `page-extract.ts`), so
 * these functions may use only DOM globals, their arguments and each other (by name, declared with
 * `declare function` where a file uses another file's helper) — never an import or module variable.
 */
import type { Box } from '../../artifacts.ts';

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
  const inner = Array.from(element.querySelectorAll('*'))
    .slice(0, 20)
    .map((child) => pageBox(child.getBoundingClientRect()));
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

/** A short CSS path for evidence: up to four steps, stopping at the nearest element with an id. */
export function cssPath(element: Element): string {
  const steps: string[] = [];
  let current: Element | null = element;
  while (current && steps.length < 4) {
    const tag = current.tagName.toLowerCase();
    if (current.id) {
      steps.unshift(`${tag}#${CSS.escape(current.id)}`);
      break;
    }
    let step = tag;
    const firstClass = current.classList[0];
    if (firstClass) step += `.${CSS.escape(firstClass)}`;
    const parent: Element | null = current.parentElement;
    if (parent) {
      const siblings = Array.from(parent.children);
      const alike = siblings.filter(
        (c) => c.tagName === current?.tagName && (!firstClass || c.classList.contains(firstClass)),
      );
      if (alike.length > 1) {
        const sameTag = siblings.filter((c) => c.tagName === current?.tagName);
        step += `:nth-of-type(${sameTag.indexOf(current) + 1})`;
      }
    }
    steps.unshift(step);
    if (tag === 'body') break;
    current = parent;
  }
  return steps.join(' > ');
}
