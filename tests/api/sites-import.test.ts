import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../src/api/routes/sites-import.ts';
import { type ApiFixture, apiFixture } from './support/api-fixture.ts';
import { SITES, sitesYaml } from './support/fixtures.ts';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());
beforeEach(() => api.store.sites.replaceAll(SITES));

const put = (contentType: string, payload: string | Buffer, query = '') =>
  api.as('province', {
    method: 'PUT',
    url: `/api/v1/sites${query}`,
    headers: { 'content-type': contentType },
    payload,
  });
const registry = () => api.store.sites.list();

const HEADER = 'id,fullName,homepage,level,kind,region,parent,siteCode,archiveRoots';
const csvRow = (s: (typeof SITES)[number]) =>
  [s.id, s.fullName, s.homepage, s.level, s.kind, s.region, s.parent ?? '', '', ''].join(',');

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('网站名录');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('PUT /sites: CSV and Excel workbooks', () => {
  it('imports a CSV file as UTF-8 text', async () => {
    const csv = [HEADER, ...SITES.slice(0, 3).map(csvRow)].join('\n');
    const response = await put('text/csv; charset=utf-8', csv);
    expect(response.statusCode, response.body).toBe(200);
    expect((await registry()).map((site) => site.id)).toEqual(['sc-portal', 'sc-fgw', 'cd-portal']);
  });

  it('names a CSV saved as GBK (Excel’s default) instead of importing mojibake', async () => {
    const gbk = Buffer.concat([Buffer.from(`${HEADER}\nsc-portal,`), Buffer.from('cbc4b4a8caa1', 'hex')]);
    const response = await put('text/csv', gbk);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.problems[0].message).toContain('不是 UTF-8 编码');
    expect(await registry()).toEqual(SITES);
  });

  it('imports an .xlsx workbook, numbers typed as numbers', async () => {
    const rows = [
      HEADER.split(','),
      ...SITES.map((s) => [s.id, s.fullName, s.homepage, s.level, s.kind, Number(s.region), s.parent]),
    ];
    const response = await put(XLSX_MEDIA_TYPE, await workbook(rows));
    expect(response.statusCode, response.body).toBe(200);
    expect(await registry()).toEqual(SITES);
  });

  it('answers a bad workbook with every problem at its Excel row and column, and imports nothing', async () => {
    const rows = [
      HEADER.split(','),
      ['sc-portal', '四川省人民政府', 'https://www.sc.gov.cn/', 'province', 'portal', 510000],
      [],
      ['cd-portal', '成都市人民政府', 'www.chengdu.gov.cn', 'city', 'protal', 510100],
    ];
    const response = await put(XLSX_MEDIA_TYPE, await workbook(rows));
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('invalid-sites-file');
    expect(error.problems).toEqual([
      { row: 4, column: 'C', field: 'homepage', message: expect.stringContaining('http://') },
      { row: 4, column: 'E', field: 'kind', message: expect.stringContaining('"protal"') },
    ]);
    expect(error.message).toContain('第 4 行 E 列（kind）');
    expect(await registry()).toEqual(SITES);
  });
});

describe('PUT /sites?dryRun=true', () => {
  const next = [
    { ...SITES[0]!, fullName: '四川省人民政府网' },
    ...SITES.slice(1, 4),
    { ...SITES[4]!, id: 'my-fgw', kind: 'department' as const, parent: null },
  ];

  it('says what would change, site by site, and changes nothing', async () => {
    const response = await put('application/yaml', sitesYaml(next), '?dryRun=true');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      imported: 5,
      dryRun: true,
      changes: {
        added: [next[4]],
        removed: [SITES[4]],
        changed: [
          {
            id: 'sc-portal',
            fullName: '四川省人民政府网',
            changes: [{ field: 'fullName', before: 'sc-portal 人民政府', after: '四川省人民政府网' }],
          },
        ],
        unchanged: 3,
      },
    });
    expect(await registry()).toEqual(SITES);
  });

  it('replaces without dryRun, answering the same changes', async () => {
    const preview = (await put('application/yaml', sitesYaml(next), '?dryRun=true')).json();
    const done = await put('application/yaml', sitesYaml(next));
    expect(done.json()).toEqual({ ...preview, dryRun: false });
    expect(await registry()).toEqual(next);
  });

  it('answers a bad dryRun or an unknown query field 400, naming it', async () => {
    for (const [query, field] of [
      ['?dryRun=maybe', 'dryRun'],
      ['?dry=true', 'dry'],
    ]) {
      const response = await put('application/yaml', sitesYaml(next), query);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ field, location: 'querystring' });
    }
    expect(await registry()).toEqual(SITES);
  });
});
