import { CsvError, type Info, parse } from 'csv-parse/sync';
import { readTableSites, type TableReadResult } from './parse-table.ts';

const ERROR_WORDING: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '引号没有闭合（从这一行开始的带引号的单元格没有结尾的引号）',
  CSV_INVALID_CLOSING_QUOTE: '带引号的单元格在结尾引号之后还有内容',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '带引号的单元格在结尾引号之后还有内容',
};

/**
 * Reads a CSV sites file whose header row names the columns of contract §1. Rows are numbered as a
 * spreadsheet shows them (header = row 1, blank rows counted, a cell spanning lines is one row).
 */
export function readCsvSites(text: string): TableReadResult {
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
  return readTableSites(records.map(({ record, info }) => ({ row: info.records, cells: record })));
}
