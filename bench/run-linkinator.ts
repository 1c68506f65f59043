import { LinkChecker, type LinkResult, LinkState } from 'linkinator';
import { jobFromArgv, sendReport, tally } from './tool-report.ts';

/** Child process: linkinator crawls the site recursively and checks every link it finds. */
const job = jobFromArgv();
const checker = new LinkChecker();
let pagesCrawled = 0;
checker.on('pagestart', () => {
  pagesCrawled++;
});

const startRss = process.memoryUsage().rss;
const startedAt = performance.now();
const result = await checker.check({
  path: job.homepage,
  recurse: true,
  concurrency: job.concurrency,
  timeout: job.timeoutMs,
});
const wallMs = performance.now() - startedAt;

const checked = new Set(
  result.links.filter((link) => link.state !== LinkState.SKIPPED).map((link) => link.url),
);
const brokenLinks = new Map(
  result.links.filter((link) => link.state === LinkState.BROKEN).map((link) => [link.url, link] as const),
);
sendReport(
  {
    tool: 'linkinator',
    wallMs,
    pagesCrawled,
    linksChecked: checked.size,
    broken: [...brokenLinks.keys()],
    // linkinator judges by status code alone: a 200 "页面不存在" page is never reported.
    softNotFound: [],
    notes: [
      `${result.links.length} results (a broken link is listed once per page linking to it)`,
      `broken by cause: ${tally([...brokenLinks.values()].map(cause))}`,
    ],
  },
  startRss,
);

/** The status, or the network error code when no response came (fetch hides it in `cause`). */
function cause(link: LinkResult): string {
  if (link.status) return String(link.status);
  const error = link.failureDetails?.find((detail): detail is Error => detail instanceof Error);
  const code = (error?.cause as { code?: string } | undefined)?.code;
  return code ?? error?.message ?? 'no response';
}
