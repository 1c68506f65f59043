import type { CheckReport, SiteResult } from '../results.ts';

/** Characters of a finding's message quoted in a summary. */
const MAX_MESSAGE = 80;

/** The key facts of a failing rule in one line: how many broken links, which gazette services are missing. */
export function violationSummary(check: CheckReport, site: SiteResult): string {
  const failing = check.findings;
  if (check.ruleId === 'broken-links') return brokenLinksSummary(check, site);
  if (check.ruleId === 'gazette-column') {
    const missing = failing.flatMap((finding) =>
      typeof finding.evidence.missing === 'string' ? [finding.evidence.missing] : [],
    );
    if (missing.length > 0) return `缺少${missing.join('、')}`;
  }
  const first = failing[0];
  if (!first) return '不符合该项要求';
  const message = clip(first.message);
  return failing.length > 1 ? `${message}（共 ${failing.length} 处）` : message;
}

function brokenLinksSummary(check: CheckReport, site: SiteResult): string {
  const home = comparable(site.homepage);
  const onHomepage = check.findings.filter((finding) => comparable(finding.url) === home).length;
  const total = check.findings.length;
  return onHomepage > 0 ? `失效链接 ${total} 条（其中首页 ${onHomepage} 条）` : `失效链接 ${total} 条`;
}

/** A URL without its trailing slash, so 'http://x/' and 'http://x' count as one page. */
function comparable(url: string): string {
  return url.replace(/\/+$/, '');
}

function clip(text: string): string {
  const trimmed = text.trim().replace(/[。；]$/, '');
  return trimmed.length > MAX_MESSAGE ? `${trimmed.slice(0, MAX_MESSAGE)}…` : trimmed;
}
