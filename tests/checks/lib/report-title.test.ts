import { describe, expect, it } from 'vitest';
import { readAnnualReportTitle } from '../../../checks/lib/report-title.ts';

describe('readAnnualReportTitle', () => {
  it.each([
    ['成都市人民政府门户网站2023年工作年度报表', [2023]],
    ['四川省教育厅网站2024年度工作年度报表', [2024]],
    ['2024年网站工作年度报表', [2024]],
    ['2025年度门户网站工作年度报表', [2025]],
    ['2025年政府网站工作年度报表', [2025]],
    ['政府网站年报', []],
  ])('reads %s as the report of %j', (label, years) => {
    expect(readAnnualReportTitle(label)).toEqual({ years });
  });

  it.each([
    '2024年政府信息公开工作年度报告',
    '2024年政务公开年报',
    '2024年统计年报',
    '2024年度政府网站监管工作年度报表',
    '2024年度网站监管工作年度报表',
    '网站地图',
  ])('does not read %s as the report', (label) => {
    expect(readAnnualReportTitle(label)).toBeNull();
  });
});
