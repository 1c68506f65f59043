import type { OfficeWording, OfficeWordingEntry } from '../../checks/lib/office-wording.ts';

/** The offices' dictionary for a sweep: the province-wide entries and each site's exceptions. */
export interface OfficeDictionary {
  entries: readonly OfficeWordingEntry[];
  /** By site id. */
  exceptions: ReadonlyMap<string, readonly string[]>;
}

/** What a site's inspection reads beside the shipped dictionary; undefined when offices kept nothing for it. */
export function siteWording(dictionary: OfficeDictionary, siteId: string): OfficeWording | undefined {
  const exceptions = dictionary.exceptions.get(siteId) ?? [];
  if (dictionary.entries.length === 0 && exceptions.length === 0) return undefined;
  return { entries: dictionary.entries, exceptions };
}
