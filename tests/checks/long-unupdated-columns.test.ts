import { describe, expect, it } from 'vitest';
import { longUnupdatedColumns } from '../../checks/long-unupdated-columns.ts';
import { HOME, site } from './fixtures/builders.ts';
import { blank, type ColumnSpec, columnSite, dated, NOW, undated } from './fixtures/column-sites.ts';

const judge = (nav: ColumnSpec[], grid: ColumnSpec[] = []) =>
  longUnupdatedColumns.run(columnSite(nav, grid), { site: site(), now: NOW });
const NAMES = [
  '人事信息',
  '规划计划',
  '统计数据',
  '财政预决算',
  '人事任免',
  '发展规划',
  '统计公报',
  '部门预算',
  '部门决算',
  '年度计划',
  '招聘信息',
];
const yearly = (count: number, days = 400, prefix = 'y') =>
  NAMES.slice(0, count).map((name, i) => dated(name, `/${prefix}${i}/`, days));
const VETO = '应更新但超过1年未更新的栏目累计10个及以上（应更新但长期未更新），按国家检查指标单项否决。';

describe('long-unupdated-columns', () => {
  it.each<[string, ColumnSpec[], string, number, boolean]>([
    ['yearly columns updated within the year', yearly(10, 365), 'pass', 0, false],
    ['9 yearly columns a year and a day old', yearly(9, 366), 'review', 9, false],
    ['10 yearly columns a year and a day old', yearly(10, 366), 'fail', 10, true],
    [
      '9 yearly and a news column stale for a year',
      [...yearly(9), dated('工作动态', '/gzdt/', 400)],
      'fail',
      10,
      true,
    ],
    ['9 yearly and one undated list', [...yearly(9), undated('统计信息', '/tjxx/')], 'fail', 10, true],
    [
      '10 columns of no kind, 2000 days old',
      Array.from({ length: 10 }, (_, i) => dated(`领导之窗${i}`, `/ld${i}/`, 2000)),
      'pass',
      0,
      false,
    ],
    [
      '9 stale and blank ones (blank-columns judges those)',
      [...yearly(9), blank('统计年鉴', '/tjnj/')],
      'review',
      9,
      false,
    ],
  ])('%s → %s', (_case, nav, outcome, count, veto) => {
    const result = judge(nav);
    expect(result.outcome).toBe(outcome);
    expect(result.findings).toHaveLength(count);
    expect(result.singleVeto).toBe(veto ? VETO : undefined);
  });

  it('gives the newest entry, the kind and the tally', () => {
    const result = judge(yearly(1, 500));
    expect(result.findings[0]).toMatchObject({
      url: `${HOME}y0/`,
      message: expect.stringMatching(
        /^栏目“人事信息”最新的信息发布于2025-07-\d\d（2025-07-\d\d），距今500天，人事、规划计划、统计、财政等应定期更新类栏目超过1年未更新（应更新但长期未更新）；全站累计1个应更新栏目超过1年未更新，未达到国家检查指标的10个，需人工确认。$/,
      ),
      evidence: { column: '人事信息', kind: 'long-period', daysSince: 500, thresholdDays: 365 },
    });
  });

  it('says an undated list is taken as not updated, with its titles', () => {
    const [finding] = judge([undated('人事信息', '/rsxx/')]).findings;
    expect(finding!.message).toContain(
      '栏目“人事信息”的信息列表（3条，如“关于某某工作的通知”）都没有注明发布时间，按检查指标“未注明信息发布时间的视为不更新”，视为超过1年未更新',
    );
    expect(finding!.evidence).toMatchObject({ undated: 'body>div.list>ul', undatedEntries: 3 });
  });

  it('counts columns deep in the 信息公开 grid: 10 there fail', () => {
    const result = judge([dated('工作动态', '/gzdt/', 2)], yearly(10, 400, 'xxgk/m'));
    expect(result.outcome).toBe('fail');
    expect(result.findings.every((f) => f.evidence.source === 'disclosure-grid')).toBe(true);
  });
});
