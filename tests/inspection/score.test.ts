import { describe, expect, it } from 'vitest';
import type { Finding, Outcome } from '../../checks/check.ts';
import { scoreSite } from '../../src/inspection/score.ts';
import type { CheckReport } from '../../src/results.ts';

const HOME = 'https://www.sc.gov.cn/';
const HOME_FINAL = 'https://www.sc.gov.cn/index.html';
const OTHER = 'https://www.sc.gov.cn/xwzx/1.html';

const brokenOn = (page: string): Finding => ({
  url: page,
  target: `${page}#gone`,
  status: 404,
  message: '链接失效',
  evidence: {},
});
const rule = (ruleId: string, outcome: Outcome, findings: Finding[] = []): CheckReport => ({
  ruleId,
  outcome,
  findings,
});
const broken = (findings: Finding[]) => rule('broken-links', findings.length > 0 ? 'fail' : 'pass', findings);

describe('scoreSite', () => {
  it.each([
    ['everything passes', [rule('header-full-name', 'pass'), broken([])], 100],
    ['a failing rule costs 10', [rule('header-full-name', 'fail', [brokenOn(HOME)])], 90],
    [
      'every failing rule costs 10',
      ['header-full-name', 'gazette-column', 'archive-label', 'annual-report'].map((id) => rule(id, 'fail')),
      60,
    ],
    [
      'review and not-applicable cost nothing',
      [rule('header-full-name', 'review'), rule('gazette-column', 'not-applicable')],
      100,
    ],
    ['a broken link on the homepage costs 1', [broken([brokenOn(HOME)])], 99],
    ['the homepage after its redirect counts as the homepage', [broken([brokenOn(HOME_FINAL)])], 99],
    ['a broken link on another page costs 0.1', [broken([brokenOn(OTHER)])], 99.9],
    [
      'tenths add up without float noise',
      [broken([brokenOn(HOME), ...Array(3).fill(brokenOn(OTHER))])],
      98.7,
    ],
    ['unverified links under review cost nothing', [rule('broken-links', 'review', [brokenOn(HOME)])], 100],
    [
      'rules and links together',
      [rule('archive-label', 'fail'), broken([brokenOn(HOME), brokenOn(HOME), brokenOn(OTHER)])],
      87.9,
    ],
    ['never below 0', [broken(Array(150).fill(brokenOn(HOME)))], 0],
  ] as [string, CheckReport[], number][])('%s', (_case, checks, expected) => {
    expect(scoreSite(checks, [HOME, HOME_FINAL])).toBe(expected);
  });
});
