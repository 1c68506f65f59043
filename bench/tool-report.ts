/** What the benchmark asks a tool's child process to do. */
export interface ToolJob {
  homepage: string;
  maxPages: number;
  /** Requests in flight at once, for both tools. */
  concurrency: number;
  /** Per-request timeout given to the tool. */
  timeoutMs: number;
  /**
   * Ours only (bench/incremental.ts): the crawl cache folder the sweep loads its site's previous pages
   * from and saves its own to, as the service does.
   */
  crawlCacheDir?: string;
}

/** What a tool's child process reports back over IPC when it is done. */
export interface ToolReport {
  tool: string;
  /** From the tool's first call to its result, module loading excluded. */
  wallMs: number;
  /** HTML pages fetched and parsed for links. */
  pagesCrawled: number;
  /** Distinct link targets given a status. */
  linksChecked: number;
  /** Distinct targets reported broken. */
  broken: string[];
  /** Distinct targets reported as soft 404s (200 pages saying they do not exist). */
  softNotFound: string[];
  /** `process.resourceUsage().maxRSS` at the end of the child, in MiB. */
  peakRssMb: number;
  /** Resident memory once the modules were loaded, before the tool started, in MiB. */
  startRssMb: number;
  /** Ours with a crawl cache: pages the server answered 304, their facts reused. */
  pagesRevalidated?: number;
  /** Tool-specific facts worth printing (phase times, truncation). */
  notes: string[];
}

/** The job, as the parent passed it in argv[2]. */
export function jobFromArgv(): ToolJob {
  const raw = process.argv[2];
  if (!raw)
    throw new Error('Missing the job argument: this script is started by bench/crawl-vs-linkinator.ts');
  return JSON.parse(raw) as ToolJob;
}

/** Sends the report to the parent and exits, whatever timers or sockets the tool left behind. */
export function sendReport(report: Omit<ToolReport, 'peakRssMb' | 'startRssMb'>, startRss: number): void {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  if (!process.send)
    throw new Error('No IPC channel: this script is started by bench/crawl-vs-linkinator.ts');
  process.send({ ...report, peakRssMb, startRssMb: startRss / 2 ** 20 } satisfies ToolReport, () =>
    process.exit(0),
  );
}

/** "404 ×60, 500 ×15": how many times each value occurs, most frequent first. */
export function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  return sorted.length === 0 ? 'none' : sorted.map(([value, count]) => `${value} ×${count}`).join(', ');
}
