import { join } from 'node:path';
import { type Finding, OUTCOMES } from '../checks/check.ts';
import type { CheckReport, SiteResult, SweepInfo, SweepResults } from '../src/results.ts';
import { writeFileAtomic } from './atomic-write.ts';

const SITE_STATUSES: readonly string[] = ['done', 'unreachable', 'error'];

// Each function below rebuilds its object with the contract's keys first, in the contract's order, then
// any added keys in their own order. JSON.stringify drops the keys whose value is undefined.

function orderFinding(finding: Finding): Record<string, unknown> {
  const { url, target, status, message, evidence, ...added } = finding;
  return { url, target, status, message, evidence, ...added };
}

function orderCheck(check: CheckReport, siteId: string): Record<string, unknown> {
  if (!(OUTCOMES as readonly string[]).includes(check.outcome)) {
    throw new Error(`results.json: site ${siteId}, rule ${check.ruleId}: unknown outcome "${check.outcome}"`);
  }
  const { ruleId, outcome, findings, ...added } = check;
  return { ruleId, outcome, findings: findings.map(orderFinding), ...added };
}

function orderSite(site: SiteResult): Record<string, unknown> {
  if (!SITE_STATUSES.includes(site.status)) {
    throw new Error(`results.json: site ${site.siteId}: unknown status "${site.status}"`);
  }
  if (!Number.isFinite(site.score) || site.score < 0 || site.score > 100) {
    throw new Error(`results.json: site ${site.siteId}: score ${site.score} is not within 0..100`);
  }
  const { siteId, status, pagesCrawled, linksChecked, score, checks, ...added } = site;
  const orderedChecks = checks.map((check) => orderCheck(check, siteId));
  return { siteId, status, pagesCrawled, linksChecked, score, checks: orderedChecks, ...added };
}

function orderSweep(sweep: SweepInfo): Record<string, unknown> {
  const { id, startedAt, finishedAt, now, period, ...added } = sweep;
  return { id, startedAt, finishedAt, now, period, ...added };
}

/** The text of `results.json` (contract §3): pretty-printed, the contract's keys first and in its order. */
export function serializeResults(results: SweepResults): string {
  const document = { sweep: orderSweep(results.sweep), sites: results.sites.map(orderSite) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Writes `DIR/results.json` atomically (a reader never sees half a file) and returns its path. */
export async function writeResultsJson(dir: string, results: SweepResults): Promise<string> {
  const path = join(dir, 'results.json');
  await writeFileAtomic(path, serializeResults(results));
  return path;
}
