import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clampRegion, prepareRegion } from '../../../crawlers/header-ocr/prepare.ts';
import { distinctRegions } from '../../../crawlers/header-ocr/read-header.ts';
import { runTesseract } from '../../../crawlers/header-ocr/tesseract.ts';
import { parseTsv } from '../../../crawlers/header-ocr/tsv.ts';

const run = promisify(execFile);

const HEADER =
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';

describe('parseTsv', () => {
  it('groups words by block, paragraph and line, dropping empty and structural rows', () => {
    const tsv = [
      HEADER,
      '1\t1\t0\t0\t0\t0\t0\t0\t569\t104\t-1\t',
      '4\t1\t1\t1\t1\t0\t32\t30\t505\t44\t-1\t',
      '5\t1\t1\t1\t1\t1\t32\t30\t72\t43\t96.775139\t成都',
      '5\t1\t1\t1\t1\t2\t106\t30\t58\t43\t91.5\t市',
      '5\t1\t1\t1\t1\t3\t170\t30\t20\t43\t95\t ',
      '5\t1\t2\t1\t1\t1\t40\t80\t300\t16\t88\tCHENGDU',
      '',
    ].join('\n');
    expect(parseTsv(tsv)).toEqual([
      {
        words: [
          { text: '成都', confidence: 96.775139, box: { x: 32, y: 30, width: 72, height: 43 } },
          { text: '市', confidence: 91.5, box: { x: 106, y: 30, width: 58, height: 43 } },
        ],
      },
      { words: [{ text: 'CHENGDU', confidence: 88, box: { x: 40, y: 80, width: 300, height: 16 } }] },
    ]);
  });
});

describe('prepareRegion', () => {
  // 4×2 RGB: a dark blue ground with one white pixel, as a white name on a blue banner.
  const blue = [13, 79, 163];
  const data = new Uint8Array([...blue, ...blue, 255, 255, 255, ...blue, ...blue, ...blue, ...blue, ...blue]);
  const image = { width: 4, height: 2, channels: 3 as const, data };

  it('inverts a dark region, scales it and writes PGM with a white margin', () => {
    const region = { x: 0, y: 0, width: 4, height: 2 };
    expect(prepareRegion(image, region, { scale: 2, margin: 3 })).toMatchObject({ width: 14, height: 10 });
    const prepared = prepareRegion(image, region, { scale: 1, margin: 3 });
    expect(prepared).toMatchObject({ width: 10, height: 8, inverted: true });
    const header = 'P5\n10 8\n255\n';
    expect(new TextDecoder().decode(prepared.pgm.subarray(0, header.length))).toBe(header);
    const pixels = Array.from(prepared.pgm.subarray(header.length));
    expect(pixels).toHaveLength(80);
    const row = (y: number) => pixels.slice((3 + y) * 10 + 3, (3 + y) * 10 + 7);
    // The blue ground, inverted and stretched, is white; the white pixel is black; the margin white.
    expect([row(0), row(1)]).toEqual([
      [255, 255, 0, 255],
      [255, 255, 255, 255],
    ]);
    expect(pixels.slice(0, 10)).toEqual(new Array(10).fill(255));
  });

  it('clamps regions to the image and leaves out those inside a larger one', () => {
    expect(clampRegion({ x: -10, y: 100.4, width: 50, height: 80 }, { width: 1366, height: 150 })).toEqual({
      x: 0,
      y: 100,
      width: 40,
      height: 50,
    });
    expect(clampRegion({ x: 0, y: 200, width: 50, height: 50 }, { width: 1366, height: 150 })).toBeNull();
    const band = { width: 1366, height: 160 };
    const logo = { x: 83, y: 20, width: 600, height: 110 };
    const emblemInLogo = { x: 90, y: 30, width: 100, height: 90 };
    const headerBackground = { x: 0, y: 0, width: 1366, height: 160 };
    expect(distinctRegions([emblemInLogo, logo], band, 3)).toEqual([logo]);
    expect(distinctRegions([logo, headerBackground], band, 3)).toEqual([headerBackground]);
  });
});

describe('runTesseract', () => {
  let dir: string;
  const log = () => join(dir, 'runs.log');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-tesseract-'));
    // A stand-in that records when it runs, takes 200 ms and prints an empty TSV.
    await writeFile(
      join(dir, 'slow'),
      `#!/bin/sh\ncat >/dev/null\necho "start $(date +%s%N)" >> "${join(dir, 'runs.log')}"\nsleep 0.2\necho "end $(date +%s%N)" >> "${join(dir, 'runs.log')}"\nprintf '${HEADER.replace(/\t/g, '\\t')}\\n'\n`,
    );
    await writeFile(join(dir, 'hang'), '#!/bin/sh\nexec sleep 30\n');
    await writeFile(
      join(dir, 'broken'),
      '#!/bin/sh\necho "Error: could not load language chi_sim" >&2\nexit 1\n',
    );
    for (const name of ['slow', 'hang', 'broken']) await chmod(join(dir, name), 0o755);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs one tesseract at a time in the process', async () => {
    const runs = [1, 2, 3].map(() =>
      runTesseract(new Uint8Array([1, 2, 3]), { psm: 11, timeoutMs: 5_000, binary: join(dir, 'slow') }),
    );
    expect(await Promise.all(runs)).toEqual([`${HEADER}\n`, `${HEADER}\n`, `${HEADER}\n`]);
    const events = (await readFile(log(), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[0]);
    expect(events).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
  });

  it('runs one tesseract at a time across the processes that share a worker’s lock', async () => {
    await rm(log(), { force: true });
    const child = fileURLToPath(new URL('./run-locked.ts', import.meta.url));
    const lock = join(dir, 'ocr');
    await Promise.all(
      [1, 2, 3].map(() =>
        run(process.execPath, ['--import', 'tsx', child, join(dir, 'slow'), lock], { timeout: 30_000 }),
      ),
    );
    const events = (await readFile(log(), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[0]);
    expect(events).toEqual(Array.from({ length: 6 }, () => ['start', 'end']).flat());
  });

  it('kills a run at its deadline', async () => {
    const started = Date.now();
    await expect(
      runTesseract(new Uint8Array([1]), { psm: 11, timeoutMs: 300, binary: join(dir, 'hang') }),
    ).rejects.toThrow('tesseract killed after 300 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('says what to install when tesseract is missing, and what it printed when it fails', async () => {
    await expect(
      runTesseract(new Uint8Array([1]), { psm: 11, timeoutMs: 1_000, binary: join(dir, 'missing') }),
    ).rejects.toThrow('install tesseract-ocr and tesseract-ocr-chi-sim');
    await expect(
      runTesseract(new Uint8Array([1]), { psm: 11, timeoutMs: 1_000, binary: join(dir, 'broken') }),
    ).rejects.toThrow('could not load language chi_sim');
  });

  it('does not start when the inspection was aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runTesseract(new Uint8Array([1]), { psm: 11, timeoutMs: 1_000, signal: controller.signal }),
    ).rejects.toThrow('aborted');
  });
});
