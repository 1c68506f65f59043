/** A process of a worker that runs OCR: two tesseract runs under the worker's lock (tesseract.test.ts). */
import { runTesseract } from '../../../crawlers/header-ocr/tesseract.ts';

const [binary, lock] = process.argv.slice(2);
await Promise.all(
  [1, 2].map(() => runTesseract(new Uint8Array([1]), { psm: 11, timeoutMs: 5_000, binary, lock })),
);
