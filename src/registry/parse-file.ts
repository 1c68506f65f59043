import { extname } from 'node:path';
import { parseSites, type TextRegistryFormat, validated } from './parse.ts';
import { readXlsxSites } from './parse-xlsx.ts';
import { RegistryError } from './registry-error.ts';
import type { Site } from './site.ts';

/** The formats of a sites file: contract §1's three, and Excel workbooks as offices keep them. */
export type RegistryFormat = TextRegistryFormat | 'xlsx';

const FORMAT_BY_EXTENSION: Record<string, RegistryFormat> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.csv': 'csv',
  '.xlsx': 'xlsx',
};

export const SITES_FILE_EXTENSIONS = '.yaml、.yml、.json、.csv 或 .xlsx';

/** The format a file name's extension names, or undefined. */
export function formatOfFileName(name: string): RegistryFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(name).toLowerCase()];
}

/**
 * Parses and validates a sites file's bytes, all or nothing (`RegistryError` with every problem):
 * text formats must be UTF-8 (a BOM is allowed); an XLSX workbook goes through the same table
 * reader and validation as CSV.
 */
export async function parseSitesFile(bytes: Uint8Array, format: RegistryFormat): Promise<Site[]> {
  if (format === 'xlsx') {
    const table = await readXlsxSites(bytes);
    return validated(table, table.missingColumns);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const hint = format === 'csv' ? '（Excel 默认用 GBK 另存 CSV）' : '';
    throw new RegistryError([
      { message: `文件不是 UTF-8 编码（可能是用 GBK 保存的${hint}）：请另存为 UTF-8 编码后再导入` },
    ]);
  }
  return parseSites(text, format);
}
