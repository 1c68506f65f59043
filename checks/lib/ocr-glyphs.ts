/**
 * OCR readings as runs of characters (glyphs), each with the confidence of the word it was read in:
 * the material the header name is matched against.
 */
import type { Box, OcrReading } from '../../crawlers/artifacts.ts';
import { compact } from './text.ts';

export interface Glyph {
  char: string;
  confidence: number;
  /** The height of its word, in page pixels. */
  height: number;
  /** For a cut character, the pieces tesseract read, as evidence shows them. */
  pieces?: string;
}

/** A line read (or two consecutive lines run together) in one region. */
export interface Candidate {
  glyphs: Glyph[];
  region: Box;
}

/** A surely read line: its Chinese characters, and whether unsure words were cut off its ends. */
export interface SureReading extends Candidate {
  cutStart: boolean;
  cutEnd: boolean;
}

/** Below this confidence tesseract did not read the word: an emblem, a decoration, a smudge. */
export const UNSURE = 50;
/** A sure reading: every Chinese character read at least UNSURE, this on average, at least 4 of them. */
const SURE_MEAN = 85;
const MIN_SURE = 4;

const CJK = /[\u3400-\u9fff]/;
/** Stands for a character tesseract cut into pieces; matches no character of a name. */
export const CUT_GLYPH = '\ufffd';
/** Pieces of a cut character: up to 3 ASCII or full-width marks between Chinese characters (川 → `)||`). */
const MAX_PIECES = 3;

/** Each line's glyphs, and each pair of consecutive lines run together (a name set on two lines). */
export function candidatesOf(reading: OcrReading): Candidate[] {
  const lines = reading.lines.map((line) =>
    joinPieces(
      line.words.flatMap((word) =>
        Array.from(compact(word.text)).map((char) => ({
          char,
          confidence: word.confidence,
          height: word.height,
        })),
      ),
    ),
  );
  const pairs = lines.slice(1).map((line, i) => [...lines[i]!, ...line]);
  return [...lines, ...pairs]
    .filter((glyphs) => glyphs.length > 0)
    .map((glyphs) => ({ glyphs, region: reading.region }));
}

/**
 * Small Chinese characters made of separate strokes (川, 小, 八) come out of tesseract as ASCII
 * pieces: `四)||省`. A run of at most three non-Chinese marks with Chinese on both sides is one
 * character read wrongly: one glyph, one edit from the right character, as sure as its surest piece.
 */
function joinPieces(glyphs: Glyph[]): Glyph[] {
  const out: Glyph[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    let end = i;
    while (end < glyphs.length && !CJK.test(glyphs[end]!.char)) end++;
    const run = end - i;
    const between = i > 0 && end < glyphs.length && CJK.test(glyphs[i - 1]!.char);
    if (run > 0 && run <= MAX_PIECES && between) {
      const pieces = glyphs.slice(i, end);
      out.push({
        char: CUT_GLYPH,
        pieces: textOf(pieces),
        confidence: Math.min(...pieces.map((p) => p.confidence)),
        height: Math.max(...pieces.map((p) => p.height)),
      });
      i = end - 1;
    } else {
      out.push(glyphs[i]!);
    }
  }
  return out;
}

/**
 * The candidate's Chinese characters when all were read surely, or null. Unsure words at its ends are
 * cut off (tesseract reads an emblem beside a name as a stray character); an unsure or cut character
 * inside it makes it unsure.
 */
export function sureReading(candidate: Candidate): SureReading | null {
  let start = 0;
  let end = candidate.glyphs.length;
  while (start < end && candidate.glyphs[start]!.confidence < UNSURE) start++;
  while (end > start && candidate.glyphs[end - 1]!.confidence < UNSURE) end--;
  const kept = candidate.glyphs.slice(start, end);
  if (kept.some((g) => g.char === CUT_GLYPH)) return null;
  const chinese = kept.filter((g) => CJK.test(g.char));
  if (chinese.length < MIN_SURE || chinese.some((g) => g.confidence < UNSURE)) return null;
  if (meanConfidence(chinese) < SURE_MEAN) return null;
  return {
    glyphs: chinese,
    region: candidate.region,
    cutStart: start > 0,
    cutEnd: end < candidate.glyphs.length,
  };
}

export function textOf(glyphs: readonly Glyph[]): string {
  return glyphs.map((g) => g.char).join('');
}

/** The text as tesseract read it, a cut character as its pieces. */
export function shownText(glyphs: readonly Glyph[]): string {
  return glyphs.map((g) => g.pieces ?? g.char).join('');
}

export function meanConfidence(glyphs: readonly Glyph[]): number {
  return Math.round(glyphs.reduce((sum, g) => sum + g.confidence, 0) / Math.max(1, glyphs.length));
}
