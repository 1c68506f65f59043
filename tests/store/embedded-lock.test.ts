import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStoreBusyError } from '../../src/store/data-dir-lock.ts';
import { openStore } from '../../src/store/open-store.ts';

const HOLDER = fileURLToPath(new URL('./fixtures/hold-embedded-store.ts', import.meta.url));

describe('the embedded store is open in one process at a time', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gi-store-lock-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  };
  const spawnHolder = async (dataDir: string): Promise<ChildProcess> => {
    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    });
    let output = '';
    for await (const chunk of child.stdout!) {
      output += chunk;
      if (output.includes('ready')) break;
    }
    expect(output).toContain('ready');
    return child;
  };

  it('refuses a second open in this process until the first is closed', async () => {
    const dataDir = await tempDir();
    const first = await openStore({ dataDir });
    await expect(openStore({ dataDir })).rejects.toThrow(EmbeddedStoreBusyError);
    await first.sites.list();
    await first.close();
    const second = await openStore({ dataDir });
    await second.close();
  });

  it('refuses while another process holds it, and recovers with the data once that process is killed -9', async () => {
    const dataDir = await tempDir();
    const child = await spawnHolder(dataDir);
    await expect(openStore({ dataDir })).rejects.toThrow(new RegExp(`process ${child.pid} `));
    child.kill('SIGKILL');
    await once(child, 'exit');
    const store = await openStore({ dataDir });
    expect(await store.sweeps.get('held')).toMatchObject({ requestedBy: 'child', state: 'queued' });
    await store.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dataDir = await tempDir();
    const gone = spawn('true');
    await once(gone, 'exit');
    await writeFile(join(dataDir, 'pg.lock'), `${gone.pid} ${hostname()}\n`);
    const store = await openStore({ dataDir });
    await store.close();
  });

  it('refuses a lock held from another host (a container sharing the volume), whose process it cannot check', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'pg.lock'), `4242 another-container\n`);
    await expect(openStore({ dataDir })).rejects.toThrow(/process 4242/);
  });
});
