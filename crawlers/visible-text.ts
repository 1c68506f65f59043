import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Elements whose content a reader never sees as page text. */
export const NOT_TEXT: ReadonlySet<string> = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'object',
]);

/**
 * Elements that start a new line when rendered: their boundaries become spaces, while inline tags
 * (<span>已</span>归档) are joined without one, as a reader sees them.
 */
const BLOCK = new Set(
  (
    'address article aside blockquote br caption dd details div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr li main nav ol option p pre section summary table tbody td tfoot th thead tr ul ' +
    'button input select textarea img frame iframe'
  ).split(' '),
);

/** Collapses runs of whitespace (including full-width and non-breaking spaces) into one space and trims. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

export function isHiddenInline(element: Element): boolean {
  return 'hidden' in element.attribs || /display\s*:\s*none/i.test(element.attribs.style ?? '');
}

/** Marks the end of a block element on the walk stack. */
const BOUNDARY = Symbol('block boundary');

function isElement(node: AnyNode): node is Element {
  return 'name' in node && 'attribs' in node;
}

/**
 * The text of the page a reader can see, collapsed, at most `maxChars` characters: scripts, styles,
 * templates and elements hidden with an inline `display:none` (or the `hidden` attribute) are left out.
 */
export function visibleText($: CheerioAPI, maxChars: number): string {
  const parts: string[] = [];
  let length = 0;
  const stack: (AnyNode | typeof BOUNDARY)[] = [...$.root().contents().toArray()].reverse();
  while (stack.length > 0 && length <= maxChars * 2) {
    const node = stack.pop()!;
    if (node === BOUNDARY) {
      parts.push(' ');
      continue;
    }
    if (node.nodeType === 3) {
      parts.push(node.data);
      length += node.data.length;
    } else if (isElement(node) && !NOT_TEXT.has(node.name) && !isHiddenInline(node)) {
      const block = BLOCK.has(node.name);
      if (block) parts.push(' ');
      if (block) stack.push(BOUNDARY);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return collapse(parts.join('')).slice(0, maxChars);
}
