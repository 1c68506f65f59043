import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSites } from '../../src/registry/load.ts';
import { parseSitesFile } from '../../src/registry/parse-file.ts';
import { describeProblem } from '../../src/registry/registry-error.ts';
import { GOOD_SITES, problemsOf, registryErrorOf } from './expected-sites.ts';

const HEADER = [
  'id',
  'fullName',
  'homepage',
  'level',
  'kind',
  'region',
  'parent',
  'siteCode',
  'archiveRoots',
];

/** A workbook as an office's Excel saves it: numbers typed as numbers, a link where a URL was pasted. */
async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const goodSheet = (sheet: ExcelJS.Worksheet) => {
  sheet.addRow(HEADER);
  sheet.addRow([
    'sc-portal',
    '四川省人民政府',
    { text: 'https://www.sc.gov.cn/', hyperlink: 'https://www.sc.gov.cn/' },
    'province',
    'portal',
    510000,
    null,
    5100000001,
  ]);
  sheet.addRow([
    'sc-edu',
    { richText: [{ text: '四川省' }, { text: '教育厅', font: { bold: true } }] },
    'http://edu.sc.gov.cn/',
    'province',
    'department',
    { formula: 'F2', result: 510000 },
    'sc-portal',
  ]);
  sheet.addRow([]);
  sheet.addRow([
    'chengdu-portal',
    '  成都市人民政府 ',
    'https://www.chengdu.gov.cn/',
    'city',
    'portal',
    '510100',
    '',
    '5101000002',
    '/archive/; /old/',
  ]);
};

describe('parseSitesFile (XLSX)', () => {
  it('reads a workbook as Excel shows it: numbers, links, rich text, formula results', async () => {
    const bytes = await workbook((book) => goodSheet(book.addWorksheet('网站名录')));
    expect(await parseSitesFile(bytes, 'xlsx')).toEqual(GOOD_SITES);
  });

  it('reads the sheet that has an id column, after an instructions sheet', async () => {
    const bytes = await workbook((book) => {
      const notes = book.addWorksheet('填表说明');
      notes.addRow(['请在“网站名录”表中每行填写一个网站']);
      goodSheet(book.addWorksheet('网站名录'));
    });
    expect(await parseSitesFile(bytes, 'xlsx')).toEqual(GOOD_SITES);
  });

  it('reports every bad row with its Excel row and column, and imports nothing', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Sheet1');
      sheet.addRow([...HEADER, 'remark']);
      sheet.addRow(['sc-portal', '四川省人民政府', 'https://www.sc.gov.cn/', 'province', 'portal', 510000]);
      sheet.addRow([]);
      sheet.addRow(['chengdu', '', 'ftp://www.chengdu.gov.cn/', 'town', 'portal', 5101]);
      sheet.addRow(['sc-portal', '四川省教育厅', 'https://edu.sc.gov.cn/', 'province', 'department', 510000]);
      // Typed as a number, a 政府网站标识码 keeps its digits (no 5.1E+09 as in a CSV export); one is missing here.
      sheet.getCell('H5').value = 510000001;
      sheet.getCell('J5').value = '省教育厅';
    });
    const problems = await problemsOf(() => parseSitesFile(bytes, 'xlsx'));
    expect(problems.map(({ row, column, field }) => [row, column, field])).toEqual([
      [1, 'J', 'remark'],
      [4, 'B', 'fullName'],
      [4, 'C', 'homepage'],
      [4, 'D', 'level'],
      [4, 'F', 'region'],
      [5, 'A', 'id'],
      [5, 'H', 'siteCode'],
    ]);
    expect(problems.map(describeProblem)).toContain(
      '第 4 行 D 列（level）：level 必须是 province、city 或 county 之一，得到 "town"',
    );
    expect(problems[5]?.message).toBe('id "sc-portal" 重复：第 2 行已经用过这个 id');
  });

  it('numbers rows from where the sheet starts, and shows a merged range once', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Sheet1');
      sheet.getRow(3).values = HEADER;
      sheet.getRow(4).values = ['sc-portal', '四川省人民政府', 'https://www.sc.gov.cn/', 'province'];
      sheet.mergeCells('D4:E4');
      sheet.getCell('F4').value = '510000';
    });
    expect(await problemsOf(() => parseSitesFile(bytes, 'xlsx'))).toEqual([
      { row: 4, column: 'E', field: 'kind', message: 'kind 不能为空' },
    ]);
  });

  it.each([
    { case: 'a legacy .xls workbook', bytes: Buffer.from('d0cf11e0a1b11ae1000000', 'hex'), says: '.xls' },
    { case: 'a text file', bytes: Buffer.from('id,fullName\n'), says: '不是有效的 Excel 工作簿' },
    { case: 'a broken zip', bytes: Buffer.from('504b0304deadbeef', 'hex'), says: '已损坏' },
  ])('refuses $case in Chinese', async ({ bytes, says }) => {
    const problems = await problemsOf(() => parseSitesFile(bytes, 'xlsx'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(says);
  });

  it('refuses a text format that is not UTF-8, saying why', async () => {
    const gbk = Buffer.from('69642c66756c6c4e616d650a73632c cbc4b4a8caa1'.replace(/ /g, ''), 'hex');
    const error = await registryErrorOf(() => parseSitesFile(gbk, 'csv'));
    expect(error.message).toContain('不是 UTF-8 编码');
    expect(error.message).toContain('GBK');
  });
});

describe('loadSites (XLSX)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gov-inspect-xlsx-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a .xlsx file by its extension', async () => {
    const path = join(dir, '网站名录.xlsx');
    await writeFile(path, await workbook((book) => goodSheet(book.addWorksheet('网站名录'))));
    expect(await loadSites(path)).toEqual(GOOD_SITES);
  });
});
