import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import * as tar from 'tar';
import { openPglite } from '../store/pglite-database.ts';
import { artifactFiles } from './artifact-files.ts';
import { BackupRefused } from './backup-refused.ts';
import { type BackupConfig, embeddedStoreDir, refuseWhenInUse } from './embedded-store.ts';
import { digestFile } from './file-digest.ts';
import {
  ARTIFACTS_DIR,
  BACKUP_FORMAT,
  type BackupManifest,
  type FileDigest,
  FORMAT_VERSION,
  MANIFEST_FILE,
  STORE_FILE,
} from './manifest.ts';
import { exists } from './paths.ts';
import { dumpStore, storeFacts } from './store-snapshot.ts';

export interface BackupRequest {
  file: string;
  /** Also the evidence files under ARTIFACT_DIR. */
  withArtifacts: boolean;
  /** Replace an existing `file`. */
  force: boolean;
}

export interface BackupWritten {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * Writes the embedded store (and, if asked, the artifacts) to `file`: a gzipped tar whose first entry
 * is the manifest. The store is opened under its lock, so a backup refuses while `serve` holds it,
 * and `serve` cannot start until the backup is written. `file` appears only once complete.
 */
export async function createBackup(config: BackupConfig, request: BackupRequest): Promise<BackupWritten> {
  const storeDir = embeddedStoreDir(config, 'backup');
  const file = resolve(request.file);
  if (!request.force && (await exists(file)))
    throw new BackupRefused(`${file} 已存在：换一个文件名，或加 --force 覆盖它`);
  const backedUp = [storeDir, ...(request.withArtifacts ? [config.artifactDir] : [])];
  const holder = backedUp.find((dir) => inside(dir, file));
  if (holder) throw new BackupRefused(`备份文件不能放在要备份的目录 ${holder} 里：请换一个位置`);
  if (!(await exists(join(storeDir, 'PG_VERSION'))))
    throw new BackupRefused(`${config.dataDir} 中没有嵌入式数据库（应在 ${storeDir}）：请检查 DATA_DIR`);
  await mkdir(dirname(file), { recursive: true });
  const staging = await mkdtemp(join(dirname(file), '.gov-inspect-backup-'));
  try {
    const store = await openPglite(storeDir).catch((error) => refuseWhenInUse(error, '备份'));
    try {
      const facts = await storeFacts(store.pglite);
      await mkdir(join(staging, dirname(STORE_FILE)));
      await dumpStore(store.pglite, join(staging, STORE_FILE));
      const artifacts = request.withArtifacts ? await artifactFiles(config.artifactDir) : null;
      const manifest: BackupManifest = {
        format: BACKUP_FORMAT,
        formatVersion: FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        store: { file: { path: STORE_FILE, ...(await digestFile(join(staging, STORE_FILE))) }, ...facts },
        artifacts: artifacts && { files: artifacts, bytes: artifacts.reduce((sum, f) => sum + f.bytes, 0) },
      };
      await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      const archive = join(staging, 'backup.tar.gz');
      await writeArchive(archive, staging, config.artifactDir, artifacts ?? []);
      await rename(archive, file);
      return { file, bytes: (await stat(file)).size, manifest };
    } finally {
      await store.close();
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The manifest first, then the store's tarball, then each artifact as `artifacts/PATH`. */
async function writeArchive(
  archive: string,
  staging: string,
  artifactDir: string,
  artifacts: readonly FileDigest[],
): Promise<void> {
  await tar.c(
    {
      file: archive,
      cwd: staging,
      gzip: true,
      portable: true,
      strict: true,
      // Artifacts are added by their absolute paths and renamed as they go in: one archive from two folders.
      preservePaths: true,
      onWriteEntry(entry) {
        if (isAbsolute(entry.path))
          entry.path = `${ARTIFACTS_DIR}/${relative(artifactDir, entry.absolute).split(sep).join('/')}`;
      },
    },
    [MANIFEST_FILE, STORE_FILE, ...artifacts.map((artifact) => join(artifactDir, artifact.path))],
  );
}
