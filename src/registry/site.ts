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
}

export const SITE_LEVELS = ['province', 'city', 'county'] as const;
export type SiteLevel = (typeof SITE_LEVELS)[number];

export const SITE_KINDS = ['portal', 'department'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
