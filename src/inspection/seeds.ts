import { ARCHIVED_WORDS } from '../../checks/lib/archive-wording.ts';
import { channelKind } from '../../checks/lib/consultation-channel.ts';
import { isGazetteLink } from '../../checks/lib/gazette-link.ts';
import { readAnnualReportTitle } from '../../checks/lib/report-title.ts';
import type { RenderedHomepage, RenderedLink } from '../../crawlers/artifacts.ts';
import { isSameSite, normalizeUrl } from '../../crawlers/url.ts';
import type { Site } from '../registry/site.ts';

export interface CrawlSeed {
  url: string;
  priority?: boolean;
}

/**
 * A homepage link whose target a check will look for, recognised as the checks recognise it: the
 * 政府公报 column (not a 统计公报), the 政府网站工作年度报表 (not the 信息公开年报), an archive entry, a
 * consultation channel (县长信箱, 在线咨询; not 网上信访) whose letter list interaction-response reads.
 */
function wantedByChecks(link: RenderedLink): boolean {
  if (isGazetteLink(link)) return true;
  const labels = [link.text, link.title, link.ariaLabel].filter((l): l is string => l !== undefined);
  return labels.some(
    (label) =>
      readAnnualReportTitle(label) !== null || ARCHIVED_WORDS.test(label) || channelKind(label) === 'channel',
  );
}

/**
 * The crawl's extra start URLs: every link of the rendered homepage (menus written by script are
 * invisible to a plain HTTP crawl), with the pages the checks depend on (政府公报 column, annual
 * report, archive roots, consultation columns, whose letters' pages follow them) first, so a tight page
 * budget never leaves them out. Other sites' pages are seeded only when a check needs them (a 政府公报
 * column or a letter box hosted elsewhere); the rest are link-checked.
 */
export function crawlSeeds(site: Site, homepage: RenderedHomepage | undefined): CrawlSeed[] {
  const seeds = new Map<string, CrawlSeed>();
  const add = (href: string, priority: boolean) => {
    const url = normalizeUrl(href, homepage?.finalUrl ?? site.homepage);
    if (url && !(seeds.get(url)?.priority ?? false)) seeds.set(url, { url, priority });
  };
  for (const root of site.archiveRoots) add(root, true);
  for (const link of homepage?.links ?? []) {
    const wanted = wantedByChecks(link);
    if (wanted || isSameSite(link.href, site.homepage)) add(link.href, wanted);
  }
  return [...seeds.values()];
}
