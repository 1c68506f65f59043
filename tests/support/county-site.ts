import type { Site } from '../../src/registry/site.ts';

/** A county's portal in region 510122 at `homepage`: no parent portal, no archive. */
export const countySite = (id: string, homepage: string, fullName = '示例县人民政府'): Site => ({
  id,
  fullName,
  homepage,
  level: 'county',
  kind: 'portal',
  region: '510122',
  parent: null,
  archiveRoots: [],
});
