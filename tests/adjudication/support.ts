import type { FindingAction } from '../../src/adjudication/types.ts';

let made = 0;

/** An appeal or decision as the store returns it; `what` and the rest as given. */
export function action(overrides: Partial<FindingAction> & Pick<FindingAction, 'what'>): FindingAction {
  made += 1;
  return {
    id: `action-${made}`,
    findingId: 'f1',
    siteId: 'cd-portal',
    ruleId: 'annual-report',
    why: '理由',
    who: overrides.what === 'appeal' ? '成都市政府办公厅' : '省政府办公厅',
    role: overrides.what === 'appeal' ? 'city' : 'province',
    region: overrides.what === 'appeal' ? '510100' : null,
    when: '2026-11-21T02:00:00.000Z',
    ...(overrides.what === 'appeal' ? {} : { until: '2027-03-31' }),
    evidenceDigest: 'd1',
    sweepId: 'sweep-q4',
    period: '2026Q4',
    ...overrides,
  };
}
