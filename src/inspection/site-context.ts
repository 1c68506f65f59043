import type { HomepageAvailability } from '../../crawlers/artifacts.ts';
import type { Site } from '../registry/site.ts';

/**
 * What is known of a site beyond its own registry entry: the homepage of the portal it belongs to
 * (for the domain rule) and, in the service, its homepage's availability as the scheduled probes saw it.
 * The one-shot CLI knows the parent from the sites file and probes the homepage once itself.
 */
export interface SiteContext {
  parentHomepage?: string;
  availability?: HomepageAvailability;
}

/** The homepage of the portal `site.parent` names, when `sites` holds it. */
export function parentHomepageOf(site: Site, sites: readonly Site[]): string | undefined {
  if (!site.parent) return undefined;
  return sites.find((candidate) => candidate.id === site.parent)?.homepage;
}
