import { CHECKS } from '../../checks/index.ts';
import { identifyFindings } from '../adjudication/finding-id.ts';
import type { Site } from '../registry/site.ts';
import type { SiteResult } from '../results.ts';

/**
 * The result of a site whose inspection itself broke (a bug or a resource failure, not the site's
 * fault): every rule `review`, the error said once, score 0 so it stands out for a re-run.
 */
export function errorResult(site: Site, error: unknown): SiteResult {
  const message = error instanceof Error ? error.message : String(error);
  const now = new Date().toISOString();
  return identifyFindings({
    siteId: site.id,
    status: 'error',
    pagesCrawled: 0,
    linksChecked: 0,
    score: 0,
    qualified: null,
    vetoes: [],
    checks: CHECKS.map((check) => ({
      ruleId: check.meta.id,
      outcome: check.meta.appliesTo(site) ? 'review' : 'not-applicable',
      findings: check.meta.appliesTo(site)
        ? [
            {
              url: site.homepage,
              message: '检查程序出错，本项未能判定，请重新检查。',
              evidence: { error: message },
            },
          ]
        : [],
    })),
    startedAt: now,
    finishedAt: now,
    durationMs: 0,
    reason: `检查程序出错：${message}`,
    fullName: site.fullName,
    homepage: site.homepage,
  });
}
