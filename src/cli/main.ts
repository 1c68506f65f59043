import { Command, CommanderError } from 'commander';
import { log } from '../log.ts';
import { RegistryError } from '../registry/registry-error.ts';
import { backupCommands } from './backup-commands.ts';
import { demoCommand } from './demo-command.ts';
import { demoServiceCommand } from './demo-service-command.ts';
import { probeCommand } from './probe-command.ts';
import { serviceCommands } from './service-commands.ts';
import { sweepCommand } from './sweep-command-line.ts';
import { UsageError } from './usage-error.ts';

/**
 * `gov-inspect`: returns the exit code (contract §2): 0 when the command ran, whatever it found;
 * 2 for bad arguments or a bad sites file; 1 for an internal failure.
 */
export async function main(argv: string[]): Promise<number> {
  if (process.stderr.isTTY && process.env.LOG_LEVEL === undefined) log.level = 'warn';
  const program = new Command('gov-inspect')
    .description('四川省政府网站自动检查（《政府信息主动公开平台建设规范》）')
    .exitOverride()
    .showHelpAfterError('（使用 --help 查看用法）');
  sweepCommand(program);
  probeCommand(program);
  demoCommand(program);
  demoServiceCommand(program);
  serviceCommands(program);
  backupCommands(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
        ? 0
        : 2;
    }
    if (error instanceof UsageError || error instanceof RegistryError) {
      process.stderr.write(`gov-inspect: ${error.message}\n`);
      return 2;
    }
    log.error({ err: error }, 'internal failure');
    process.stderr.write(
      `gov-inspect: 内部错误：${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    log.flush();
  }
}
