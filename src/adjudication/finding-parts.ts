/**
 * Reads one part of a finding, as a rule's `identity` names it (checks/check.ts `FindingIdentity`):
 * a dotted path (`evidence.item`, `evidence.expectedYears.0`); `*` takes every item of an array, as a
 * set (sorted, each value once), so that the order a page lists things in does not matter; a trailing
 * `?` gives only whether the part is there. Undefined when the path leads nowhere.
 */
export function readPart(finding: object, part: string): unknown {
  if (part.endsWith('?')) {
    const value = walk(finding, part.slice(0, -1).split('.'));
    return value !== undefined && value !== null;
  }
  return walk(finding, part.split('.'));
}

function walk(value: unknown, path: readonly string[]): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (head === '*') {
    if (!Array.isArray(value)) return undefined;
    const values = value.map((item) => walk(item, rest)).filter((item) => item !== undefined);
    const unique = new Map(values.map((item) => [canonicalJson(item), item] as const));
    return [...unique.keys()].sort().map((key) => unique.get(key));
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (!Object.hasOwn(value, head!)) return undefined;
  return walk((value as Record<string, unknown>)[head!], rest);
}

/** JSON with every object's keys in order, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const entries = Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return Object.fromEntries(entries);
  });
}
