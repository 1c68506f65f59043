import { describe, expect, it } from 'vitest';
import { parseSites } from '../../src/registry/parse.ts';
import { describeProblem } from '../../src/registry/registry-error.ts';
import { problemsOf } from './expected-sites.ts';

const JSON_SITE = `{
  "sites": [
    {
      "id": "sc-portal",
      "fullName": "四川省人民政府",
      "homepage": "https://www.sc.gov.cn/",
      "level": "province",
      "kind": "portal",
      "region": "510000"
    }
  ]
}
`;

describe('parseSites (JSON)', () => {
  it('reads a valid file', () => {
    expect(parseSites(JSON_SITE, 'json')).toEqual([
      expect.objectContaining({ id: 'sc-portal', parent: null }),
    ]);
  });

  it.each([
    {
      case: 'a trailing comma',
      text: JSON_SITE.replace('"510000"', '"510000",'),
      line: 10,
      wording: '第 5 列应为用双引号括起来的键名，遇到 "}"',
    },
    {
      // Node 20's JSON.parse names no position for this one.
      case: 'an unquoted value',
      text: JSON_SITE.replace('"province"', 'province'),
      line: 7,
      wording: '第 16 列应为一个值',
    },
    {
      case: 'a missing comma',
      text: JSON_SITE.replace('"portal",', '"portal"'),
      line: 9,
      wording: '应为逗号 , 或 }，遇到 """',
    },
    { case: 'a file cut short', text: JSON_SITE.slice(0, 120), line: 6, wording: '遇到 文件结束' },
    { case: 'a comment', text: `// 站点\n${JSON_SITE}`, line: 1, wording: '第 1 列应为一个值' },
  ])('reports a syntax error with its line: $case', async ({ text, line, wording }) => {
    const problems = await problemsOf(() => parseSites(text, 'json'));
    expect(problems).toEqual([{ line, message: expect.stringContaining('JSON 语法错误') }]);
    expect(problems[0]?.message).toContain(wording);
  });

  it('reports a key given twice, which JSON.parse would silently overwrite', async () => {
    const text = JSON_SITE.replace('"kind": "portal",', '"kind": "portal",\n      "kind": "department",');
    const problems = await problemsOf(() => parseSites(text, 'json'));
    expect(problems).toEqual([{ line: 9, message: expect.stringContaining('重复的键') }]);
  });

  it('reads a siteCode given as a JSON number with its digits', () => {
    const text = JSON_SITE.replace('"510000"', '"510000",\n      "siteCode": 5100000001');
    expect(parseSites(text, 'json')).toEqual([expect.objectContaining({ siteCode: '5100000001' })]);
  });

  it('names the line of the offending field', async () => {
    const text = JSON_SITE.replace('"510000"', '"51"');
    expect(await problemsOf(() => parseSites(text, 'json'))).toEqual([
      { line: 9, field: 'sites[0].region', message: expect.stringContaining('得到 "51"') },
    ]);
  });
});

const CSV_HEADER = 'id,fullName,homepage,level,kind,region,parent,siteCode,archiveRoots';
const CSV_PORTAL = 'sc-portal,四川省人民政府,https://www.sc.gov.cn/,province,portal,510000,,,';

describe('parseSites (CSV)', () => {
  it('splits archiveRoots on ; or | and reads an empty parent as null', () => {
    const text = `${CSV_HEADER}\nsc-portal,四川省人民政府,https://www.sc.gov.cn/,province,portal,510000,,,/a/|/b/; /c/\n`;
    expect(parseSites(text, 'csv')).toEqual([
      expect.objectContaining({ parent: null, archiveRoots: ['/a/', '/b/', '/c/'] }),
    ]);
  });

  it('reads a maxPages column as a number of pages, and an empty cell as none', () => {
    const text = `${CSV_HEADER},maxPages\n${CSV_PORTAL},50000\nsc-edu,四川省教育厅,https://edu.sc.gov.cn/,province,department,510000,sc-portal,,,\n`;
    const [portal, department] = parseSites(text, 'csv');
    expect(portal).toMatchObject({ id: 'sc-portal', maxPages: 50000 });
    expect(department).not.toHaveProperty('maxPages');
  });

  it('accepts columns in any order and leaves out optional ones', () => {
    const text =
      'region,kind,level,homepage,fullName,id\n510000,portal,province,https://www.sc.gov.cn/,四川省人民政府,sc-portal\n';
    expect(parseSites(text, 'csv')).toEqual([
      {
        id: 'sc-portal',
        fullName: '四川省人民政府',
        homepage: 'https://www.sc.gov.cn/',
        level: 'province',
        kind: 'portal',
        region: '510000',
        parent: null,
        archiveRoots: [],
      },
    ]);
  });

  it('reads a State Council department’s bm code and refuses a code a spreadsheet wrote as 5.1E+09', async () => {
    const bm = `${CSV_HEADER}\nmps,中华人民共和国公安部,https://www.mps.gov.cn/,province,portal,110000,,BM01000001,\n`;
    expect(parseSites(bm, 'csv')).toEqual([expect.objectContaining({ siteCode: 'bm01000001' })]);
    const exponent = `${CSV_HEADER}\nsc-portal,四川省人民政府,https://www.sc.gov.cn/,province,portal,510000,,5.1E+09,\n`;
    expect(await problemsOf(() => parseSites(exponent, 'csv'))).toEqual([
      {
        row: 2,
        column: 'H',
        field: 'siteCode',
        message: expect.stringContaining('得到 "5.1E+09"（表格软件把长数字写成了科学计数法'),
      },
    ]);
  });

  it('counts rows as a spreadsheet does: a cell spanning two lines is one row', async () => {
    const text = `${CSV_HEADER}\nsc-portal,"四川省\n人民政府",https://www.sc.gov.cn/,province,portal,510000,,,\nsc-edu,四川省教育厅,https://edu.sc.gov.cn/,province,bureau,510000,sc-portal,,\n`;
    expect(await problemsOf(() => parseSites(text, 'csv'))).toEqual([
      {
        row: 3,
        column: 'E',
        field: 'kind',
        message: 'kind 必须是 portal 或 department 之一，得到 "bureau"',
      },
    ]);
  });

  it('reports a missing required column once, on the header row', async () => {
    const text = `id,homepage,level,kind,region\nsc-portal,https://www.sc.gov.cn/,province,portal,510000\nsc-edu,https://edu.sc.gov.cn/,province,department,510000\n`;
    expect(await problemsOf(() => parseSites(text, 'csv'))).toEqual([
      { row: 1, field: 'fullName', message: expect.stringContaining('表头缺少必填列 fullName') },
    ]);
  });

  it('reports a typo in a column name with the likely intended name', async () => {
    const text = `${CSV_HEADER.replace('homepage', 'homePage')}\n${CSV_PORTAL}\n`;
    const problems = await problemsOf(() => parseSites(text, 'csv'));
    expect(problems).toContainEqual({
      row: 1,
      column: 'C',
      field: 'homePage',
      message: expect.stringContaining('是不是 "homepage"？'),
    });
  });

  it('reports cells beyond the header with their column', async () => {
    const text = `${CSV_HEADER}\n${CSV_PORTAL},多余\n`;
    const problems = await problemsOf(() => parseSites(text, 'csv'));
    expect(problems).toEqual([{ row: 2, column: 'J', message: '这一列没有列名，无法识别其中的 "多余"' }]);
    expect(describeProblem(problems[0]!)).toBe('第 2 行 J 列：这一列没有列名，无法识别其中的 "多余"');
  });

  it('reports an unclosed quote with its row', async () => {
    const text = `${CSV_HEADER}\n${CSV_PORTAL}\nsc-edu,"四川省教育厅,https://edu.sc.gov.cn/,province,department,510000,,,\n`;
    expect(await problemsOf(() => parseSites(text, 'csv'))).toEqual([
      { row: 3, message: expect.stringContaining('CSV 格式错误：引号没有闭合') },
    ]);
  });

  it('rejects a file with only a header', async () => {
    expect(await problemsOf(() => parseSites(`${CSV_HEADER}\n\n`, 'csv'))).toEqual([
      { message: '站点清单里没有任何站点（只有表头）' },
    ]);
  });
});
