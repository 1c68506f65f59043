import { describe, expect, it } from 'vitest';
import { findingStatus, type ResultPlace } from '../../src/adjudication/finding-state.ts';
import type { FindingAction, FindingState } from '../../src/adjudication/types.ts';
import { defaultUntil, lastDayOf, nextPeriod } from '../../src/adjudication/until.ts';
import { action } from './support.ts';

/** The result the finding was decided on (2026Q4), the next quarter's, one after `until`, and the half-year's. */
const Q4: ResultPlace = { sweepId: 'sweep-q4', quarter: '2026Q4', halfYear: '2026H2', day: '2026-11-20' };
const Q1: ResultPlace = { sweepId: 'sweep-q1', quarter: '2027Q1', halfYear: '2027H1', day: '2027-02-01' };
const Q2: ResultPlace = { sweepId: 'sweep-q2', quarter: '2027Q2', halfYear: '2027H1', day: '2027-05-01' };
const Q3: ResultPlace = { sweepId: 'sweep-q3', quarter: '2026Q3', halfYear: '2026H2', day: '2026-08-01' };

const appeal = action({ what: 'appeal' });
const overturned = action({ what: 'overturned', when: '2026-11-25T02:00:00.000Z' });
const upheld = action({ what: 'upheld' });

const cases: [string, FindingAction[], ResultPlace, string, FindingState, object][] = [
  ['nothing on record', [], Q4, 'd1', 'open', {}],
  ['appealed', [appeal], Q4, 'd1', 'appealed', { appeal }],
  [
    'appealed in Q4, the same evidence found in Q1: still appealed',
    [appeal],
    Q1,
    'd1',
    'appealed',
    { appeal },
  ],
  [
    'upheld on this result',
    [upheld],
    Q4,
    'd1',
    'upheld',
    { decision: { ...upheld, inForce: true, carriedForward: false } },
  ],
  [
    'appealed then overturned',
    [appeal, overturned],
    Q4,
    'd1',
    'overturned',
    { appeal, decision: { ...overturned, inForce: true, carriedForward: false } },
  ],
  [
    'carried forward to the next quarter, evidence unchanged',
    [overturned],
    Q1,
    'd1',
    'overturned',
    { decision: { ...overturned, inForce: true, carriedForward: true } },
  ],
  [
    'past its until: open again, the decision beside it',
    [overturned],
    Q2,
    'd1',
    'open',
    { decision: { ...overturned, inForce: false, carriedForward: true } },
  ],
  [
    'evidence changed: open again, the decision beside it',
    [appeal, overturned],
    Q1,
    'd2',
    'open',
    { decision: { ...overturned, inForce: false, carriedForward: true } },
  ],
  ['a decision made for a later period does not reach back', [overturned], Q3, 'd1', 'open', {}],
  [
    'a correction: the later decision stands',
    [overturned, upheld],
    Q4,
    'd1',
    'upheld',
    { decision: { ...upheld, inForce: true, carriedForward: false } },
  ],
];

describe('findingStatus', () => {
  it.each(cases)('%s', (_name, actions, place, digest, state, rest) => {
    expect(findingStatus({ evidenceDigest: digest }, place, actions)).toEqual({ state, ...rest });
  });

  it('appeals again after a decision expired', () => {
    const again = action({ what: 'appeal', period: '2027Q2', sweepId: 'sweep-q2' });
    const status = findingStatus({ evidenceDigest: 'd1' }, Q2, [overturned, again]);
    expect(status).toMatchObject({ state: 'appealed', appeal: again, decision: { inForce: false } });
  });

  it('applies a half-year decision to the quarterly results of that half-year and after', () => {
    const h2 = action({ what: 'overturned', period: '2026H2', until: '2027-06-30' });
    expect(findingStatus({ evidenceDigest: 'd1' }, Q4, [h2]).state).toBe('overturned');
    expect(findingStatus({ evidenceDigest: 'd1' }, Q3, [h2]).state).toBe('overturned');
    expect(findingStatus({ evidenceDigest: 'd1' }, Q2, [h2]).state).toBe('overturned');
  });
});

describe('until', () => {
  it.each([
    ['2026-11-20T10:00:00+08:00', '2026Q4', '2027-03-31'],
    ['2027-01-05T10:00:00+08:00', '2026Q4', '2027-06-30'],
    ['2026-12-31T23:30:00+08:00', '2026Q4', '2027-03-31'],
    ['2026-11-20T10:00:00+08:00', '2026H2', '2027-06-30'],
    ['2027-05-20T10:00:00+08:00', '2027H1', '2027-12-31'],
  ])('a decision made %s on %s results carries forward to %s', (at, period, until) => {
    expect(defaultUntil(new Date(at), period)).toBe(until);
  });

  it.each([
    ['2026Q4', '2027Q1', '2026-12-31'],
    ['2027Q1', '2027Q2', '2027-03-31'],
    ['2028Q1', '2028Q2', '2028-03-31'],
    ['2026H2', '2027H1', '2026-12-31'],
    ['2027H1', '2027H2', '2027-06-30'],
  ])('%s: next %s, last day %s', (period, next, last) => {
    expect(nextPeriod(period)).toBe(next);
    expect(lastDayOf(period)).toBe(last);
  });
});
