/** One registered government website (contract §1). */
export interface Site {
  id: string;
  /** The registered 网站全称 (clause 4.3.3). */
  fullName: string;
  homepage: string;
  level: SiteLevel;
  kind: SiteKind;
  /** 6-digit administrative division code, e.g. "510000". */
  region: string;
  /** Id of the portal a department site belongs to. */
  parent: string | null;
  /** 政府网站标识码: ten digits, or `bm` and eight digits for a State Council department (lower case). */
  siteCode?: string;
  /** URL path prefixes that hold archived pages (clause 4.4.3). */
  archiveRoots: string[];
  /** Added (issue 13): the pages a sweep of the service crawls on this site, instead of its plan's budget. */
  maxPages?: number;
}

/** The most pages a registry entry may ask for: a whole province's portal, twice over. */
export const MAX_SITE_PAGES = 200_000;

export const SITE_LEVELS = ['province', 'city', 'county'] as const;
export type SiteLevel = (typeof SITE_LEVELS)[number];

export const SITE_KINDS = ['portal', 'department'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
