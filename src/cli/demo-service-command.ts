import type { Command } from 'commander';
import { log } from '../log.ts';
import { untilSignalled } from './until-signalled.ts';
import { UsageError } from './usage-error.ts';

/**
 * `gov-inspect demo-service [--port N] [--host H]` (`npm run demo:service`): the whole service with
 * the demo sites, to try the console in a browser; Ctrl-C stops everything it started.
 */
export function demoServiceCommand(program: Command): void {
  program
    .command('demo-service')
    .description(
      '启动完整的检查服务和内置演示网站（自带 Redis 和内置数据库），开始一次检查，打印控制台地址和令牌',
    )
    .option('--port <port>', '服务端口（0：任选一个空闲端口）', '8080')
    .option('--host <host>', '服务监听的地址', '127.0.0.1')
    .action(async (flags: { port: string; host: string }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw new UsageError(`--port 必须是 0–65535 的整数，得到 "${flags.port}"`);
      // The demo sites fail on purpose; their warnings are for operators, not for a first look. The
      // site workers' children read the level from the environment.
      process.env.LOG_LEVEL ??= 'error';
      log.level = process.env.LOG_LEVEL;
      const { startDemoService } = await import('../../demo/demo-service.ts');
      const demo = await startDemoService({ host: flags.host, port, log });
      const dashboard = `${demo.address}/dashboard/`;
      process.stdout.write(
        [
          'gov-inspector 演示服务已启动（按 Ctrl-C 停止并清理全部进程和数据）',
          `  控制台：    ${dashboard}`,
          `  省级令牌：  ${demo.token}`,
          `  检查进度：  ${demo.address}/dashboard/sweeps/${encodeURIComponent(demo.sweepId)}`,
          `  接口文档：  ${demo.address}/docs`,
          '在控制台登录页粘贴上面的令牌即可登录；演示网站的检查已经开始，几分钟内结果陆续到达。',
          '',
        ].join('\n'),
      );
      await untilSignalled(demo, {
        stopping: '正在停止演示服务…（再按一次 Ctrl-C 立即退出）',
        kill: () => demo.kill(),
        afterServiceMs: 10_000,
      });
    });
}
