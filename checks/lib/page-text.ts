import type { RenderedHomepage, RenderedText } from '../../crawlers/artifacts.ts';
import { excerpt, toHalfWidth } from './text.ts';

/**
 * The texts of the rendered homepage joined in document order, so that a label and its value written in
 * two elements ('<span>网站标识码：</span><span>5100000062</span>') are read together.
 */
export interface JoinedText {
  text: string;
  /** `text` with full-width digits and letters made ASCII, character for character: what patterns read. */
  normalized: string;
  /** Each piece's element and where its text starts in `text`. */
  pieces: { start: number; element: RenderedText }[];
}

/** A match in the joined text, with the element it starts in and the text around it, for evidence. */
export interface TextMatch {
  /** The matched text, as the page shows it. */
  match: string;
  /** The pattern's groups, with ASCII digits and letters. */
  groups: (string | undefined)[];
  element: RenderedText;
  context: string;
}

/**
 * Labels whose number may stand in an element inside theirs: `emptyLabel` (global) finds each label an
 * element's own text leaves without its number, `number` is the whole text of an element holding one.
 */
export interface NumbersInside {
  emptyLabel: RegExp;
  number: RegExp;
}

/**
 * Joins the visible (or, with `visible: false`, the hidden) texts of the homepage. An element's own
 * text comes before the texts of the elements inside it: '<p>网站标识码：<span>5101000001</span>
 * ICP备案号：<a>蜀ICP备…</a></p>' arrives as '网站标识码： ICP备案号：', '5101000001', '蜀ICP备…'. When
 * the labels of `inside` left empty in an element's text are as many as the elements inside it that
 * hold only a number, each number is read in its label's place, in order.
 */
export function joinTexts(home: RenderedHomepage, visible: boolean, inside: NumbersInside): JoinedText {
  const texts = home.texts.filter((t) => t.visible === visible);
  const pieces: JoinedText['pieces'] = [];
  let text = '';
  const add = (element: RenderedText, part: string, separator = ' ') => {
    if (part.trim() === '') return;
    if (text !== '') text += separator;
    pieces.push({ start: text.length, element });
    text += part;
  };
  const placed = new Set<number>();
  texts.forEach((outer, index) => {
    if (placed.has(index)) return;
    const numbers = numbersInside(texts, index, inside.number);
    const ends = labelEnds(outer.text, inside.emptyLabel);
    if (numbers.length === 0 || numbers.length !== ends.length) {
      add(outer, outer.text);
      return;
    }
    let from = 0;
    numbers.forEach((at, k) => {
      add(outer, outer.text.slice(from, ends[k]));
      add(texts[at]!, texts[at]!.text, '');
      placed.add(at);
      from = ends[k]!;
    });
    add(outer, outer.text.slice(from));
  });
  return { text, normalized: toHalfWidth(text), pieces };
}

function labelEnds(text: string, emptyLabel: RegExp): number[] {
  return [...toHalfWidth(text).matchAll(emptyLabel)].map((m) => m.index + m[0].length);
}

/** Indexes of the texts right after `texts[index]`, inside its element, that are a number alone. */
function numbersInside(texts: RenderedText[], index: number, number: RegExp): number[] {
  const found: number[] = [];
  for (let j = index + 1; j < texts.length && isInside(texts[j]!, texts[index]!); j++) {
    if (number.test(toHalfWidth(texts[j]!.text).trim())) found.push(j);
  }
  return found;
}

/**
 * Whether `inner`'s element lies inside `outer`'s, judged by their CSS paths (up to four steps each,
 * from the nearest element with an id): the path to some ancestor of `inner` ends as `outer`'s does.
 * An inner element with an id of its own cannot be placed and is not counted inside.
 */
function isInside(inner: RenderedText, outer: RenderedText): boolean {
  const steps = inner.selector.split(' > ');
  const outerSteps = outer.selector.split(' > ');
  for (let cut = 1; cut < steps.length; cut++) {
    const above = steps.slice(0, steps.length - cut);
    if (above.length > outerSteps.length) continue;
    const tail = outerSteps.slice(outerSteps.length - above.length);
    if (above.every((step, k) => step === tail[k])) return true;
  }
  return false;
}

/** The first match of `pattern` (no `g` flag) in the joined text, or null. */
export function findText(joined: JoinedText, pattern: RegExp): TextMatch | null {
  const found = pattern.exec(joined.normalized);
  if (found === null) return null;
  let element = joined.pieces[0]!.element;
  for (const piece of joined.pieces) {
    if (piece.start > found.index) break;
    element = piece.element;
  }
  return {
    match: joined.text.slice(found.index, found.index + found[0].length),
    groups: found.slice(1),
    element,
    context: excerpt(joined.text, found.index, found.index + found[0].length, 30),
  };
}

/** The end of the joined text, where footers are: what a reader sees there when an identifier is missing. */
export function pageEnd(joined: JoinedText, length = 200): string {
  return joined.text.length <= length ? joined.text : `…${joined.text.slice(-length)}`;
}
