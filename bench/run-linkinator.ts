import { LinkChecker, LinkState } from 'linkinator';
import { jobFromArgv, sendReport } from './tool-report.ts';

/** Child process: linkinator crawls the site recursively and checks every link it finds. */
const job = jobFromArgv();
const checker = new LinkChecker();
let pagesCrawled = 0;
checker.on('pagestart', () => {
  pagesCrawled++;
});

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
const broken = new Set(
  result.links.filter((link) => link.state === LinkState.BROKEN).map((link) => link.url),
);
sendReport({
  tool: 'linkinator',
  wallMs,
  pagesCrawled,
  linksChecked: checked.size,
  broken: [...broken],
  // linkinator judges by status code alone: a 200 "页面不存在" page is never reported.
  softNotFound: [],
  notes: [`${result.links.length} results (a broken link is listed once per page linking to it)`],
});
