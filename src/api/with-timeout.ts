/** Resolves as `work` does, or rejects after `ms`: a dependency that hangs must not hang a request. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A health probe that never throws nor hangs: false when it fails or is too slow. */
export async function probe(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  try {
    return (await withTimeout(check(), ms, 'health probe')) === true;
  } catch {
    return false;
  }
}
