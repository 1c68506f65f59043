import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

/**
 * The environment variable the soak gives each process it starts, `role#incarnation` ('worker-1#2'):
 * inherited by everything the process starts (site processors, Chromium), and kept by those left
 * behind when it dies, so they can still be told apart and counted.
 */
export const SOAK_MARK = 'GOV_INSPECT_SOAK_PROCESS';

export interface ProcessFigures {
  pid: number;
  /** VmRSS, KiB. */
  rssKiB: number;
  /** Entries of /proc/PID/fd. */
  fds: number;
  /** CPU time used so far, user and system (/proc/PID/stat utime + stime), seconds. */
  cpuS: number;
}

/** /proc reports CPU times in USER_HZ, 100 a second on Linux whatever the kernel's own tick. */
const USER_HZ = 100;

/** One process's RSS and open file descriptors; undefined when it is gone. */
export async function processFigures(pid: number): Promise<ProcessFigures | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const rss = status && /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!rss) return undefined;
  const fds = await readdir(`/proc/${pid}/fd`).then(
    (entries) => entries.length,
    () => 0,
  );
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuS = (Number(fields[11]) + Number(fields[12])) / USER_HZ || 0;
  return { pid, rssKiB: Number(rss[1]), fds, cpuS };
}

/** Every running process carrying `SOAK_MARK`, by its mark. */
export async function markedProcesses(): Promise<Map<string, ProcessFigures[]>> {
  const byMark = new Map<string, ProcessFigures[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const environ = await readFile(`/proc/${entry}/environ`, 'latin1').catch(() => '');
    const variable = environ.split('\0').find((pair) => pair.startsWith(`${SOAK_MARK}=`));
    if (!variable) continue;
    const figures = await processFigures(Number(entry));
    if (!figures) continue;
    const mark = variable.slice(SOAK_MARK.length + 1);
    byMark.set(mark, [...(byMark.get(mark) ?? []), figures]);
  }
  return byMark;
}

/** The pid of the process whose command line holds `text` (redis-server shows its address there). */
export async function pidByCommandLine(text: string): Promise<number | undefined> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.replaceAll('\0', ' ').includes(text)) return Number(entry);
  }
  return undefined;
}

/** Bytes of disk the files under `path` take (`du -sk`: blocks used, not apparent sizes). */
export async function diskBytes(path: string): Promise<number> {
  const { stdout } = await promisify(execFile)('du', ['-sk', path]).catch(() => ({ stdout: '0' }));
  return (Number(stdout.split(/\s/)[0]) || 0) * 1024;
}
