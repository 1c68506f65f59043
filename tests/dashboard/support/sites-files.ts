import ExcelJS from 'exceljs';
import type { Site } from '../../../src/registry/site.ts';

export const SITE_COLUMNS = [
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

/** A sites workbook as an office keeps it: a header row, one site a row, regions typed as numbers. */
export async function sitesWorkbook(rows: readonly unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('网站名录');
  sheet.addRow(SITE_COLUMNS);
  for (const row of rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function siteRow(site: Site): unknown[] {
  return [
    site.id,
    site.fullName,
    site.homepage,
    site.level,
    site.kind,
    Number(site.region),
    site.parent,
    site.siteCode ?? null,
    site.archiveRoots.join(';'),
  ];
}
