import { RegistryError, type RegistryProblem } from '../../src/registry/registry-error.ts';
import type { Site } from '../../src/registry/site.ts';

/** What fixtures/good.{yaml,json,csv} all hold. */
export const GOOD_SITES: Site[] = [
  {
    id: 'sc-portal',
    fullName: '四川省人民政府',
    homepage: 'https://www.sc.gov.cn/',
    level: 'province',
    kind: 'portal',
    region: '510000',
    parent: null,
    siteCode: '5100000001',
    archiveRoots: [],
  },
  {
    id: 'sc-edu',
    fullName: '四川省教育厅',
    homepage: 'http://edu.sc.gov.cn/',
    level: 'province',
    kind: 'department',
    region: '510000',
    parent: 'sc-portal',
    archiveRoots: [],
  },
  {
    id: 'chengdu-portal',
    fullName: '成都市人民政府',
    homepage: 'https://www.chengdu.gov.cn/',
    level: 'city',
    kind: 'portal',
    region: '510100',
    parent: null,
    siteCode: '5101000002',
    archiveRoots: ['/archive/', '/old/'],
  },
];

/** The RegistryError thrown by `action`; fails the test when it returns or throws anything else. */
export async function registryErrorOf(action: () => unknown): Promise<RegistryError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected a RegistryError, but the registry was accepted');
}

export async function problemsOf(action: () => unknown): Promise<RegistryProblem[]> {
  return (await registryErrorOf(action)).problems;
}
