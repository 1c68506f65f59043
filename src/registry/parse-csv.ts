import { CsvError, type Info, parse } from 'csv-parse/sync';
import type { ReadResult } from './parse-yaml.ts';
import type { RegistryProblem } from './registry-error.ts';
import { isSiteField, REQUIRED_FIELDS, SITE_FIELDS, unknownFieldMessage } from './site-fields.ts';
import type { RawField, RawSite } from './validate.ts';

export interface CsvReadResult extends ReadResult {
  /** Required columns missing from the header: reported once there, not again on every row. */
  missingColumns: Set<string>;
}

const ERROR_WORDING: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '引号没有闭合（从这一行开始的带引号的单元格没有结尾的引号）',
  CSV_INVALID_CLOSING_QUOTE: '带引号的单元格在结尾引号之后还有内容',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '带引号的单元格在结尾引号之后还有内容',
};

/**
 * Reads a CSV sites file whose header row names the columns of contract §1. Rows are numbered as a
 * spreadsheet shows them (header = row 1, blank rows counted, a cell spanning lines is one row);
 * `archiveRoots` holds several prefixes separated by `;` or `|`.
 */
export function readCsvSites(text: string): CsvReadResult {
  let records: { record: string[]; info: Info }[];
  try {
    const options = { bom: true, relax_column_count: true, relax_quotes: true, info: true };
    // csv-parse's typings do not model `info: true`, which wraps each record with its position.
    records = parse(text, options) as unknown as { record: string[]; info: Info }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = typeof error.records === 'number' ? error.records + 1 : undefined;
    const message = `CSV 格式错误：${ERROR_WORDING[error.code] ?? error.message}`;
    return {
      raws: [],
      problems: [{ ...(row === undefined ? {} : { row }), message }],
      missingColumns: new Set(),
    };
  }
  const [header, ...rows] = records;
  if (header === undefined) return { raws: [], problems: [], missingColumns: new Set() };

  const problems: RegistryProblem[] = [];
  const columns = readHeader(header.record, problems);
  const missingColumns = new Set<string>(REQUIRED_FIELDS.filter((field) => !columns.includes(field)));
  for (const field of missingColumns) {
    problems.push({
      row: 1,
      field,
      message: `表头缺少必填列 ${field}（需要的列：${SITE_FIELDS.join('、')}）`,
    });
  }

  const raws: RawSite[] = [];
  for (const { record, info } of rows) {
    if (record.every((cell) => cell.trim() === '')) continue;
    const row = info.records;
    const fields = new Map<string, RawField>();
    record.forEach((cell, index) => {
      const column = columns[index];
      const value = cell.trim();
      if (column === undefined || column === '') {
        if (value !== '')
          problems.push({ row, message: `第 ${index + 1} 列没有列名，无法识别其中的 "${value}"` });
      } else if (column !== null) {
        fields.set(column, { value: column === 'archiveRoots' ? splitRoots(value) : value });
      }
    });
    raws.push({ row, label: '', fields });
  }
  if (raws.length === 0) problems.push({ message: '站点清单里没有任何站点（只有表头）' });
  return { raws, problems, missingColumns };
}

/**
 * Column names by position: '' for a column without a name, null for an unknown or repeated name,
 * which is a problem on row 1 and whose cells are then ignored.
 */
function readHeader(cells: string[], problems: RegistryProblem[]): (string | null)[] {
  const seen = new Set<string>();
  return cells.map((cell) => {
    const name = cell.trim();
    if (name === '') return '';
    if (!isSiteField(name)) {
      problems.push({ row: 1, field: name, message: unknownFieldMessage(name, '列') });
      return null;
    }
    if (seen.has(name)) {
      problems.push({ row: 1, field: name, message: `列名 ${name} 重复出现` });
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
