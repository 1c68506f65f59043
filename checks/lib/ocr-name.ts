/**
 * What OCR readings of the header's images say about the registered name: the name read (tolerating
 * OCR noise), a confident reading of another name, or nothing that decides.
 *
 * - *The full name*: some stretch of a line (or of two consecutive lines: a name set on two lines) is
 *   within one edit per six characters of the name (Levenshtein, whitespace ignored: a 7-character
 *   name may have one character misread, a 5-character one none), its characters read with a mean
 *   confidence of 80 or more.
 * - *A sure reading* (see `sureReading`): a line whose Chinese characters were all read (confidence
 *   50 or more), 85 on average, at least 4 of them.
 * - *A shortened name* (成都市政府 for 成都市人民政府): a sure reading holding a stretch of the name's
 *   characters in order, at least 60 % of them, with more characters left out than OCR noise could
 *   drop (more than the edits tolerated); when an unread word was cut off the reading's end, the
 *   stretch must keep the name's character at that end (the unread word might be it); and no unread
 *   line of characters as tall as it (a calligraphic full name beside it) may stand in the images.
 * - *Another body's name* (四川省人民政府 on a department's header): a sure reading that ends as a
 *   body's name does (人民政府, 厅, 局, 委员会, 办公室…), while nothing read anywhere keeps 60 % of the
 *   name and nothing as tall went unread (an unsure word at least 0.8 times its median height: an
 *   emblem, or a calligraphic name tesseract cannot read, might be the name).
 * A reading holding every character of the name in order, with others between them, decides nothing.
 */
import { distance } from 'fastest-levenshtein';
import type { Box, HeaderOcr, OcrReading } from '../../crawlers/artifacts.ts';
import {
  type Candidate,
  candidatesOf,
  type Glyph,
  meanConfidence,
  type SureReading,
  shownText,
  sureReading,
  textOf,
  UNSURE,
} from './ocr-glyphs.ts';
import { commonSubsequenceLength, compact } from './text.ts';

export const OCR_RULES = {
  editsPerCharacter: 1 / 6,
  matchConfidence: 80,
  shortenedShare: 0.6,
  unreadHeightShare: 0.8,
} as const;

/**
 * An unread word this many times as wide as it is tall is a line of characters (a calligraphic name
 * tesseract could not read), which may be the full name beside a shortened one read surely.
 */
const LINE_OF_CHARACTERS = 2;

const BODY_ENDING = /(人民政府|政府|委员会|管委会|办公厅|办公室|办事处|厅|局|委|署|院)$/;

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
  const name = compact(fullName);
  const length = Array.from(name).length;
  const tolerance = Math.floor(length * OCR_RULES.editsPerCharacter);
  const candidates = ocr.readings.flatMap(candidatesOf);
  const match = bestMatch(candidates, name, tolerance);
  if (match) return { kind: 'full-name', edits: match.edits, ...described(match) };

  const keeps = (glyphs: Glyph[]) => commonSubsequenceLength(textOf(glyphs), name);
  if (candidates.some((c) => keeps(c.glyphs) === length)) return { kind: 'undecided' };
  const sure = candidates.map(sureReading).filter((c): c is SureReading => c !== null);
  const shortenedAt = Math.ceil(length * OCR_RULES.shortenedShare);
  const shortened = sure
    .map((reading) => ({ reading, kept: shortenedRun(reading, name) }))
    .filter(
      ({ reading, kept }) =>
        kept >= shortenedAt && length - kept > tolerance && reading.glyphs.length <= length + 10,
    )
    .sort((a, b) => b.kept - a.kept)[0];
  if (shortened && !somethingUnreadAsTall(ocr.readings, shortened.reading.glyphs, LINE_OF_CHARACTERS)) {
    return { kind: 'shortened', ...described(shortened.reading) };
  }
  if (shortened) return { kind: 'undecided' };

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
      .map((line) => line.words.filter((w) => w.confidence >= UNSURE))
      .filter((words) => words.length > 0)
      .map((words) => ({
        text: words.map((w) => w.text).join(' '),
        confidence: meanConfidence(
          words.flatMap((w) =>
            Array.from(compact(w.text), () => ({ char: '', confidence: w.confidence, height: 0 })),
          ),
        ),
        region: reading.region,
      })),
  );
}

interface Match extends Candidate {
  edits: number;
  confidence: number;
}

function bestMatch(candidates: Candidate[], name: string, tolerance: number): Match | undefined {
  const length = Array.from(name).length;
  let best: Match | undefined;
  for (const { glyphs, region } of candidates) {
    for (let size = length - tolerance; size <= length + tolerance; size++) {
      for (let start = 0; start + size <= glyphs.length; start++) {
        const window = glyphs.slice(start, start + size);
        const edits = distance(textOf(window), name);
        if (edits > tolerance) continue;
        const found = { glyphs: window, region, edits, confidence: meanConfidence(window) };
        if (!best || better(found, best)) best = found;
      }
    }
  }
  return best && best.confidence >= OCR_RULES.matchConfidence ? best : undefined;
}

/**
 * Fewest edits; then the longest stretch, so that a misread character beside the name is counted in
 * its confidence rather than cut off; then the surest.
 */
function better(found: Match, best: Match): boolean {
  if (found.edits !== best.edits) return found.edits < best.edits;
  if (found.glyphs.length !== best.glyphs.length) return found.glyphs.length > best.glyphs.length;
  return found.confidence > best.confidence;
}

/**
 * The length of the longest stretch of the reading made of the name's characters in order with some
 * left out (成都市政府 in 成都市政府门户网站: a shortening drops characters, it does not replace them).
 * 0 when an unread word was cut off the reading's start (end) and the stretch lacks the name's first
 * (last) character: the unread word might be it.
 */
function shortenedRun(reading: SureReading, name: string): number {
  const chars = Array.from(textOf(reading.glyphs));
  const nameChars = Array.from(name);
  let best = { start: 0, end: 0 };
  for (let start = 0; start < chars.length; start++) {
    for (
      let end = Math.min(chars.length, start + nameChars.length - 1);
      end > start + best.end - best.start;
      end--
    ) {
      if (commonSubsequenceLength(chars.slice(start, end).join(''), name) === end - start) {
        best = { start, end };
        break;
      }
    }
  }
  if (reading.cutStart && chars[best.start] !== nameChars[0]) return 0;
  if (reading.cutEnd && chars[best.end - 1] !== nameChars.at(-1)) return 0;
  return best.end - best.start;
}

/**
 * Whether tesseract left unread a word at least as tall as the reading (and, with `minAspect`, at least
 * that many times as wide as it is tall: a line of characters, not the emblem beside a name).
 */
function somethingUnreadAsTall(readings: OcrReading[], glyphs: Glyph[], minAspect = 0): boolean {
  // The median: tesseract's boxes for single characters of one line vary in height.
  const heights = glyphs.map((g) => g.height).sort((a, b) => a - b);
  const height = heights[Math.floor(heights.length / 2)]! * OCR_RULES.unreadHeightShare;
  return readings.some((reading) =>
    reading.lines.some((line) =>
      line.words.some(
        (w) =>
          w.confidence < UNSURE &&
          w.height >= height &&
          (minAspect === 0 || (w.width ?? 0) >= minAspect * w.height),
      ),
    ),
  );
}

function described(candidate: Candidate): OcrText {
  return {
    text: shownText(candidate.glyphs),
    confidence: meanConfidence(candidate.glyphs),
    region: candidate.region,
  };
}
