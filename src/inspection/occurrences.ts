import type { CrawledPage, LinkOccurrence, RenderedHomepage, SiteCrawl } from '../../crawlers/artifacts.ts';
import { isSameSite, normalizeUrl } from '../../crawlers/url.ts';

/**
 * Every link to check, where it appears: the rendered homepage's anchors and sub-resources (as the
 * reader's browser sees them, script-written ones included) and the links of every crawled page of
 * the site. The homepage goes by `homepageUrl` whatever URL it was crawled under (the one asked for,
 * the one it redirected to, a link to itself), and pages of other sites crawled as seeds (a 政府公报
 * hosted elsewhere) are not this site's to answer for. What the browser asked for and was refused
 * (a script's request, a prefetch; see `refusedRequests`) is there too, as the homepage's: the link
 * check refuses it again, and the finding says so. One occurrence per (page, target).
 */
export function linkOccurrences(
  homepageUrl: string,
  rendered: RenderedHomepage | undefined,
  crawl: SiteCrawl | undefined,
): LinkOccurrence[] {
  const occurrences: LinkOccurrence[] = [];
  // Targets by page, not "page target" keys: a whole site's 300,000 links would make as many strings.
  const seen = new Map<string, Set<string>>();
  const add = (occurrence: LinkOccurrence) => {
    const targets = seen.get(occurrence.page) ?? new Set<string>();
    if (targets.has(occurrence.target)) return;
    if (targets.size === 0) seen.set(occurrence.page, targets);
    targets.add(occurrence.target);
    occurrences.push(occurrence);
  };
  for (const link of rendered?.links ?? []) {
    const target = normalizeUrl(link.href);
    if (target) add({ page: homepageUrl, target, kind: 'anchor', text: link.text.slice(0, 200) });
  }
  for (const resource of rendered?.resources ?? []) {
    const target = normalizeUrl(resource.url);
    if (target) add({ page: homepageUrl, target, kind: resource.kind, text: '' });
  }
  for (const request of rendered?.refusedRequests ?? []) {
    const target = normalizeUrl(request.url);
    if (target) add({ page: homepageUrl, target, kind: 'other', text: '' });
  }
  const homepages = homepageAddresses(homepageUrl, rendered, crawl?.pages ?? []);
  for (const page of crawl?.pages ?? []) {
    if (![...homepages].some((homepage) => isSameSite(page.finalUrl || page.url, homepage))) continue;
    const isHomepage = page.depth === 0 || homepages.has(page.url) || homepages.has(page.finalUrl);
    const pageUrl = isHomepage ? homepageUrl : page.url;
    for (const link of page.links) add({ page: pageUrl, target: link.url, kind: link.kind, text: link.text });
  }
  return occurrences;
}

/** The URLs the homepage answers at: the one asked for and where the browser and the crawl ended up. */
function homepageAddresses(
  homepageUrl: string,
  rendered: RenderedHomepage | undefined,
  pages: readonly CrawledPage[],
): Set<string> {
  const crawled = pages.find((page) => page.depth === 0);
  const urls = [homepageUrl, rendered?.finalUrl, crawled?.finalUrl];
  return new Set(urls.flatMap((url) => (url ? [normalizeUrl(url) ?? url] : [])));
}
