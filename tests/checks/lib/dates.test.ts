import { describe, expect, it } from 'vitest';
import { findDates } from '../../../checks/lib/dates.ts';
import { toHalfWidth } from '../../../checks/lib/text.ts';
import * as printed from '../../../crawlers/printed-date.ts';
import { type UrlDate, urlDates } from '../../../crawlers/url-date.ts';

describe('findDates', () => {
  it.each([
    ['2020-03-01', '2020-03-01', '2020-03-01'],
    ['2020年3月1日', '2020年3月1日', '2020-03-01'],
    ['2020 年 3 月 1 号', '2020 年 3 月 1 号', '2020-03-01'],
    ['2020/03/01', '2020/03/01', '2020-03-01'],
    ['2020.03.01', '2020.03.01', '2020-03-01'],
    ['2020-3-1', '2020-3-1', '2020-03-01'],
    ['２０２０年３月１日', '２０２０年３月１日', '2020-03-01'],
    ['归档时间：2023-05-08 10:30:15。', '2023-05-08 10:30:15', '2023-05-08T10:30'],
    ['2023年5月8日 9时5分', '2023年5月8日 9时5分', '2023-05-08T09:05'],
    ['2023-05-08 25:00', '2023-05-08', '2023-05-08'],
  ])('reads %s', (input, text, iso) => {
    expect(findDates(input)).toEqual([{ text, index: input.indexOf(text), iso }]);
  });

  it.each([
    ['an impossible day', '2023-02-30'],
    ['a month 13', '2023-13-01'],
    ['mixed separators', '2020-03/01'],
    ['a version number', 'v1.2.3'],
    ['digits glued to the year', '12020-03-01'],
    ['a year out of range', '1889-01-01'],
  ])('ignores %s', (_case, input) => {
    expect(findDates(input)).toEqual([]);
  });

  it('finds every date with its position', () => {
    expect(findDates('发布：2019-06-01，已归档 2023年5月8日').map((d) => [d.index, d.iso])).toEqual([
      [3, '2019-06-01'],
      [18, '2023-05-08'],
    ]);
  });
});

describe('one reading of printed dates for the gatherers and the checks', () => {
  it('is the one in crawlers/printed-date.ts', () => {
    expect(findDates).toBe(printed.findDates);
    expect(toHalfWidth).toBe(printed.toHalfWidth);
  });
});

describe('urlDates: the dates publishing systems write in an entry URL', () => {
  it.each<[string, UrlDate[]]>([
    [
      'http://www.example.gov.cn/gzdt/202411/t20241120_123456.html',
      [
        { year: 2024, month: 11, day: 20 },
        { year: 2024, month: 11 },
      ],
    ],
    ['http://www.example.gov.cn/xwdt/2024/11/20/a1.html', [{ year: 2024, month: 11, day: 20 }]],
    ['http://www.example.gov.cn/xwdt/2024/3/5/a1.html', [{ year: 2024, month: 3, day: 5 }]],
    ['http://www.example.gov.cn/art/20241120/12.html', [{ year: 2024, month: 11, day: 20 }]],
    ['http://www.example.gov.cn/zwgk/202411/abc.html', [{ year: 2024, month: 11 }]],
    ['http://www.example.gov.cn/tzgg/t20230229_1.html', []],
    ['http://www.example.gov.cn/art/20241320/1.html', []],
    ['http://www.example.gov.cn/art/123456/1.html', []],
    ['http://www.example.gov.cn/art/1.html?date=20241120', []],
    ['http://www.example.gov.cn/art/2024111/1.html', []],
    ['not a url', []],
  ])('reads %s', (url, dates) => {
    expect(urlDates(url)).toEqual(dates);
  });
});
