import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { pagesOption } from './args.ts';
import { DEFAULT_PAGES, serveGeneratedSite } from './generate-site.ts';
import { machineLine } from './machine.ts';
import { runTool } from './run-child.ts';
import { scoreReport } from './score.ts';
import { comparisonTable, type ToolOutcome } from './table.ts';
import type { ToolJob } from './tool-report.ts';

/**
 * `npm run bench [-- --pages N]`: serves the generated site on loopback and runs our crawl + link check
 * and linkinator over it, each in a child process of its own, then prints the figures side by side.
 */
const CONCURRENCY = 32;
const REQUEST_TIMEOUT_MS = 30_000;
/** Each tool gets this long before it is killed, so a whole run stays within a few minutes. */
const TOOL_DEADLINE_MS = 150_000;
const OUT_DIR = new URL('./out/', import.meta.url);
const SAMPLE = 8;

const pages = pagesOption(process.argv.slice(2), DEFAULT_PAGES);
const storageBefore = existsSync('storage');
const loadBefore = loadavg()[0]!;
const site = await serveGeneratedSite({ pages });
const kindCounts = new Map<string, number>();
for (const kind of site.broken.values()) kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
const plantedKinds = [...kindCounts].map(([kind, count]) => `${count} ${kind}`).join(', ');
console.log(
  `Generated site: ${site.contentPages} pages (half UTF-8, half GBK declared only in <meta>) at ${site.homepage}`,
);
console.log(
  `Planted broken targets: ${site.broken.size} (${plantedKinds}); concurrency ${CONCURRENCY} for both tools\n`,
);

const job: ToolJob = {
  homepage: site.homepage,
  maxPages: site.pageLinks,
  concurrency: CONCURRENCY,
  timeoutMs: REQUEST_TIMEOUT_MS,
};
const outcomes: Record<'ours' | 'linkinator', ToolOutcome> = {
  ours: await measure('./run-ours.ts'),
  linkinator: await measure('./run-linkinator.ts'),
};
await site.close();

console.log(comparisonTable(outcomes.ours, outcomes.linkinator));
console.log(`\n${machineLine()}`);
console.log(
  `Load average (1 min): ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after (other work skews the timings)`,
);
for (const [tool, outcome] of Object.entries(outcomes)) {
  if ('error' in outcome) {
    console.log(`\n${tool} failed: ${outcome.error}`);
    continue;
  }
  for (const note of outcome.report.notes) console.log(`${tool}: ${note}`);
  const { missed, falseBroken } = outcome.score;
  if (missed.length > 0) console.log(`${tool} missed ${missed.length}: ${sample(missed)}`);
  if (falseBroken.length > 0)
    console.log(`${tool} false broken ${falseBroken.length}: ${sample(falseBroken)}`);
}
if (!storageBefore && existsSync('storage'))
  console.log('\nWARNING: a storage/ folder was left behind by the crawl');

await mkdir(OUT_DIR, { recursive: true });
const saved = new URL('crawl-vs-linkinator.json', OUT_DIR);
await writeFile(saved, `${JSON.stringify({ pages, machine: machineLine(), outcomes }, null, 2)}\n`);
process.exitCode = Object.values(outcomes).some((outcome) => 'error' in outcome) ? 1 : 0;

async function measure(script: string): Promise<ToolOutcome> {
  process.stdout.write(`running ${script.slice(2)}…\n`);
  try {
    site.resetPeakConnections();
    const report = await runTool(script, job, TOOL_DEADLINE_MS);
    return { report, score: scoreReport(report, site.broken), peakConnections: site.peakConnections() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function sample(urls: string[]): string {
  return (
    urls
      .slice(0, SAMPLE)
      .map((url) => decodeURI(url))
      .join(' ') + (urls.length > SAMPLE ? ' …' : '')
  );
}
