const startedAt = Date.now();

/** When the soak started (ms since the epoch). */
export const SOAK_STARTED_AT = startedAt;

/** Prints `line` with the time since the soak started. */
export function say(line: string): void {
  const s = Math.round((Date.now() - startedAt) / 1000);
  const minutes = String(Math.floor(s / 60)).padStart(3);
  process.stdout.write(`[${minutes} min ${String(s % 60).padStart(2, '0')} s] ${line}\n`);
}
