import { distance } from 'fastest-levenshtein';

/** The fields a site may carry in a sites file (contract §1), in the order they are checked. */
export const SITE_FIELDS = [
  'id',
  'fullName',
  'homepage',
  'level',
  'kind',
  'region',
  'parent',
  'siteCode',
  'archiveRoots',
  'maxPages',
] as const;

export type SiteField = (typeof SITE_FIELDS)[number];

export const REQUIRED_FIELDS: readonly SiteField[] = [
  'id',
  'fullName',
  'homepage',
  'level',
  'kind',
  'region',
];

export function isSiteField(name: string): name is SiteField {
  return (SITE_FIELDS as readonly string[]).includes(name);
}

/** The problem text for a field name that is not one of ours, with the likely intended name. */
export function unknownFieldMessage(name: string, what: '字段' | '列'): string {
  const guess = closestField(name);
  const hint = guess === undefined ? '' : `，是不是 "${guess}"？`;
  return `未知${what} "${name}"${hint}（可用的${what}：${SITE_FIELDS.join('、')}）`;
}

/** A known field that differs from `name` only in case, or by at most two edits (`fullname`, `homepag`). */
function closestField(name: string): SiteField | undefined {
  const lower = name.toLowerCase();
  let best: { field: SiteField; distance: number } | undefined;
  for (const field of SITE_FIELDS) {
    const edits = distance(lower, field.toLowerCase());
    if (edits <= 2 && (best === undefined || edits < best.distance)) best = { field, distance: edits };
  }
  return best?.field;
}
