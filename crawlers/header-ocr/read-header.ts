/**
 * The OCR gatherer: reads given regions of the header screenshot with tesseract and reports the
 * words with their confidence. It gives no verdict: matching the registered name is the check's.
 *
 * Each region is read on its own (tesseract's layout analysis does worse on the whole band, where
 * the search box, the date and the channel strip compete with the drawn name), grey, contrast
 * stretched, dark on light, with a white margin, in page segmentation mode 11 (sparse text: a name
 * beside an emblem, a name over an English subtitle), at its size (×2 when under 40 px tall).
 * A region where that finds no Chinese word is read once more as one block (mode 6); one whose
 * Chinese reads under 32 px tall once more at twice the size (at ~22 px tesseract misses 四; at
 * twice that it reads 四 but cuts 川 into strokes: the check takes the better reading).
 */
import type { Box, HeaderOcr, OcrReading } from '../artifacts.ts';
import { decodePng, type RgbImage } from './png.ts';
import { clampRegion, prepareRegion } from './prepare.ts';
import { runTesseract } from './tesseract.ts';
import { parseTsv } from './tsv.ts';

export interface HeaderOcrOptions {
  /** Deadline of one tesseract run; it is killed past it. */
  timeoutMs?: number;
  /** Regions read at most, the largest first. */
  maxRegions?: number;
  /** The tesseract executable (tests name a missing one). */
  binary?: string;
  /** A lock file shared by the processes of one worker: one run at a time among them (see `runTesseract`). */
  lock?: string;
  signal?: AbortSignal;
}

const SMALL_REGION = 40;
const SMALL_TEXT = 32;
const MARGIN = 20;
const CJK = /[\u3400-\u9fff]/;
/** A Chinese word read at least this confidently is text found (the rest may be an emblem's noise). */
const FOUND_CONFIDENCE = 50;

/** Reads `regions` (page pixels) of `screenshot`, the PNG of the header band; rejects when tesseract cannot run. */
export async function readHeaderImages(
  screenshot: Uint8Array,
  regions: readonly Box[],
  options: HeaderOcrOptions = {},
): Promise<HeaderOcr> {
  const started = Date.now();
  const image = decodePng(screenshot);
  const readings: OcrReading[] = [];
  for (const region of distinctRegions(regions, image, options.maxRegions ?? 3)) {
    const scale = region.height < SMALL_REGION ? 2 : 1;
    const sparse = await readRegion(image, region, scale, 11, options);
    readings.push(sparse);
    const heights = chineseHeights(sparse);
    if (heights.length === 0) readings.push(await readRegion(image, region, scale, 6, options));
    else if (scale === 1 && median(heights) < SMALL_TEXT) {
      readings.push(await readRegion(image, region, 2, 11, options));
    }
  }
  return { engine: 'tesseract chi_sim', readings, durationMs: Date.now() - started };
}

/** Regions clamped to the screenshot, those inside another left out, the largest first. */
export function distinctRegions(
  regions: readonly Box[],
  image: Pick<RgbImage, 'width' | 'height'>,
  max: number,
): Box[] {
  const clamped = regions
    .map((region) => clampRegion(region, image))
    .filter((region): region is Box => region !== null)
    .sort((a, b) => b.width * b.height - a.width * a.height);
  const kept: Box[] = [];
  for (const region of clamped) {
    if (!kept.some((outer) => contains(outer, region))) kept.push(region);
  }
  return kept.slice(0, max);
}

function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

async function readRegion(
  image: RgbImage,
  region: Box,
  scale: number,
  psm: number,
  options: HeaderOcrOptions,
): Promise<OcrReading> {
  const prepared = prepareRegion(image, region, { scale, margin: MARGIN });
  const tsv = await runTesseract(prepared.pgm, {
    psm,
    timeoutMs: options.timeoutMs ?? 10_000,
    binary: options.binary,
    lock: options.lock,
    signal: options.signal,
  });
  const lines = parseTsv(tsv).map((line) => ({
    words: line.words.map((word) => ({
      text: word.text,
      confidence: Math.round(word.confidence * 10) / 10,
      height: Math.round(word.box.height / scale),
      width: Math.round(word.box.width / scale),
    })),
  }));
  return { region, psm, scale, lines };
}

/** The heights (page pixels) of the Chinese words read with some confidence. */
function chineseHeights(reading: OcrReading): number[] {
  return reading.lines.flatMap((line) =>
    line.words.filter((w) => CJK.test(w.text) && w.confidence >= FOUND_CONFIDENCE).map((w) => w.height),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
