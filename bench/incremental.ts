import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pagesOption } from './args.ts';
import { serveGeneratedSite } from './generate-site.ts';
import { machineLine } from './machine.ts';
import { runTool } from './run-child.ts';
import { scoreReport } from './score.ts';
import type { ToolJob, ToolReport } from './tool-report.ts';

/**
 * `npm run bench:incremental [-- --pages N]` (issue 13 goal 4): serves the generated site (default
 * 10,000 pages) with ETags and Last-Modified as nginx serves static pages, and sweeps it twice as the
 * service does, each sweep in a child process of its own: crawl + link check, the site's crawl cache
 * loaded before and saved after. The second sweep of the unchanged site asks for every page
 * conditionally. Prints each sweep's time, the bytes the site sent, what the second reused, and whether
 * both found the same broken links.
 */
const CONCURRENCY = 32;
const DEADLINE_MS = 300_000;

const pages = pagesOption(process.argv.slice(2), 10_000);
const loadBefore = loadavg()[0]!;
const site = await serveGeneratedSite({ pages, validators: true });
const cacheDir = await mkdtemp(join(tmpdir(), 'bench-crawl-cache-'));
const job: ToolJob = {
  homepage: site.homepage,
  maxPages: site.pageLinks,
  concurrency: CONCURRENCY,
  timeoutMs: 30_000,
  crawlCacheDir: cacheDir,
};
console.log(
  `Generated site: ${site.contentPages} pages with ETag and Last-Modified at ${site.homepage}; ${site.broken.size} planted broken targets; concurrency ${CONCURRENCY}\n`,
);

interface Sweep {
  report: ToolReport;
  bytes: number;
  cacheBytes: number;
}

async function sweep(): Promise<Sweep> {
  const before = site.bytesSent();
  const report = await runTool('./run-ours.ts', job, DEADLINE_MS);
  const cacheBytes = (await stat(join(cacheDir, 'bench-site.jsonl.gz'))).size;
  return { report, bytes: site.bytesSent() - before, cacheBytes };
}

try {
  const first = await sweep();
  const second = await sweep();
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const row = (name: string, s: Sweep) => {
    const score = scoreReport(s.report, site.broken);
    return `| ${name} | ${(s.report.wallMs / 1000).toFixed(1)} | ${mib(s.bytes)} | ${s.report.pagesCrawled} | ${s.report.pagesRevalidated ?? 0} | ${s.report.linksChecked} | ${score.plantedFound}/${score.plantedTotal} | ${score.falseBroken.length} | ${Math.round(s.report.peakRssMb)} | ${mib(s.cacheBytes)} |`;
  };
  console.log(
    '| sweep | wall time (s) | bytes sent by the site (MiB) | pages | answered 304 | links checked | planted broken found | false broken | peak RSS (MiB) | crawl cache file (MiB) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(row('first', first));
  console.log(row('second, unchanged site', second));
  const same =
    JSON.stringify([...first.report.broken].sort()) === JSON.stringify([...second.report.broken].sort());
  console.log(
    `\nSecond sweep: ${((100 * second.bytes) / first.bytes).toFixed(1)} % of the first's bytes (goal ≤ 10 %), ` +
      `${((100 * second.report.wallMs) / first.report.wallMs).toFixed(1)} % of its time (goal ≤ 40 %); ` +
      `the same broken links: ${same ? 'yes' : 'NO'}`,
  );
  for (const [name, s] of [
    ['first', first],
    ['second', second],
  ] as const)
    for (const note of s.report.notes) console.log(`${name}: ${note}`);
  console.log(`\n${machineLine()}`);
  console.log(`Load average (1 min): ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
  process.exitCode = same ? 0 : 1;
} finally {
  await site.close();
  await rm(cacheDir, { recursive: true, force: true });
}
