import type { RenderedHomepage } from '../../crawlers/artifacts.ts';
import { isSameSite, normalizeUrl } from '../../crawlers/url.ts';
import type { Site } from '../registry/site.ts';

/** Homepage links the checks will want to see the target of: the 公报 column, annual reports, archives. */
const WANTED_LINK_TEXT = /公报|政报|年度报表|年报|归档/;

export interface CrawlSeed {
  url: string;
  priority?: boolean;
}

/**
 * The crawl's extra start URLs: every link of the rendered homepage (menus written by script are
 * invisible to a plain HTTP crawl), with the pages the checks depend on (政府公报 column, annual
 * report, archive roots) first, so a tight page budget never leaves them out. Other sites' pages are
 * seeded only when a check needs them (a 政府公报 column hosted elsewhere); the rest are link-checked.
 */
export function crawlSeeds(site: Site, homepage: RenderedHomepage | undefined): CrawlSeed[] {
  const seeds = new Map<string, CrawlSeed>();
  const add = (href: string, priority: boolean) => {
    const url = normalizeUrl(href, homepage?.finalUrl ?? site.homepage);
    if (url && !(seeds.get(url)?.priority ?? false)) seeds.set(url, { url, priority });
  };
  for (const root of site.archiveRoots) add(root, true);
  for (const link of homepage?.links ?? []) {
    const wanted = WANTED_LINK_TEXT.test(`${link.text} ${link.title ?? ''}`);
    if (wanted || isSameSite(link.href, site.homepage)) add(link.href, wanted);
  }
  return [...seeds.values()];
}
