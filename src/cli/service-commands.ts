import type { Command } from 'commander';
import { log } from '../log.ts';
import { serviceConfig } from './service-config.ts';
import { untilSignalled } from './until-signalled.ts';
import { UsageError } from './usage-error.ts';

/** `gov-inspect serve`, `gov-inspect worker` and `gov-inspect token create` (contract §6). */
export function serviceCommands(program: Command): void {
  program
    .command('serve')
    .description('运行检查服务：API、定时检查计划、结果入库，以及（默认）检查进程')
    .action(async () => {
      const { serve } = await import('../service/serve.ts');
      const running = await serve(await serviceConfig(), log);
      process.stdout.write(
        `gov-inspector 服务已启动：${running.address}（API 文档：${running.address}/docs）\n`,
      );
      await untilSignalled(running);
    });

  program
    .command('worker')
    .description('只运行检查进程（只需要 Redis），可在多台机器上启动以扩容')
    .action(async () => {
      const { work } = await import('../service/work.ts');
      await untilSignalled(work(await serviceConfig(), log));
    });

  program
    .command('token')
    .description('管理 API 令牌')
    .command('create')
    .description('创建一个 API 令牌（只显示一次）')
    .requiredOption('--role <role>', 'province（全省）或 city（市州，需 --region）')
    .option('--region <code>', '6 位行政区划代码，如 510100（成都市）')
    .option('--name <text>', '令牌名称，如“成都市政府办公厅”')
    .action(async (flags: { role: string; region?: string; name?: string }) => {
      if (flags.role !== 'province' && flags.role !== 'city')
        throw new UsageError(`--role 必须是 province 或 city，得到 "${flags.role}"`);
      if (flags.role === 'city' && !/^\d{2}(?!0000)\d{4}$/.test(flags.region ?? ''))
        throw new UsageError(
          'city 令牌需要 --region：市（州）或县级的 6 位行政区划代码，如 510100（省级代码 510000 不行，请用 province 令牌）',
        );
      if (flags.role === 'province' && flags.region) throw new UsageError('province 令牌不能带 --region');
      const { openStore } = await import('../store/open-store.ts');
      const settings = await serviceConfig();
      const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, log });
      try {
        const { token, record } = await store.tokens.create({
          role: flags.role,
          region: flags.region ?? null,
          name: flags.name ?? null,
        });
        process.stdout.write(`${token}\n`);
        process.stderr.write(
          `已创建 ${record.role} 令牌${record.region ? `（${record.region}）` : ''}${record.name ? `「${record.name}」` : ''}。令牌只显示这一次，请妥善保存。\n`,
        );
      } finally {
        await store.close();
      }
    });
}
