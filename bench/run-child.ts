import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ToolJob, ToolReport } from './tool-report.ts';

const STDERR_KEPT = 4000;

/**
 * Runs `script` (a bench/run-*.ts file) in a child process of its own, so its peak memory is its own,
 * and resolves with the report it sends. Rejects with the child's last stderr when it fails, and kills
 * it when it outlives `deadlineMs`.
 */
export function runTool(script: string, job: ToolJob, deadlineMs: number): Promise<ToolReport> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  // BENCH_CPU_PROF=DIR: each tool's process writes a CPU profile there (node refuses --cpu-prof in NODE_OPTIONS).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = fork(path, [JSON.stringify(job)], {
    execArgv: [...profile, '--import', 'tsx'],
    env: { ...process.env, LOG_LEVEL: 'silent', CRAWLEE_LOG_LEVEL: 'OFF' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT);
  });
  return new Promise<ToolReport>((resolve, reject) => {
    let report: ToolReport | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${deadlineMs / 1000} s`));
    }, deadlineMs);
    child.on('message', (message) => {
      report = message as ToolReport;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (report) resolve(report);
      else
        reject(
          new Error(`${script} exited (${signal ?? `code ${code}`}) without a report:\n${stderr.trim()}`),
        );
    });
  });
}
