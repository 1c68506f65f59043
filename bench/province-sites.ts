import type { Site } from '../src/registry/site.ts';

/** A made-up province of `count` county portals spread over 20 cities, for the store benches. */
export function provinceSites(count: number): Site[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `site-${i}`,
    fullName: `第${i}县人民政府`,
    homepage: `http://site-${i}.example.gov.cn/`,
    level: 'county',
    kind: 'portal',
    region: `51${String(1 + (i % 20)).padStart(2, '0')}${String(1 + (i % 30)).padStart(2, '0')}`,
    parent: null,
    archiveRoots: [],
  }));
}
