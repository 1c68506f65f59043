import { describe, expect, it } from 'vitest';
import { diffRegistry } from '../../src/registry/registry-diff.ts';
import { GOOD_SITES } from './expected-sites.ts';

const [portal, edu, chengdu] = GOOD_SITES as [
  (typeof GOOD_SITES)[0],
  (typeof GOOD_SITES)[0],
  (typeof GOOD_SITES)[0],
];

describe('diffRegistry', () => {
  it('finds nothing to change in the same registry, whatever its order', () => {
    expect(diffRegistry(GOOD_SITES, [chengdu, portal, edu])).toEqual({
      added: [],
      removed: [],
      changed: [],
      unchanged: 3,
    });
  });

  it('matches sites by id: added, removed, and changed field by field', () => {
    const renamed = {
      ...chengdu,
      fullName: '成都市人民政府网',
      archiveRoots: ['/archive/'],
      maxPages: 30000,
    };
    const { siteCode: _dropped, ...noCode } = portal;
    const newcomer = { ...edu, id: 'sc-fgw', fullName: '四川省发展和改革委员会' };
    const diff = diffRegistry(GOOD_SITES, [noCode, renamed, newcomer]);
    expect(diff.added).toEqual([newcomer]);
    expect(diff.removed).toEqual([edu]);
    expect(diff.unchanged).toBe(0);
    expect(diff.changed).toEqual([
      {
        id: 'sc-portal',
        fullName: '四川省人民政府',
        changes: [{ field: 'siteCode', before: '5100000001', after: null }],
      },
      {
        id: 'chengdu-portal',
        fullName: '成都市人民政府网',
        changes: [
          { field: 'fullName', before: '成都市人民政府', after: '成都市人民政府网' },
          { field: 'archiveRoots', before: ['/archive/', '/old/'], after: ['/archive/'] },
          { field: 'maxPages', before: null, after: '30000' },
        ],
      },
    ]);
  });
});
