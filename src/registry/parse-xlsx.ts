import ExcelJS from 'exceljs';
import { readTableSites, type TableReadResult, type TableRow } from './parse-table.ts';

/** The first bytes of a legacy Excel 97–2003 workbook (.xls, an OLE compound file). */
const OLE_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const ZIP_SIGNATURE = Buffer.from('504b0304', 'hex');

const fail = (message: string): TableReadResult => ({
  raws: [],
  problems: [{ message }],
  missingColumns: new Set(),
});

/**
 * Reads an Excel workbook (.xlsx) as a sites table: the first worksheet whose first row names an
 * `id` column (else the first worksheet), its rows numbered as Excel shows them, each cell as the
 * text Excel shows (a formula's last result, a hyperlink's text; a merged range once, in its
 * top-left cell). Then exactly as a CSV file.
 */
export async function readXlsxSites(bytes: Uint8Array): Promise<TableReadResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, 8).equals(OLE_SIGNATURE))
    return fail('这是旧版 Excel 97–2003 工作簿（.xls）：请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入');
  if (!buffer.subarray(0, 4).equals(ZIP_SIGNATURE))
    return fail('不是有效的 Excel 工作簿（.xlsx）文件：请用 Excel 或 WPS 表格另存为 .xlsx 后再导入');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return fail('Excel 工作簿（.xlsx）已损坏或无法读取：请用 Excel 或 WPS 表格重新保存后再导入');
  }
  const sheet = pickSheet(workbook.worksheets);
  if (sheet === undefined) return fail('Excel 工作簿里没有任何工作表');
  return readTableSites(sheetRows(sheet));
}

function pickSheet(sheets: readonly ExcelJS.Worksheet[]): ExcelJS.Worksheet | undefined {
  const withIds = sheets.find((sheet) => {
    const [first] = sheetRows(sheet);
    return first?.cells.some((cell) => cell.trim() === 'id');
  });
  return withIds ?? sheets[0];
}

function sheetRows(sheet: ExcelJS.Worksheet): TableRow[] {
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const shownHere = !cell.isMerged || cell.master.address === cell.address;
      cells[column - 1] = shownHere ? cellText(cell.value) : '';
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return rows;
}

/** A cell's value as the text Excel shows for it. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue) || value.hyperlink;
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}
