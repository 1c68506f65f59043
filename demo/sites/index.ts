import type { Site } from '../../src/registry/site.ts';
import { cdPortal } from './cd-portal.ts';
import { eduDept } from './edu-dept.ts';
import { fgwDept } from './fgw-dept.ts';
import { glCounty } from './gl-county.ts';
import { hjCounty } from './hj-county.ts';
import { scPortal } from './sc-portal.ts';
import type { DemoSite } from './types.ts';

/** A county site whose server is down: the sweep reports it unreachable and goes on. */
const xxCounty: DemoSite = {
  host: 'www.xuyong.gov.cn',
  site: {
    id: 'xx-county',
    fullName: '叙永县人民政府',
    level: 'county',
    kind: 'portal',
    region: '510524',
    parent: null,
    archiveRoots: [],
  },
  expected: { status: 'unreachable' },
  routes: () => ({}),
};

export const DEMO_SITES: readonly DemoSite[] = [
  scPortal,
  cdPortal,
  eduDept,
  fgwDept,
  hjCounty,
  glCounty,
  xxCounty,
];

export type { DemoSite, DemoWorld } from './types.ts';
export type DemoRegistry = Site[];
