/** Reads `--pages N` (or `--pages=N`) from the command line; `fallback` when absent. */
export function pagesOption(argv: readonly string[], fallback: number): number {
  let pages = fallback;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg !== '--pages' && !arg.startsWith('--pages='))
      throw new Error(`Unknown argument ${arg}; usage: [--pages N]`);
    const value = arg === '--pages' ? argv[++i] : arg.slice('--pages='.length);
    pages = Number(value);
    if (!Number.isInteger(pages) || pages <= 0)
      throw new Error(`--pages needs a positive integer, got ${value}`);
  }
  return pages;
}
