import { describe, expect, it } from 'vitest';
import { blankColumns } from '../../checks/blank-columns.ts';
import { HOME, site } from './fixtures/builders.ts';
import { blank, type ColumnSpec, columnSite, dated, NOW, undated } from './fixtures/column-sites.ts';
import { entry, printedDaysBefore } from './fixtures/list-pages.ts';

const judge = (nav: ColumnSpec[], grid: ColumnSpec[] = []) =>
  blankColumns.run(columnSite(nav, grid), { site: site(), now: NOW });
const blanks = (count: number, prefix = 'zt') =>
  Array.from({ length: count }, (_, i) => blank(`专题${i + 1}`, `/${prefix}${i + 1}/`));
const VETO = '空白栏目（栏目页面显示暂无信息）累计5个及以上，按国家检查指标单项否决。';

describe('blank-columns', () => {
  it.each<[string, ColumnSpec[], string, number, boolean]>([
    ['no blank column', [dated('工作动态', '/gzdt/', 2)], 'pass', 0, false],
    ['4 blank columns', blanks(4), 'review', 4, false],
    ['5 blank columns', blanks(5), 'fail', 5, true],
    [
      '5 pages with no list read, saying nothing',
      Array.from({ length: 5 }, (_, i) => ({ name: `专栏${i}`, path: `/zl${i}/` })),
      'pass',
      0,
      false,
    ],
    [
      '5 columns listing undated articles',
      Array.from({ length: 5 }, (_, i) => undated(`公告${i}`, `/gg${i}/`)),
      'pass',
      0,
      false,
    ],
  ])('%s → %s', (_case, nav, outcome, count, veto) => {
    const result = judge(nav);
    expect(result.outcome).toBe(outcome);
    expect(result.findings).toHaveLength(count);
    expect(result.singleVeto).toBe(veto ? VETO : undefined);
  });

  it('says what the page shows and the tally, with the column as evidence', () => {
    const result = judge([...blanks(4), blank('人事信息', '/rsxx/', '栏目建设中')]);
    expect(result.findings[4]).toEqual({
      url: `${HOME}rsxx/`,
      message:
        '栏目“人事信息”的页面显示“栏目建设中”，没有任何信息（空白栏目）；全站累计5个空白栏目，达到国家检查指标“累计5个及以上”的标准。',
      evidence: {
        column: '人事信息',
        url: `${HOME}rsxx/`,
        kind: 'long-period',
        kindName: '人事、规划计划、统计、财政等应定期更新类',
        source: 'navigation',
        blank: '栏目建设中',
        veto: true,
      },
    });
  });

  it('counts blank columns deep in the 信息公开 grid', () => {
    const result = judge([dated('工作动态', '/gzdt/', 2)], blanks(5, 'xxgk/ml'));
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.evidence.source)).toEqual(Array(5).fill('disclosure-grid'));
    expect(result.findings[0]!.evidence).toMatchObject({ parent: '信息公开', column: '专题1' });
  });

  it('never counts an archived page (已归档) or a page another list prints as a dated entry', () => {
    const archived = blanks(5).map((c) => ({
      ...c,
      page: {
        ...c.page,
        archiveLines: [{ text: '已归档 归档日期：2024-01-15', own: '已归档 归档日期：2024-01-15' }],
      },
    }));
    expect(judge(archived).outcome).toBe('pass');
    const articles = blanks(5, 'tzgg/a');
    const news = dated('通知公告', '/tzgg/', 2);
    news.items = articles.map((c) => entry(c.name, printedDaysBefore(NOW, 3), c.path));
    expect(judge([news, ...articles]).findings).toEqual([]);
    expect(judge([dated('通知公告', '/tzgg/', 2), ...articles]).outcome).toBe('fail');
  });

  it('under the threshold, the findings carry no veto when upheld', () => {
    const result = judge(blanks(4));
    expect(result.findings.every((f) => f.evidence.veto === undefined)).toBe(true);
    expect(blankColumns.meta.singleVeto?.carriedBy?.(result.findings[0]!)).toBe(false);
  });
});
