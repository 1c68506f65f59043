import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { BackupRefused } from './backup-refused.ts';

/** The archive's first entry: what the backup holds, so that restore can check every part of it. */
export const MANIFEST_FILE = 'manifest.json';
/** The embedded store's data directory, as PGlite's own `dumpDataDir()` tarball. */
export const STORE_FILE = 'store/pgdata.tar';
/** Evidence files, under their paths in ARTIFACT_DIR. */
export const ARTIFACTS_DIR = 'artifacts';

export const BACKUP_FORMAT = 'gov-inspector-backup';
export const FORMAT_VERSION = 1;

const FileDigest = Type.Object({
  /** Relative to the archive (the store) or to ARTIFACT_DIR (an artifact), with `/`. */
  path: Type.String({ minLength: 1 }),
  bytes: Type.Integer({ minimum: 0 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});
export type FileDigest = Static<typeof FileDigest>;

const Manifest = Type.Object({
  format: Type.Literal(BACKUP_FORMAT),
  formatVersion: Type.Literal(FORMAT_VERSION),
  createdAt: Type.String({ format: 'date-time' }),
  store: Type.Object({
    file: FileDigest,
    /** `SHOW server_version` of the PGlite that wrote it: a data directory opens only on its major. */
    postgres: Type.String(),
    /** The newest migration applied (`schema_migrations`). */
    schemaVersion: Type.Integer({ minimum: 0 }),
    /** Rows of every table, by name. */
    rows: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  }),
  /** Null when the backup was made without `--with-artifacts`. */
  artifacts: Type.Union([
    Type.Null(),
    Type.Object({ files: Type.Array(FileDigest), bytes: Type.Integer({ minimum: 0 }) }),
  ]),
});
export type BackupManifest = Static<typeof Manifest>;

/** The manifest read from `text`, or a refusal saying why the file is not a backup this version restores. */
export function parseManifest(text: string, file: string): BackupManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw notABackup(file, `${MANIFEST_FILE} 不是 JSON`);
  }
  const { format, formatVersion } = (data ?? {}) as { format?: unknown; formatVersion?: unknown };
  if (format !== BACKUP_FORMAT) throw notABackup(file, `${MANIFEST_FILE} 没有 format: "${BACKUP_FORMAT}"`);
  if (typeof formatVersion === 'number' && formatVersion > FORMAT_VERSION)
    throw new BackupRefused(
      `备份文件 ${file} 的格式版本为 ${formatVersion}，由较新的 gov-inspector 生成；本版本只能恢复格式版本 ${FORMAT_VERSION}，请先升级 gov-inspector`,
    );
  if (!Value.Check(Manifest, data)) {
    const [first] = Value.Errors(Manifest, data);
    throw damaged(
      file,
      `${MANIFEST_FILE} 内容不完整（${first?.instancePath || '/'} ${first?.message ?? ''}）`,
    );
  }
  return data;
}

export function notABackup(file: string, why: string): BackupRefused {
  return new BackupRefused(
    `${file} 不是 gov-inspector 备份文件（${why}）：请使用 gov-inspect backup 生成的文件`,
  );
}

export function damaged(file: string, why: string): BackupRefused {
  return new BackupRefused(`备份文件 ${file} 已损坏或不完整（${why}），现有数据未做任何改动`);
}
