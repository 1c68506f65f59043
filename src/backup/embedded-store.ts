import { join } from 'node:path';
import type { ServiceConfig } from '../service/config.ts';
import { EmbeddedStoreBusyError } from '../store/data-dir-lock.ts';
import { BackupRefused } from './backup-refused.ts';

export type BackupConfig = Pick<ServiceConfig, 'databaseUrl' | 'dataDir' | 'artifactDir'>;

/** The embedded store's data directory (as `openStore` places it), or a refusal for a PostgreSQL deployment. */
export function embeddedStoreDir(config: BackupConfig, command: 'backup' | 'restore'): string {
  if (config.databaseUrl)
    throw new BackupRefused(
      `已设置 DATABASE_URL，数据在 PostgreSQL 中：gov-inspect ${command} 只处理嵌入式数据库。` +
        'PostgreSQL 部署请用 pg_dump / pg_restore 备份和恢复数据库，并另行复制证据文件目录 ARTIFACT_DIR（见 README「备份与恢复」）',
    );
  return join(config.dataDir, 'pg');
}

/** Turns "another process holds the store" into the operator's message; rethrows anything else. */
export function refuseWhenInUse(error: unknown, doing: '备份' | '恢复'): never {
  if (error instanceof EmbeddedStoreBusyError) {
    const [pid, host] = error.holder.split(' ');
    throw new BackupRefused(
      `嵌入式数据库正被进程 ${pid}（主机 ${host}）使用（多半是 gov-inspect serve）：请先停止服务再${doing}。` +
        `若确实没有 gov-inspect 进程在运行，删除锁文件 ${error.lockFile} 后重试`,
    );
  }
  throw error;
}
