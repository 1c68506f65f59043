import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { formatOfFileName, parseSitesFile, SITES_FILE_EXTENSIONS } from './parse-file.ts';
import { RegistryError } from './registry-error.ts';
import type { Site } from './site.ts';

/**
 * Reads a sites file, its format chosen by the extension (.yaml/.yml, .json, .csv, .xlsx). Every
 * failure, including an unreadable file, is a `RegistryError` whose message names the file.
 */
export async function loadSites(path: string): Promise<Site[]> {
  const format = formatOfFileName(path);
  if (format === undefined) {
    const extension = extname(path) === '' ? '没有扩展名' : `扩展名是 ${extname(path)}`;
    fail(path, `无法识别文件格式（${extension}）：站点清单必须是 ${SITES_FILE_EXTENSIONS} 文件`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    fail(path, readFailure(error as NodeJS.ErrnoException));
  }
  try {
    return await parseSitesFile(bytes, format);
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
