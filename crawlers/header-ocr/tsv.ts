/** Reads tesseract's TSV output into lines of words with their confidence (0–100). */
import type { Box } from '../artifacts.ts';

export interface TsvWord {
  text: string;
  confidence: number;
  /** In the pixels of the image tesseract read. */
  box: Box;
}

export interface TsvLine {
  words: TsvWord[];
}

/** The recognised lines, in reading order; words without text are dropped, and lines left empty. */
export function parseTsv(tsv: string): TsvLine[] {
  const lines = new Map<string, TsvLine>();
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const text = (cells.slice(11).join('\t') ?? '').trim();
    const confidence = Number(cells[10]);
    if (text === '' || !Number.isFinite(confidence) || confidence < 0) continue;
    const [left, top, width, height] = cells.slice(6, 10).map(Number) as [number, number, number, number];
    const key = cells.slice(1, 5).join('.');
    const line = lines.get(key) ?? { words: [] };
    line.words.push({ text, confidence, box: { x: left, y: top, width, height } });
    lines.set(key, line);
  }
  return [...lines.values()];
}
