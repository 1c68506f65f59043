import { describe, expect, it } from 'vitest';
import type { Finding, Outcome } from '../../checks/check.ts';
import { adjudicate } from '../../src/adjudication/adjudicate.ts';
import { identifyFindings } from '../../src/adjudication/finding-id.ts';
import type { FindingState } from '../../src/adjudication/types.ts';
import type { CheckReport, SiteResult } from '../../src/results.ts';

const HOME = 'https://www.chengdu.gov.cn/';
const STALE_VETO = '首页信息超过2周未更新（网站不更新），按国家检查指标单项否决。';
const DOWN_VETO = '首页无法访问的探测占8.0%（达到5%），属于“站点无法访问”……';

const f = (name: string, evidence: Record<string, unknown> = {}, more: Partial<Finding> = {}): Finding => ({
  url: HOME,
  message: name,
  evidence: { name, ...evidence },
  ...more,
});
const check = (
  ruleId: string,
  outcome: Outcome,
  findings: Finding[] = [],
  singleVeto?: string,
): CheckReport => ({
  ruleId,
  outcome,
  findings,
  ...(singleVeto ? { singleVeto } : {}),
});

function result(checks: CheckReport[], score: number, qualified: boolean | null = true): SiteResult {
  return identifyFindings({
    siteId: 'cd-portal',
    status: 'done',
    pagesCrawled: 10,
    linksChecked: 50,
    score,
    qualified,
    vetoes: checks.flatMap((c) => (c.singleVeto ? [{ ruleId: c.ruleId, reason: c.singleVeto }] : [])),
    checks,
    startedAt: '2026-11-20T02:00:00.000Z',
    finishedAt: '2026-11-20T02:05:00.000Z',
    durationMs: 300_000,
    fullName: '成都市人民政府',
    homepage: HOME,
  });
}

/** Adjudicates with the states given by finding message (the finding's name); others open. */
function judged(site: SiteResult, states: Record<string, FindingState | 'appealed-then-overturned'> = {}) {
  return adjudicate(site, (finding) => {
    const state = states[finding.message];
    if (state === undefined) return undefined;
    if (state === 'appealed-then-overturned') return { state: 'overturned', appeal: {} as never };
    return { state, ...(state === 'appealed' ? { appeal: {} as never } : {}) };
  });
}

const outcomes = (values: ReturnType<typeof judged>) =>
  Object.fromEntries(values.checks.map((c) => [c.ruleId, c.outcome]));

const BROKEN = check('broken-links', 'fail', [
  f('home', {}, { target: `${HOME}a.html`, status: 404 }),
  f('page-1', {}, { url: `${HOME}xw/1.html`, target: `${HOME}b.html`, status: 404 }),
  f('page-2', {}, { url: `${HOME}xw/2.html`, target: `${HOME}c.html`, status: 500 }),
]);

describe('adjudicated values', () => {
  const site = result(
    [
      check('header-full-name', 'pass'),
      check('annual-report', 'fail', [f('no-report')]),
      check('footer-identifiers', 'fail', [
        f('icp', { item: 'ICP备案编号' }),
        f('police', { item: '公安机关备案号' }),
      ]),
      check('site-functions', 'review', [
        f('label-only', { function: '互动交流' }),
        f('frames', { function: '解读回应' }),
      ]),
      check('error-report-entry', 'review', [f('not-clickable')]),
      BROKEN,
      check('gazette-column', 'not-applicable'),
    ],
    78.8,
  );

  it('are the automated values while nothing is decided, every finding counted open', () => {
    expect(judged(site)).toEqual({
      score: 78.8,
      qualified: true,
      vetoes: [],
      checks: site.checks.map(({ ruleId, outcome }) => ({ ruleId, outcome })),
      counts: {
        findings: 9,
        open: 9,
        appealed: 0,
        appealsPending: 0,
        reviewed: 0,
        upheld: 0,
        overturned: 0,
        struckOff: 0,
      },
    });
  });

  const cases: [
    string,
    Record<string, FindingState | 'appealed-then-overturned'>,
    Record<string, Outcome>,
    number,
  ][] = [
    [
      'a failing check whose only finding is struck off passes',
      { 'no-report': 'overturned' },
      { 'annual-report': 'pass' },
      88.8,
    ],
    [
      'a failing check with a finding left still fails',
      { icp: 'overturned' },
      { 'footer-identifiers': 'fail' },
      78.8,
    ],
    [
      'a failing check with every finding struck off passes',
      { icp: 'overturned', police: 'overturned' },
      { 'footer-identifiers': 'pass' },
      88.8,
    ],
    [
      'an upheld finding of a failing check keeps it failing',
      { 'no-report': 'upheld' },
      { 'annual-report': 'fail' },
      78.8,
    ],
    [
      'an upheld review finding fails its check',
      { 'not-clickable': 'upheld' },
      { 'error-report-entry': 'fail' },
      68.8,
    ],
    [
      'a dismissed review finding passes its check',
      { 'not-clickable': 'overturned' },
      { 'error-report-entry': 'pass' },
      78.8,
    ],
    [
      'a review check with an undecided finding left stays review',
      { 'label-only': 'overturned' },
      { 'site-functions': 'review' },
      78.8,
    ],
    [
      'an upheld finding among undecided review ones fails the check',
      { frames: 'upheld' },
      { 'site-functions': 'fail' },
      68.8,
    ],
    [
      'an appeal changes nothing until decided',
      { 'no-report': 'appealed' },
      { 'annual-report': 'fail' },
      78.8,
    ],
    [
      'a broken link on the homepage struck off gives its point back',
      { home: 'overturned' },
      { 'broken-links': 'fail' },
      79.8,
    ],
    [
      'a broken link on another page struck off gives 0.1 back',
      { 'page-2': 'overturned' },
      { 'broken-links': 'fail' },
      78.9,
    ],
    [
      'every broken link struck off passes the rule',
      { home: 'overturned', 'page-1': 'overturned', 'page-2': 'overturned' },
      { 'broken-links': 'pass' },
      80,
    ],
  ];
  it.each(cases)('%s', (_name, states, changed, score) => {
    const values = judged(site, states);
    expect(outcomes(values)).toEqual({ ...outcomes(judged(site)), ...changed });
    expect(values.score).toBe(score);
  });

  it('counts reviewed, appealed and struck-off findings', () => {
    const values = judged(site, {
      'no-report': 'appealed-then-overturned',
      icp: 'upheld',
      police: 'appealed',
      'not-clickable': 'overturned',
    });
    expect(values.counts).toEqual({
      findings: 9,
      open: 5,
      appealed: 2,
      appealsPending: 1,
      reviewed: 3,
      upheld: 1,
      overturned: 2,
      // The dismissed review is no 核减: only the failing rule's finding is struck off.
      struckOff: 1,
    });
  });
});

describe('single vetoes once findings are decided', () => {
  const down = result(
    [check('homepage-availability', 'fail', [f('rate', { judgement: 'failure-rate' })], DOWN_VETO)],
    90,
    false,
  );
  it('falls with the availability finding struck off', () => {
    expect(judged(down)).toMatchObject({ qualified: false, vetoes: [{ ruleId: 'homepage-availability' }] });
    expect(judged(down, { rate: 'overturned' })).toMatchObject({ qualified: true, vetoes: [], score: 100 });
  });

  const stale = result(
    [
      check(
        'content-freshness',
        'fail',
        [f('homepage'), ...[1, 2, 3, 4, 5].map((n) => f(`column-${n}`, { column: `栏目${n}` }))],
        STALE_VETO,
      ),
    ],
    90,
    false,
  );
  it('stands while the stale homepage finding stands, whatever is decided of the columns', () => {
    expect(judged(stale, { 'column-1': 'overturned' })).toMatchObject({ qualified: false, score: 90 });
  });

  it('falls with the homepage finding struck off, the stale columns still failing the rule', () => {
    const values = judged(stale, { homepage: 'overturned' });
    expect(values).toMatchObject({ qualified: true, vetoes: [], score: 90 });
    expect(outcomes(values)['content-freshness']).toBe('fail');
  });

  it('is given by an upheld review finding that carries it (the homepage judged stale by a person)', () => {
    const undecided = result(
      [check('content-freshness', 'review', [f('homepage'), f('column-1', { column: '栏目1' })])],
      100,
    );
    expect(judged(undecided, { 'column-1': 'upheld' })).toMatchObject({
      qualified: true,
      vetoes: [],
      score: 90,
    });
    expect(judged(undecided, { homepage: 'upheld' })).toMatchObject({
      qualified: false,
      vetoes: [{ ruleId: 'content-freshness', reason: STALE_VETO }],
      score: 90,
    });
  });
});

describe('sites that could not be inspected', () => {
  it('keep score 0 and no rating, whatever is decided', () => {
    const unreachable: SiteResult = {
      ...result(
        [check('site-domain', 'fail', [f('host')]), check('header-full-name', 'review', [f('no-render')])],
        0,
        null,
      ),
      status: 'unreachable',
    };
    expect(judged(unreachable, { host: 'overturned', 'no-render': 'overturned' })).toMatchObject({
      score: 0,
      qualified: null,
      checks: [
        { ruleId: 'site-domain', outcome: 'pass' },
        { ruleId: 'header-full-name', outcome: 'pass' },
      ],
    });
  });

  it('rate an old result stored without a rating as the inspection rates it', () => {
    const {
      qualified: _q,
      vetoes: _v,
      ...old
    } = result([check('annual-report', 'fail', [f('no-report')])], 90);
    expect(judged(old)).toMatchObject({ score: 90, qualified: true, vetoes: [] });
  });
});
