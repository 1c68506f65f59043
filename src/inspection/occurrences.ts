import type { LinkOccurrence, RenderedHomepage, SiteCrawl } from '../../crawlers/artifacts.ts';
import { normalizeUrl } from '../../crawlers/url.ts';

/**
 * Every link to check, where it appears: the rendered homepage's anchors and sub-resources (as the
 * reader's browser sees them, script-written ones included) and the links of every crawled page.
 * One occurrence per (page, target).
 */
export function linkOccurrences(
  homepageUrl: string,
  rendered: RenderedHomepage | undefined,
  crawl: SiteCrawl | undefined,
): LinkOccurrence[] {
  const byKey = new Map<string, LinkOccurrence>();
  const add = (occurrence: LinkOccurrence) => {
    const key = `${occurrence.page}\n${occurrence.target}`;
    if (!byKey.has(key)) byKey.set(key, occurrence);
  };
  for (const link of rendered?.links ?? []) {
    const target = normalizeUrl(link.href);
    if (target) add({ page: homepageUrl, target, kind: 'anchor', text: link.text.slice(0, 200) });
  }
  for (const resource of rendered?.resources ?? []) {
    const target = normalizeUrl(resource.url);
    if (target) add({ page: homepageUrl, target, kind: resource.kind, text: '' });
  }
  for (const page of crawl?.pages ?? []) {
    const pageUrl = page.depth === 0 ? homepageUrl : page.url;
    for (const link of page.links) add({ page: pageUrl, target: link.url, kind: link.kind, text: link.text });
  }
  return [...byKey.values()];
}
