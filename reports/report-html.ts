import { join } from 'node:path';
import type { SweepResults } from '../src/results.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { escapeHtml } from './html/escape.ts';
import { renderNotes } from './html/notes.ts';
import { reportRules } from './html/rules.ts';
import { renderSite } from './html/site-section.ts';
import { REPORT_CSS } from './html/styles.ts';
import { renderHeader, renderMatrix, renderSummary, reportTitle } from './html/summary.ts';

/** What the report embeds beside the results: each site's header screenshot (PNG), when there is one. */
export interface ReportEvidence {
  screenshotFor(siteId: string): Uint8Array | undefined;
}

/** Reads a site's stored header screenshot; resolves undefined when the site has none. */
export type ReadScreenshot = (siteId: string) => Promise<Uint8Array | undefined>;

// The report runs no script and loads nothing: the policy makes that hold even if a site's text slipped through.
const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** `report.html`: one self-contained page in Simplified Chinese (styles inline, screenshots as data: URIs). */
export function renderReportHtml(results: SweepResults, evidence: ReportEvidence): string {
  const rules = reportRules(results);
  const sites = results.sites.map((site) => renderSite(site, rules, evidence.screenshotFor(site.siteId)));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${escapeHtml(reportTitle(results))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${renderHeader(results)}
${renderSummary(results, rules)}
${renderMatrix(results, rules)}
<h2>各网站检查详情</h2>
${sites.join('\n')}
${renderNotes(rules)}
</body>
</html>
`;
}

/** Writes `DIR/report.html` atomically, embedding each site's screenshot as read by `readScreenshot`. */
export async function writeReportHtml(
  dir: string,
  results: SweepResults,
  readScreenshot: ReadScreenshot,
): Promise<string> {
  const screenshots = new Map<string, Uint8Array>();
  for (const site of results.sites) {
    const bytes = await readScreenshot(site.siteId);
    if (bytes !== undefined) screenshots.set(site.siteId, bytes);
  }
  const path = join(dir, 'report.html');
  await writeFileAtomic(path, renderReportHtml(results, { screenshotFor: (id) => screenshots.get(id) }));
  return path;
}
