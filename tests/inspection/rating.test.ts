import { describe, expect, it } from 'vitest';
import { rateSite } from '../../src/inspection/rating.ts';
import type { CheckReport } from '../../src/results.ts';

const pass = (ruleId: string): CheckReport => ({ ruleId, outcome: 'pass', findings: [] });
const fail = (ruleId: string, singleVeto?: string): CheckReport => ({
  ruleId,
  outcome: 'fail',
  findings: [{ url: 'https://www.sc.gov.cn/', message: '不通过。', evidence: {} }],
  ...(singleVeto ? { singleVeto } : {}),
});

describe('rateSite', () => {
  it('rates an inspected site 合格 however many ordinary rules failed', () => {
    expect(
      rateSite('done', [pass('header-full-name'), fail('broken-links'), fail('gazette-column')]),
    ).toEqual({
      qualified: true,
      vetoes: [],
    });
  });

  it('rates a site 不合格 when a rule failed with a single veto, naming each one', () => {
    const checks = [
      pass('header-full-name'),
      fail('content-freshness', '首页超过2周未更新，单项否决。'),
      fail('homepage-availability', '站点无法访问，单项否决。'),
    ];
    expect(rateSite('done', checks)).toEqual({
      qualified: false,
      vetoes: [
        { ruleId: 'content-freshness', reason: '首页超过2周未更新，单项否决。' },
        { ruleId: 'homepage-availability', reason: '站点无法访问，单项否决。' },
      ],
    });
  });

  it('leaves a site that could not be inspected unrated, unless the probes already vetoed it', () => {
    expect(rateSite('unreachable', [pass('site-domain')])).toEqual({ qualified: null, vetoes: [] });
    expect(rateSite('error', [])).toEqual({ qualified: null, vetoes: [] });
    expect(
      rateSite('unreachable', [fail('homepage-availability', '站点无法访问，单项否决。')]),
    ).toMatchObject({
      qualified: false,
    });
  });
});
