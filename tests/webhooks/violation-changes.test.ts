import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../checks/check.ts';
import type { FindingAction } from '../../src/adjudication/types.ts';
import type { StoredResult } from '../../src/store/store.ts';
import { violationPayload } from '../../src/webhooks/payloads.ts';
import { adjudicatedChanges, failingFindings } from '../../src/webhooks/violation-changes.ts';
import { action } from '../adjudication/support.ts';
import { siteResult } from '../api/support/fixtures.ts';

const RULE = 'header-full-name';
const SITE = 'cd-portal';

/** Where each result lies: three in 2026Q4, one in 2027Q1, one in 2027Q2 (after a decision's default until). */
const PLACES = {
  q4a: { quarter: '2026Q4', halfYear: '2026H2', day: '2026-10-20' },
  q4x: { quarter: '2026Q4', halfYear: '2026H2', day: '2026-11-10' },
  q4b: { quarter: '2026Q4', halfYear: '2026H2', day: '2026-11-28' },
  q1: { quarter: '2027Q1', halfYear: '2027H1', day: '2027-02-01' },
  q2: { quarter: '2027Q2', halfYear: '2027H1', day: '2027-05-01' },
} as const;
type Sweep = keyof typeof PLACES;

/** `header-full-name` with these findings (id:digest), `fail` unless another outcome is given. */
function stored(sweep: Sweep, findings: string[], outcome: Outcome = findings.length ? 'fail' : 'pass') {
  const { quarter, halfYear, day } = PLACES[sweep];
  const base = siteResult(SITE, [], { startedAt: `${day}T02:00:00.000Z` });
  const result = {
    ...base,
    score: outcome === 'fail' ? 90 : 100,
    checks: base.checks.map((check) =>
      check.ruleId !== RULE
        ? check
        : {
            ruleId: RULE,
            outcome,
            findings: findings.map((f) => {
              const [id, evidenceDigest] = f.split(':');
              return {
                url: `http://127.0.0.1:9/${SITE}/${id}`,
                message: '头部显示简称',
                evidence: {},
                id,
                evidenceDigest,
              };
            }),
          },
    ),
  };
  return {
    sweepId: sweep,
    siteId: SITE,
    quarter,
    halfYear,
    result,
    storedAt: `${day}T03:00:00.000Z`,
  } satisfies StoredResult;
}

/** A decision (or appeal) on finding f1 with evidence d1, made on the first Q4 result unless told. */
const on = (what: FindingAction['what'], overrides: Partial<FindingAction> = {}) =>
  action({
    what,
    findingId: 'f1',
    siteId: SITE,
    ruleId: RULE,
    evidenceDigest: 'd1',
    sweepId: 'q4a',
    ...overrides,
  });

const none = { detected: [], resolved: [] };
const detected = { detected: [RULE], resolved: [] };
const resolved = { detected: [], resolved: [RULE] };

// [what happens, current, earlier (newest first), actions, expected]
const cases: [string, StoredResult, StoredResult[], FindingAction[], object][] = [
  ['a first failure', stored('q4a', ['f1:d1']), [], [], detected],
  [
    'a first failure already appealed: still a violation',
    stored('q4a', ['f1:d1']),
    [],
    [on('appeal')],
    detected,
  ],
  [
    'a first failure whose only finding is overturned: no violation',
    stored('q4a', ['f1:d1']),
    [],
    [on('overturned')],
    none,
  ],
  [
    'one of two findings overturned: the rule still fails',
    stored('q4a', ['f1:d1', 'f2:d2']),
    [],
    [on('overturned')],
    detected,
  ],
  [
    'overturned on the earlier result, found again on the same evidence: carried forward, nothing',
    stored('q4b', ['f1:d1']),
    [stored('q4a', ['f1:d1'])],
    [on('overturned')],
    none,
  ],
  [
    'carried forward into the next quarter (within until): nothing',
    stored('q1', ['f1:d1']),
    [stored('q4a', ['f1:d1'])],
    [on('overturned', { until: '2027-03-31' })],
    none,
  ],
  [
    'overturned, then the evidence changed: open again, a violation again',
    stored('q4b', ['f1:d9']),
    [stored('q4a', ['f1:d1'])],
    [on('overturned')],
    detected,
  ],
  [
    'overturned, then past its until: open again, a violation again',
    stored('q2', ['f1:d1']),
    [stored('q4a', ['f1:d1'])],
    [on('overturned', { until: '2027-03-31' })],
    detected,
  ],
  [
    'overturned, then the rule passes: it was no violation, so nothing is resolved',
    stored('q4b', []),
    [stored('q4a', ['f1:d1'])],
    [on('overturned')],
    none,
  ],
  ['an open failure that passes now: resolved', stored('q4b', []), [stored('q4a', ['f1:d1'])], [], resolved],
  [
    'an upheld failure that passes now: resolved',
    stored('q4b', []),
    [stored('q4a', ['f1:d1'])],
    [on('upheld')],
    resolved,
  ],
  [
    'a failure found again on other evidence, not decided: still failing, nothing new',
    stored('q4b', ['f1:d9']),
    [stored('q4a', ['f1:d1'])],
    [],
    none,
  ],
  [
    'a review finding upheld, found again on the same evidence: a violation all along, nothing new',
    stored('q4b', ['f1:d1'], 'review'),
    [stored('q4a', ['f1:d1'], 'review')],
    [on('upheld')],
    none,
  ],
  [
    'a review finding upheld, then the rule passes: resolved',
    stored('q4b', []),
    [stored('q4a', ['f1:d1'], 'review')],
    [on('upheld')],
    resolved,
  ],
  [
    'overturned, unreachable in between (review), found again on the same evidence: nothing',
    stored('q4b', ['f1:d1']),
    [stored('q4x', [], 'review'), stored('q4a', ['f1:d1'])],
    [on('overturned')],
    none,
  ],
  [
    'a decision on another evidence digest does not apply',
    stored('q4a', ['f1:d1']),
    [],
    [on('overturned', { evidenceDigest: 'd0' })],
    detected,
  ],
];

describe('violation changes with adjudication', () => {
  it.each(cases)('%s', (_, current, earlier, actions, expected) => {
    const { detected, resolved } = adjudicatedChanges(current, earlier, actions);
    expect({ detected, resolved }).toEqual(expected);
  });

  it('lists only the findings still failing, and describes a resolved rule by what failed before', () => {
    const actions = [on('overturned')];
    const first = adjudicatedChanges(stored('q4a', ['f1:d1', 'f2:d2']), [], actions);
    expect(failingFindings(first.current, RULE).map((f) => f.id)).toEqual(['f2']);
    const sweep = {
      id: 'q4a',
      kind: 'quarterly-patrol',
      period: '2026Q4',
    } as Parameters<typeof violationPayload>[1]['sweep'];
    const site = { id: SITE, name: '成都市人民政府', region: '510100', homepage: 'http://127.0.0.1:9/' };
    const at = new Date('2026-10-20T03:00:00Z');
    const detectedPayload = violationPayload('violation.detected', {
      sweep,
      site,
      ruleId: RULE,
      ...first,
      at,
    });
    expect(detectedPayload.data).toMatchObject({
      outcome: 'fail',
      previousOutcome: null,
      findings: { count: 1, items: [{ id: 'f2', evidenceDigest: 'd2', state: 'open' }] },
      score: 90,
      automated: { outcome: 'fail', score: 90 },
    });

    const later = adjudicatedChanges(stored('q4b', []), [stored('q4a', ['f1:d1', 'f2:d2'])], actions);
    expect(later.resolved).toEqual([RULE]);
    const resolvedPayload = violationPayload('violation.resolved', {
      sweep,
      site,
      ruleId: RULE,
      ...later,
      at,
    });
    expect(resolvedPayload.data).toMatchObject({
      outcome: 'pass',
      previousOutcome: 'fail',
      findings: { count: 1, items: [{ id: 'f2' }] },
      score: 100,
      previousScore: 90,
      previousSweepId: 'q4a',
    });
  });

  it('scores an overturned failure as the inspection would have without it', () => {
    const { current } = adjudicatedChanges(stored('q4a', ['f1:d1']), [], [on('overturned')]);
    expect(current.result.score).toBe(90);
    expect(current.result.adjudicated).toMatchObject({ score: 100, qualified: true });
    expect(current.result.adjudicated.checks.find((c) => c.ruleId === RULE)?.outcome).toBe('pass');
  });
});
