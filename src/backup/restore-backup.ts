import { cp, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import * as tar from 'tar';
import { lockDataDir } from '../store/data-dir-lock.ts';
import { loadMigrations } from '../store/migrate.ts';
import { artifactFiles } from './artifact-files.ts';
import { BackupRefused } from './backup-refused.ts';
import { type BackupConfig, embeddedStoreDir, refuseWhenInUse } from './embedded-store.ts';
import { digestFile } from './file-digest.ts';
import {
  ARTIFACTS_DIR,
  type BackupManifest,
  damaged,
  type FileDigest,
  MANIFEST_FILE,
  notABackup,
  parseManifest,
  STORE_FILE,
} from './manifest.ts';
import { exists, hasEntries } from './paths.ts';
import { loadStore } from './store-snapshot.ts';

export interface RestoreRequest {
  file: string;
  /** Replace an existing store (and artifacts). */
  force: boolean;
}

export interface Restored {
  file: string;
  manifest: BackupManifest;
  /** Whether a store was there before and is now replaced. */
  replacedStore: boolean;
}

/**
 * Restores a `createBackup` file into DATA_DIR (and ARTIFACT_DIR when it holds artifacts). Everything
 * is unpacked into a folder beside the target, checked against the manifest and the store started
 * there; only then are the folders swapped in. A bad file changes nothing. The store's lock is held
 * throughout, so restore refuses while `serve` runs and `serve` cannot start meanwhile.
 */
export async function restoreBackup(config: BackupConfig, request: RestoreRequest): Promise<Restored> {
  const storeDir = embeddedStoreDir(config, 'restore');
  const file = resolve(request.file);
  if (
    !(await stat(file).then(
      (s) => s.isFile(),
      () => false,
    ))
  )
    throw new BackupRefused(`找不到备份文件 ${file}`);
  await mkdir(config.dataDir, { recursive: true });
  const unlock = await lockDataDir(`${storeDir}.lock`).catch((error) => refuseWhenInUse(error, '恢复'));
  try {
    const replacedStore = await hasEntries(storeDir);
    if (replacedStore && !request.force)
      throw new BackupRefused(
        `${storeDir} 中已有嵌入式数据库：恢复会用备份替换其中的全部数据。确认要替换，请加 --force`,
      );
    const staging = await mkdtemp(join(config.dataDir, '.restore-'));
    try {
      const manifest = await unpack(file, staging);
      if (manifest.artifacts && !request.force && (await hasEntries(config.artifactDir)))
        throw new BackupRefused(
          `证据文件目录 ${config.artifactDir} 不是空的：恢复会用备份中的证据文件替换它。确认要替换，请加 --force`,
        );
      await verifyFiles(file, staging, manifest);
      await verifyStore(file, staging, manifest);
      await swapIn(config.artifactDir, storeDir, staging, manifest);
      return { file, manifest, replacedStore };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    await unlock();
  }
}

/** Extracts the archive into `staging` and reads its manifest; refuses anything but a whole backup. */
async function unpack(file: string, staging: string): Promise<BackupManifest> {
  const paths: string[] = [];
  let unexpected: string | undefined;
  try {
    await tar.x({
      file,
      cwd: staging,
      strict: true,
      filter(path, entry) {
        paths.push(path);
        const expected = paths[0] === MANIFEST_FILE && 'type' in entry && ours(path, entry.type);
        if (!expected) unexpected ??= path;
        return expected;
      },
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // Nothing read and not a compression error: not a tar (gzipped or not) at all.
    if (paths.length === 0 && !(typeof code === 'string' && code.startsWith('Z_')))
      throw notABackup(file, '不是 tar.gz 归档');
    throw damaged(file, (error as Error).message);
  }
  if (paths[0] !== MANIFEST_FILE) throw notABackup(file, `第一项不是 ${MANIFEST_FILE}`);
  if (unexpected) throw damaged(file, `含有不应有的条目 ${unexpected}`);
  return parseManifest(await readFile(join(staging, MANIFEST_FILE), 'utf8'), file);
}

/**
 * The entries a backup has: the manifest, the store's tarball and artifacts, as regular files (never
 * links), and the folders holding them (which `createBackup` leaves out, but another tar may add).
 */
function ours(path: string, type: string): boolean {
  const inArtifacts = path.startsWith(`${ARTIFACTS_DIR}/`);
  if (type === 'Directory') return inArtifacts || path.replace(/\/$/, '') === dirname(STORE_FILE);
  return type === 'File' && (path === MANIFEST_FILE || path === STORE_FILE || inArtifacts);
}

/** The store's tarball and the artifacts are exactly the manifest's, byte for byte. */
async function verifyFiles(file: string, staging: string, manifest: BackupManifest): Promise<void> {
  const store = manifest.store.file;
  const storeFile = join(staging, STORE_FILE);
  if (!(await exists(storeFile))) throw damaged(file, `缺少 ${STORE_FILE}`);
  if (!same(store, { path: store.path, ...(await digestFile(storeFile)) }))
    throw damaged(file, `${STORE_FILE} 与清单中的大小或 SHA-256 不符`);
  const found = await artifactFiles(join(staging, ARTIFACTS_DIR));
  const listed = manifest.artifacts?.files ?? [];
  const byPath = new Map(found.map((f) => [f.path, f]));
  for (const artifact of listed) {
    const there = byPath.get(artifact.path);
    if (!there) throw damaged(file, `缺少证据文件 ${artifact.path}`);
    if (!same(artifact, there))
      throw damaged(file, `证据文件 ${artifact.path} 与清单中的大小或 SHA-256 不符`);
    byPath.delete(artifact.path);
  }
  const [extra] = byPath.keys();
  if (extra !== undefined) throw damaged(file, `含有清单中没有的证据文件 ${extra}`);
}

function same(a: FileDigest, b: FileDigest): boolean {
  return a.path === b.path && a.bytes === b.bytes && a.sha256 === b.sha256;
}

/** Starts the store from the backup in `staging/pg` and finds every table with the manifest's rows. */
async function verifyStore(file: string, staging: string, manifest: BackupManifest): Promise<void> {
  const newest = Math.max(0, ...(await loadMigrations()).map((m) => m.version));
  if (manifest.store.schemaVersion > newest)
    throw new BackupRefused(
      `备份 ${file} 的数据库结构版本为 ${manifest.store.schemaVersion}，来自较新的 gov-inspector（本版本最高为 ${newest}）：请先升级 gov-inspector 再恢复`,
    );
  const facts = await loadStore(join(staging, STORE_FILE), join(staging, 'pg')).catch((error) => {
    throw new BackupRefused(
      `备份 ${file} 中的数据库（PostgreSQL ${manifest.store.postgres}）无法用本版本的嵌入式数据库打开：${(error as Error).message}。现有数据未做任何改动`,
    );
  });
  const tables = new Set([...Object.keys(facts.rows), ...Object.keys(manifest.store.rows)]);
  for (const table of tables) {
    const [want, got] = [manifest.store.rows[table], facts.rows[table]];
    if (want !== got) throw damaged(file, `表 ${table} 应有 ${want ?? 0} 行，恢复出 ${got ?? 0} 行`);
  }
}

/**
 * Swaps the checked store (and artifacts) in. What was there is moved aside first and put back if
 * a later step fails; it goes with the staging folder once everything is in place.
 */
async function swapIn(
  artifactDir: string,
  storeDir: string,
  staging: string,
  manifest: BackupManifest,
): Promise<void> {
  const undoStore = await replaceDir(storeDir, join(staging, 'pg'), join(staging, 'previous-pg'));
  if (!manifest.artifacts) return;
  // A folder beside ARTIFACT_DIR, which may be on another file system than DATA_DIR: renames stay atomic.
  await mkdir(dirname(artifactDir), { recursive: true });
  const beside = await mkdtemp(join(dirname(artifactDir), `.${basename(artifactDir)}.restore-`));
  try {
    const incoming = join(beside, 'incoming');
    await moveDir(join(staging, ARTIFACTS_DIR), incoming);
    await replaceDir(artifactDir, incoming, join(beside, 'previous'));
  } catch (error) {
    await undoStore();
    throw error;
  } finally {
    await rm(beside, { recursive: true, force: true });
  }
}

/** Puts `incoming` at `target`, moving what was there to `aside`; returns how to undo it. */
async function replaceDir(target: string, incoming: string, aside: string): Promise<() => Promise<void>> {
  const had = await exists(target);
  if (had) await rename(target, aside);
  try {
    await rename(incoming, target);
  } catch (error) {
    if (had) await rename(aside, target);
    throw error;
  }
  return async () => {
    await rm(target, { recursive: true, force: true });
    if (had) await rename(aside, target);
  };
}

/** `rename`, or a copy when the two are on different file systems. An absent `from` makes an empty `to`. */
async function moveDir(from: string, to: string): Promise<void> {
  if (!(await exists(from))) {
    await mkdir(to);
    return;
  }
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  }
}
