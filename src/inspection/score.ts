import type { CheckReport } from '../results.ts';

const BROKEN_LINKS = 'broken-links';
const HOMEPAGE_BROKEN_LINK_COST = 1;
const OTHER_PAGE_BROKEN_LINK_COST = 0.1;
const FAILED_RULE_COST = 10;

/**
 * The site's score (contract §5): 100, minus 1 per broken-links finding on the homepage (any of
 * `homepageUrls`: the URL asked for and the URL it redirected to), 0.1 per one on another page, and
 * 10 per other failing rule; never below 0. `review` and `not-applicable` cost nothing.
 */
export function scoreSite(checks: readonly CheckReport[], homepageUrls: readonly string[]): number {
  const homepages = new Set(homepageUrls);
  let tenths = 1000;
  for (const check of checks) {
    if (check.outcome !== 'fail') continue;
    if (check.ruleId !== BROKEN_LINKS) {
      tenths -= FAILED_RULE_COST * 10;
      continue;
    }
    for (const finding of check.findings) {
      tenths -= (homepages.has(finding.url) ? HOMEPAGE_BROKEN_LINK_COST : OTHER_PAGE_BROKEN_LINK_COST) * 10;
    }
  }
  // Counting in tenths keeps the arithmetic exact: 100 − 3 × 0.1 is 99.7, not 99.69999999999999.
  return Math.max(0, Math.round(tenths)) / 10;
}
