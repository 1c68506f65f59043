import type { OfficeWording } from '../../checks/lib/office-wording.ts';
import type { HomepageAvailability } from '../../crawlers/artifacts.ts';
import type { Site } from '../registry/site.ts';

/**
 * What is known of a site beyond its own registry entry: the homepage of the portal it belongs to
 * (for the domain rule), in the service its homepage's availability as the scheduled probes saw it, and
 * the offices' wording entries with the site's exceptions (for wording-errors). The one-shot CLI knows
 * the parent from the sites file, probes the homepage once itself and reads `--wording-dictionary`.
 */
export interface SiteContext {
  parentHomepage?: string;
  availability?: HomepageAvailability;
  wording?: OfficeWording;
}

/** The homepage of the portal `site.parent` names, when `sites` holds it. */
export function parentHomepageOf(site: Site, sites: readonly Site[]): string | undefined {
  if (!site.parent) return undefined;
  return sites.find((candidate) => candidate.id === site.parent)?.homepage;
}
