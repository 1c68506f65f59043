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

/** Joins the visible (or, with `visible: false`, the hidden) texts of the homepage. */
export function joinTexts(home: RenderedHomepage, visible: boolean): JoinedText {
  const pieces: JoinedText['pieces'] = [];
  let text = '';
  for (const element of home.texts) {
    if (element.visible !== visible) continue;
    if (text !== '') text += ' ';
    pieces.push({ start: text.length, element });
    text += element.text;
  }
  return { text, normalized: toHalfWidth(text), pieces };
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
