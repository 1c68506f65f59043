import type { Command } from 'commander';
import { formatDateTime } from '../../reports/html/format.ts';
import type { BackupManifest } from '../backup/manifest.ts';
import { serviceConfig } from './service-config.ts';
import { UsageError } from './usage-error.ts';

/** `gov-inspect backup FILE` and `gov-inspect restore FILE`, for the embedded store (contract §2). */
export function backupCommands(program: Command): void {
  program
    .command('backup')
    .description('把嵌入式数据库（DATA_DIR）备份到一个文件；需先停止 gov-inspect serve')
    .argument('<file>', '备份文件，如 gov-inspector-2026-12-01.tar.gz')
    .option('--with-artifacts', '同时备份证据文件（ARTIFACT_DIR，如页头截图）')
    .option('--force', '覆盖已存在的备份文件')
    .action(async (file: string, flags: { withArtifacts?: boolean; force?: boolean }) => {
      const { createBackup } = await import('../backup/create-backup.ts');
      const settings = await serviceConfig();
      const written = await refusedAsUsage(() =>
        createBackup(settings, { file, withArtifacts: !!flags.withArtifacts, force: !!flags.force }),
      );
      process.stdout.write(
        `已备份到 ${written.file}（${size(written.bytes)}）：${contents(written.manifest)}\n`,
      );
    });

  program
    .command('restore')
    .description('从 gov-inspect backup 生成的文件恢复嵌入式数据库（及证据文件）；需先停止 gov-inspect serve')
    .argument('<file>', '备份文件')
    .option('--force', '替换已有的数据库和证据文件（备份文件通过全部校验后才替换）')
    .action(async (file: string, flags: { force?: boolean }) => {
      const { restoreBackup } = await import('../backup/restore-backup.ts');
      const settings = await serviceConfig();
      const restored = await refusedAsUsage(() => restoreBackup(settings, { file, force: !!flags.force }));
      const { manifest } = restored;
      process.stdout.write(
        `已从 ${restored.file} 恢复 ${formatDateTime(manifest.createdAt)}（北京时间）的备份${restored.replacedStore ? '（原有数据已替换）' : ''}：${contents(manifest)}\n` +
          (manifest.artifacts
            ? `证据文件已恢复到 ${settings.artifactDir}\n`
            : `备份中没有证据文件，${settings.artifactDir} 未改动\n`),
      );
    });
}

async function refusedAsUsage<T>(run: () => Promise<T>): Promise<T> {
  const { BackupRefused } = await import('../backup/backup-refused.ts');
  try {
    return await run();
  } catch (error) {
    if (error instanceof BackupRefused) throw new UsageError(error.message);
    throw error;
  }
}

const TABLES: [table: string, what: string][] = [
  ['sites', '个网站'],
  ['sweeps', '次检查'],
  ['site_results', '份检查结果'],
  ['finding_actions', '条申诉与复核记录'],
  ['api_tokens', '个令牌'],
  ['webhook_subscriptions', '个 Webhook 订阅'],
  ['wording_entries', '条错敏字词条记录（含已删除的）'],
  ['wording_exceptions', '条错敏字例外记录（含已删除的）'],
];

function contents(manifest: BackupManifest): string {
  const rows = TABLES.map(([table, what]) => `${manifest.store.rows[table] ?? 0} ${what}`).join('、');
  const artifacts = manifest.artifacts
    ? `${manifest.artifacts.files.length} 个证据文件（${size(manifest.artifacts.bytes)}）`
    : '不含证据文件';
  return `数据库中 ${rows}；${artifacts}`;
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
