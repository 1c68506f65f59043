/**
 * What OCR readings of the header's images say about the registered name: the name read (tolerating
 * OCR noise), a confident reading of another name, or nothing that decides.
 *
 * - *The full name*: some stretch of a line (or of two consecutive lines: a name set on two lines) is
 *   within one edit per six characters of the name (Levenshtein, whitespace ignored: a 7-character
 *   name may have one character misread, a 5-character one none), its characters read with a mean
 *   confidence of 80 or more.
 * - *A confident reading*: a line whose Chinese characters were each read with confidence 85 or
 *   more, 90 on average, at least 4 of them; unsure words (under 50) at its ends are left out, as
 *   tesseract reads an emblem beside a name as a stray character.
 * - *A shortened name* (成都市政府 for 成都市人民政府): a confident reading that keeps at least 60 % of
 *   the name's characters in order, but not all of them.
 * - *Another body's name* (四川省人民政府 on a department's header): a confident reading that ends as
 *   a body's name does (人民政府, 厅, 局, 委员会, 办公室…), keeps less than 60 % of the name, while
 *   nothing read anywhere keeps 60 % of it and nothing as tall went unread (an unsure word at least
 *   0.8 times its median height: an emblem, or a calligraphic name tesseract cannot read, might be the name).
 * A reading that holds every character of the name in order with others between them decides nothing.
 */
import { distance } from 'fastest-levenshtein';
import type { Box, HeaderOcr, OcrReading } from '../../crawlers/artifacts.ts';
import { commonSubsequenceLength, compact } from './text.ts';

export const OCR_RULES = {
  editsPerCharacter: 1 / 6,
  matchConfidence: 80,
  sureCharacter: 85,
  sureMean: 90,
  minReading: 4,
  unsure: 50,
  shortenedShare: 0.6,
  unreadHeightShare: 0.8,
} as const;

const CJK = /[\u3400-\u9fff]/;
const BODY_ENDING = /(人民政府|政府|委员会|管委会|办公厅|办公室|办事处|厅|局|委|署|院)$/;

interface Glyph {
  char: string;
  confidence: number;
  height: number;
}

interface Candidate {
  glyphs: Glyph[];
  region: Box;
}

/** What was read and how surely, for evidence. */
export interface OcrText {
  text: string;
  /** Mean confidence of its characters, 0–100, rounded. */
  confidence: number;
  region: Box;
}

export type OcrJudgement =
  | ({ kind: 'full-name'; edits: number } & OcrText)
  | ({ kind: 'shortened' | 'other-body' } & OcrText)
  | { kind: 'undecided' };

export function judgeOcr(ocr: HeaderOcr, fullName: string): OcrJudgement {
  const name = Array.from(compact(fullName));
  const candidates = ocr.readings.flatMap(candidatesOf);
  const match = bestMatch(candidates, name);
  if (match) return match;
  const joined = name.join('');
  const keeps = (glyphs: Glyph[]) => commonSubsequenceLength(textOf(glyphs), joined);
  if (candidates.some((c) => keeps(c.glyphs) === name.length)) return { kind: 'undecided' };

  const sure = candidates.map(sureReading).filter((c): c is Candidate => c !== null);
  const shortenedAt = Math.ceil(name.length * OCR_RULES.shortenedShare);
  const shortened = sure
    .map((c) => ({ c, kept: shortenedRun(textOf(c.glyphs), joined) }))
    .filter(({ c, kept }) => kept >= shortenedAt && c.glyphs.length <= name.length + 10)
    .sort((a, b) => b.kept - a.kept)[0];
  if (shortened) return { kind: 'shortened', ...described(shortened.c) };

  if (candidates.some((c) => keeps(c.glyphs) >= shortenedAt)) return { kind: 'undecided' };
  const other = sure.find(
    (c) => BODY_ENDING.test(textOf(c.glyphs)) && !somethingUnreadAsTall(ocr.readings, c.glyphs),
  );
  return other ? { kind: 'other-body', ...described(other) } : { kind: 'undecided' };
}

/** Every line read, its unsure words left out, with the mean confidence of its characters: a review's evidence. */
export function ocrTexts(ocr: HeaderOcr): OcrText[] {
  return ocr.readings.flatMap((reading) =>
    reading.lines
      .map((line) => line.words.filter((w) => w.confidence >= OCR_RULES.unsure))
      .filter((words) => words.length > 0)
      .map((words) => ({
        text: words.map((w) => w.text).join(' '),
        confidence: mean(words.flatMap((w) => Array.from(compact(w.text), () => w.confidence))),
        region: reading.region,
      })),
  );
}

/** Each line's glyphs, and each pair of consecutive lines run together. */
function candidatesOf(reading: OcrReading): Candidate[] {
  const lines = reading.lines.map((line) =>
    line.words.flatMap((word) =>
      Array.from(compact(word.text)).map((char) => ({
        char,
        confidence: word.confidence,
        height: word.height,
      })),
    ),
  );
  const pairs = lines.slice(1).map((line, i) => [...lines[i]!, ...line]);
  return [...lines, ...pairs]
    .filter((glyphs) => glyphs.length > 0)
    .map((glyphs) => ({ glyphs, region: reading.region }));
}

function bestMatch(candidates: Candidate[], name: string[]): OcrJudgement | undefined {
  const tolerance = Math.floor(name.length * OCR_RULES.editsPerCharacter);
  const joined = name.join('');
  let best: { glyphs: Glyph[]; edits: number; confidence: number; region: Box } | undefined;
  for (const { glyphs, region } of candidates) {
    for (let length = name.length - tolerance; length <= name.length + tolerance; length++) {
      for (let start = 0; start + length <= glyphs.length; start++) {
        const window = glyphs.slice(start, start + length);
        const edits = distance(textOf(window), joined);
        if (edits > tolerance) continue;
        const confidence = mean(window.map((g) => g.confidence));
        // Fewest edits; then the longest stretch, so that a misread character beside the name is
        // counted in its confidence rather than cut off; then the surest.
        if (!best || edits < best.edits || (edits === best.edits && better(window, confidence, best))) {
          best = { glyphs: window, edits, confidence, region };
        }
      }
    }
  }
  if (!best || best.confidence < OCR_RULES.matchConfidence) return undefined;
  return { kind: 'full-name', edits: best.edits, ...described(best) };
}

function better(window: Glyph[], confidence: number, best: { glyphs: Glyph[]; confidence: number }): boolean {
  if (window.length !== best.glyphs.length) return window.length > best.glyphs.length;
  return confidence > best.confidence;
}

/** The candidate's Chinese characters when every one was read surely, unsure ends dropped; else null. */
function sureReading(candidate: Candidate): Candidate | null {
  const glyphs = [...candidate.glyphs];
  while (glyphs.length > 0 && glyphs[0]!.confidence < OCR_RULES.unsure) glyphs.shift();
  while (glyphs.length > 0 && glyphs.at(-1)!.confidence < OCR_RULES.unsure) glyphs.pop();
  const chinese = glyphs.filter((g) => CJK.test(g.char));
  if (chinese.length < OCR_RULES.minReading) return null;
  if (chinese.some((g) => g.confidence < OCR_RULES.sureCharacter)) return null;
  if (mean(chinese.map((g) => g.confidence)) < OCR_RULES.sureMean) return null;
  return { glyphs: chinese, region: candidate.region };
}

/**
 * The length of the longest stretch of `reading` made of the name's characters in order, with some
 * left out (成都市政府 in 成都市政府门户网站): a shortening drops characters, it does not replace them.
 * 0 when the only such stretch is the whole name.
 */
function shortenedRun(reading: string, name: string): number {
  const chars = Array.from(reading);
  const nameLength = Array.from(name).length;
  let longest = 0;
  for (let start = 0; start < chars.length; start++) {
    for (let end = chars.length; end > start + longest; end--) {
      const run = chars.slice(start, end).join('');
      if (end - start < nameLength && commonSubsequenceLength(run, name) === end - start) {
        longest = end - start;
        break;
      }
    }
  }
  return longest;
}

function somethingUnreadAsTall(readings: OcrReading[], glyphs: Glyph[]): boolean {
  // The median: tesseract's boxes for single characters of one line vary in height.
  const heights = glyphs.map((g) => g.height).sort((a, b) => a - b);
  const height = heights[Math.floor(heights.length / 2)]! * OCR_RULES.unreadHeightShare;
  return readings.some((reading) =>
    reading.lines.some((line) =>
      line.words.some((w) => w.confidence < OCR_RULES.unsure && w.height >= height),
    ),
  );
}

function described(candidate: { glyphs: Glyph[]; region: Box }): OcrText {
  return {
    text: textOf(candidate.glyphs),
    confidence: mean(candidate.glyphs.map((g) => g.confidence)),
    region: candidate.region,
  };
}

function textOf(glyphs: Glyph[]): string {
  return glyphs.map((g) => g.char).join('');
}

function mean(values: number[]): number {
  return Math.round(values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length));
}
