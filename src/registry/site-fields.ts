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
    const distance = editDistance(lower, field.toLowerCase());
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { field, distance };
  }
  return best?.field;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
