import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { digestFile } from './file-digest.ts';
import type { FileDigest } from './manifest.ts';

/** Every regular file under `dir` (none when it does not exist), by path relative to it, with its digest. */
export async function artifactFiles(dir: string): Promise<FileDigest[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const files: FileDigest[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    files.push({ path: relative(dir, absolute).split(sep).join('/'), ...(await digestFile(absolute)) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
