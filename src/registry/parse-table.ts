import type { ReadResult } from './parse-yaml.ts';
import type { RegistryProblem } from './registry-error.ts';
import { isSiteField, REQUIRED_FIELDS, SITE_FIELDS, unknownFieldMessage } from './site-fields.ts';
import type { RawField, RawSite } from './validate.ts';

/** One row of a spreadsheet (CSV or XLSX), numbered as the spreadsheet shows it. */
export interface TableRow {
  row: number;
  /** Cell texts from column A on. */
  cells: string[];
}

export interface TableReadResult extends ReadResult {
  /** Required columns missing from the header: reported once there, not again on every row. */
  missingColumns: Set<string>;
}

/** 'A' for the first column, 'Z', 'AA', …: the letters a spreadsheet shows above its columns. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Reads a sites table whose first row names the columns of contract §1; blank rows are skipped, and
 * every problem keeps its row and column as the spreadsheet shows them. `archiveRoots` holds several
 * prefixes separated by `;` or `|`.
 */
export function readTableSites(rows: readonly TableRow[]): TableReadResult {
  const [header, ...body] = rows;
  if (header === undefined) return { raws: [], problems: [], missingColumns: new Set() };

  const problems: RegistryProblem[] = [];
  const columns = readHeader(header, problems);
  const missingColumns = new Set<string>(REQUIRED_FIELDS.filter((field) => !columns.includes(field)));
  for (const field of missingColumns) {
    problems.push({
      row: header.row,
      field,
      message: `表头缺少必填列 ${field}（需要的列：${SITE_FIELDS.join('、')}）`,
    });
  }

  const raws: RawSite[] = [];
  for (const { row, cells } of body) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const fields = new Map<string, RawField>();
    cells.forEach((cell, index) => {
      const name = columns[index];
      const value = cell.trim();
      const column = columnLetter(index);
      if (name === undefined || name === '') {
        if (value !== '')
          problems.push({ row, column, message: `这一列没有列名，无法识别其中的 "${value}"` });
      } else if (name !== null) {
        fields.set(name, { value: name === 'archiveRoots' ? splitRoots(value) : value, column });
      }
    });
    raws.push({ row, label: '', fields });
  }
  if (raws.length === 0) problems.push({ message: '站点清单里没有任何站点（只有表头）' });
  return { raws, problems, missingColumns };
}

/**
 * Column names by position: '' for a column without a name, null for an unknown or repeated name,
 * which is a problem on the header row and whose cells are then ignored.
 */
function readHeader(header: TableRow, problems: RegistryProblem[]): (string | null)[] {
  const seen = new Set<string>();
  return header.cells.map((cell, index) => {
    const name = cell.trim();
    if (name === '') return '';
    const place = { row: header.row, field: name, column: columnLetter(index) };
    if (!isSiteField(name)) {
      problems.push({ ...place, message: unknownFieldMessage(name, '列') });
      return null;
    }
    if (seen.has(name)) {
      problems.push({ ...place, message: `列名 ${name} 重复出现` });
      return null;
    }
    seen.add(name);
    return name;
  });
}

function splitRoots(cell: string): string[] {
  return cell
    .split(/[;|]/)
    .map((root) => root.trim())
    .filter((root) => root !== '');
}
