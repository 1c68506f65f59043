import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseSites, type RegistryFormat } from './parse.ts';
import { RegistryError } from './registry-error.ts';
import type { Site } from './site.ts';

const FORMAT_BY_EXTENSION: Record<string, RegistryFormat> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.csv': 'csv',
};

/**
 * Reads a sites file, its format chosen by the extension (.yaml/.yml, .json, .csv). Every failure,
 * including an unreadable file, is a `RegistryError` whose message names the file.
 */
export async function loadSites(path: string): Promise<Site[]> {
  const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
  if (format === undefined) {
    const extension = extname(path) === '' ? '没有扩展名' : `扩展名是 ${extname(path)}`;
    fail(path, `无法识别文件格式（${extension}）：站点清单必须是 .yaml、.yml、.json 或 .csv 文件`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    fail(path, readFailure(error as NodeJS.ErrnoException));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(path, '文件不是 UTF-8 编码（可能是用 GBK 保存的）：请另存为 UTF-8 编码后再导入');
  }
  try {
    return parseSites(text, format);
  } catch (error) {
    if (error instanceof RegistryError) throw new RegistryError(error.problems, path);
    throw error;
  }
}

function fail(path: string, message: string): never {
  throw new RegistryError([{ message }], path);
}

function readFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return '找不到这个文件，请检查路径是否正确';
    case 'EISDIR':
      return '这是一个目录，不是文件';
    case 'EACCES':
    case 'EPERM':
      return '没有读取这个文件的权限';
    default:
      return `无法读取这个文件（${error.code ?? error.message}）`;
  }
}
