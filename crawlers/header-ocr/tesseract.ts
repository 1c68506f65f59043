/**
 * Runs Debian's tesseract (`tesseract-ocr` with `tesseract-ocr-chi-sim`) on one prepared image, as a
 * subprocess without a shell: the image on its standard input, TSV on its standard output. One run
 * at a time per worker: in this process (the CLI's concurrent sites wait in turn), and, with `lock`,
 * among the processes sharing that lock file (a queue worker's sandboxed jobs); each run
 * single-threaded and killed at its deadline.
 */
import { spawn } from 'node:child_process';
import pLimit from 'p-limit';
import { lock as lockFile } from 'proper-lockfile';

export interface TesseractRun {
  /** Page segmentation mode: 7 one line, 6 one block, 11 sparse text. */
  psm: number;
  timeoutMs: number;
  /** The executable; `tesseract` on the PATH unless a test names another. */
  binary?: string;
  /** A lock file (it need not exist) whose holders run tesseract one at a time. */
  lock?: string;
  signal?: AbortSignal;
}

const oneAtATime = pLimit(1);

/**
 * A holder that died is taken over after this long (the lock is refreshed while held); a waiter retries
 * for about two minutes, longer than the six runs of one site at their deadline.
 */
const LOCK = { stale: 15_000, retries: { retries: 600, minTimeout: 50, maxTimeout: 200 } } as const;

/** The TSV tesseract prints for `image` (PGM/PNG bytes); rejects when it fails or overruns. */
export function runTesseract(image: Uint8Array, run: TesseractRun): Promise<string> {
  return oneAtATime(async () => {
    if (run.lock === undefined) return spawnTesseract(image, run);
    const release = await lockFile(run.lock, { ...LOCK, realpath: false });
    try {
      return await spawnTesseract(image, run);
    } finally {
      await release().catch(() => {});
    }
  });
}

function spawnTesseract(image: Uint8Array, run: TesseractRun): Promise<string> {
  const binary = run.binary ?? 'tesseract';
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(new Error('OCR skipped: the inspection was aborted'));
      return;
    }
    const child = spawn(binary, ['stdin', 'stdout', '-l', 'chi_sim', '--psm', String(run.psm), 'tsv'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // One thread: the machine's cores belong to the browser and the other sites being inspected.
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      timeout: run.timeoutMs,
      killSignal: 'SIGKILL',
      signal: run.signal,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin.on('error', () => {});
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(`${binary} not found: install tesseract-ocr and tesseract-ocr-chi-sim`)
          : error,
      );
    });
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (signal === 'SIGKILL') reject(new Error(`tesseract killed after ${run.timeoutMs} ms`));
      else if (code !== 0)
        reject(new Error(`tesseract exited with ${code ?? signal}: ${stderr.slice(0, 300)}`));
      else resolve(Buffer.concat(out).toString('utf8'));
    });
    child.stdin.end(image);
  });
}
