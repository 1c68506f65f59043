import type { Site } from './site.ts';
import { SITE_FIELDS, type SiteField } from './site-fields.ts';

/** A field of a site that a new registry changes; absent values are null. */
export interface FieldChange {
  field: SiteField;
  before: string | string[] | null;
  after: string | string[] | null;
}

export interface ChangedSite {
  id: string;
  fullName: string;
  changes: FieldChange[];
}

/** What replacing the registry `before` by `after` does, site by site (matched by id). */
export interface RegistryDiff {
  /** In the new registry's order. */
  added: Site[];
  /** In the old registry's order. */
  removed: Site[];
  /** In the new registry's order. */
  changed: ChangedSite[];
  unchanged: number;
}

export function diffRegistry(before: readonly Site[], after: readonly Site[]): RegistryDiff {
  const old = new Map(before.map((site) => [site.id, site]));
  const kept = new Set(after.map((site) => site.id));
  const diff: RegistryDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const site of after) {
    const previous = old.get(site.id);
    if (previous === undefined) {
      diff.added.push(site);
      continue;
    }
    const changes = fieldChanges(previous, site);
    if (changes.length === 0) diff.unchanged += 1;
    else diff.changed.push({ id: site.id, fullName: site.fullName, changes });
  }
  diff.removed = before.filter((site) => !kept.has(site.id));
  return diff;
}

function fieldChanges(before: Site, after: Site): FieldChange[] {
  return SITE_FIELDS.flatMap((field) => {
    const was = fieldValue(before, field);
    const is = fieldValue(after, field);
    return JSON.stringify(was) === JSON.stringify(is) ? [] : [{ field, before: was, after: is }];
  });
}

/** A number (maxPages) as its text: the diff's values are text, as the sites file has them. */
function fieldValue(site: Site, field: SiteField): string | string[] | null {
  const value = site[field];
  return typeof value === 'number' ? String(value) : (value ?? null);
}
