import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { collapse, isHiddenInline, NOT_TEXT } from './visible-text.ts';

/** One line of a page's text as a browser lays it out. */
export interface TextLine {
  /** All its visible words, whitespace collapsed. */
  text: string;
  /** Its words outside links (`<a>`), collapsed: '' for a menu entry or a list entry's title. */
  own: string;
}

/**
 * Elements that start a new line: a line ends where one of them starts or ends, and at a `<br>`. Inline
 * elements (span, font, strong, img, input…) stay within the line, so `<span>已归档</span><span>归档时间：
 * 2023-06-30</span>` is one line, as a reader sees it.
 */
const LINE_BREAKING = new Set(
  (
    'address article aside blockquote br caption center dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section summary table tbody td tfoot ' +
    'th thead tr ul iframe frame'
  ).split(' '),
);

const END_OF_ELEMENT = Symbol('end of element');
type Step = AnyNode | { end: typeof END_OF_ELEMENT; element: Element };

function isElement(node: AnyNode): node is Element {
  return 'name' in node && 'attribs' in node;
}

/**
 * The page's visible text cut into lines, in document order, empty lines left out. Scripts, styles and
 * elements hidden inline (`display:none`, `hidden`) are not text. Reading stops once `maxChars`
 * characters of text have been read, so a huge page costs no more than its start.
 */
export function textLines($: CheerioAPI, maxChars = 20_000): TextLine[] {
  const lines: TextLine[] = [];
  let text = '';
  let own = '';
  let inLinks = 0;
  let read = 0;
  const endLine = () => {
    const line = { text: collapse(text), own: collapse(own) };
    if (line.text !== '') lines.push(line);
    text = '';
    own = '';
  };
  const stack: Step[] = [...$.root().contents().toArray()].reverse();
  while (stack.length > 0 && read <= maxChars) {
    const step = stack.pop()!;
    if ('end' in step) {
      if (step.element.name === 'a') inLinks--;
      if (LINE_BREAKING.has(step.element.name)) endLine();
      continue;
    }
    if (step.nodeType === 3) {
      text += step.data;
      if (inLinks === 0) own += step.data;
      read += step.data.length;
    } else if (isElement(step) && !NOT_TEXT.has(step.name) && !isHiddenInline(step)) {
      if (LINE_BREAKING.has(step.name)) endLine();
      if (step.name === 'a') inLinks++;
      stack.push({ end: END_OF_ELEMENT, element: step });
      for (let i = step.children.length - 1; i >= 0; i--) stack.push(step.children[i]!);
    }
  }
  endLine();
  return lines;
}
