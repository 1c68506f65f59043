import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

/** Another live process has the embedded database open. */
export class EmbeddedStoreBusyError extends Error {
  override readonly name = 'EmbeddedStoreBusyError';

  constructor(
    /** The lock file's `pid host`. */
    readonly holder: string,
    readonly lockFile: string,
  ) {
    super(
      `The embedded database is open in process ${holder} (lock ${lockFile}). ` +
        'Stop that process first, or use a PostgreSQL server (DATABASE_URL). ' +
        'If no gov-inspect process is running, delete the lock file.',
    );
  }
}

/** Lock files this process holds: a lock naming our own pid but not listed here is left from a crash. */
const held = new Set<string>();

/**
 * Takes `path` as a lock file naming this process, so two processes never open one embedded
 * database (PGlite does not guard against it, and both would write the same files). Returns the
 * release. A lock whose owner is gone is taken over.
 */
export async function lockDataDir(path: string): Promise<() => Promise<void>> {
  const file = resolve(path);
  const owner = `${process.pid} ${hostname()}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, owner, { flag: 'wx' });
      held.add(file);
      return async () => {
        held.delete(file);
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = await readFile(file, 'utf8').catch(() => '');
    if (isLive(file, holder)) {
      throw new EmbeddedStoreBusyError(holder.trim(), file);
    }
    await rm(file, { force: true });
  }
}

function isLive(file: string, holder: string): boolean {
  const [pidText, host] = holder.trim().split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  // Another machine's or container's pid cannot be checked: assume it is alive. Two hosts opening one
  // embedded store would corrupt it; the message says how to clear a lock that is really stale.
  if (host !== hostname()) return true;
  if (pid === process.pid) return held.has(file);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
