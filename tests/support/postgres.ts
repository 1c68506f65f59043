import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface RunningPostgres {
  /** `postgresql://postgres@127.0.0.1:PORT/gov_inspector` (trust auth on loopback). */
  url: string;
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL server from Debian's binaries: a fresh cluster in a temp dir, on a free
 * loopback port, durability off for speed. PostgreSQL refuses to run as root, so as root the
 * binaries run as the `postgres` system user.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = await postgresBinDir();
  const dir = await mkdtemp(join(tmpdir(), 'gi-pg-'));
  const dataDir = join(dir, 'data');
  const asUser = process.getuid?.() === 0 ? await postgresUser() : undefined;
  if (asUser) await chown(dir, asUser.uid, asUser.gid);
  const exec = (tool: string, args: string[]) => {
    const [file, argv] = asUser
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    return run(file as string, argv as string[], { cwd: dir });
  };
  try {
    await exec('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    await exec('pg_ctl', [
      'start',
      '-D',
      dataDir,
      '-w',
      '-t',
      '30',
      '-l',
      join(dir, 'server.log'),
      '-o',
      options,
    ]);
    const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE gov_inspector');
    } finally {
      await admin.end();
    }
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/gov_inspector`,
      async stop() {
        await exec('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w']).catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await exec('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function postgresBinDir(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const versions = (await readdir(root).catch(() => [] as string[])).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`No PostgreSQL under ${root}: install Debian's postgresql package`);
  return join(root, versions[0], 'bin');
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
