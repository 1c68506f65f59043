import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupManifest } from '../../src/backup/manifest.ts';
import { openStore } from '../../src/store/open-store.ts';
import { pgDatabase } from '../../src/store/pg-database.ts';
import { type CliRun, runCli } from '../support/cli.ts';
import { type RunningPostgres, startPostgres } from '../support/postgres.ts';
import { filesUnder, fillArtifacts, fillStore, storeRows } from './support/backup-store.ts';

const run = promisify(execFile);
const HOLDER = fileURLToPath(new URL('../store/fixtures/hold-embedded-store.ts', import.meta.url));

/**
 * `gov-inspect backup` and `restore` as an operator runs them, over a real embedded store: a round
 * trip brings back every row and artifact byte; nothing is overwritten without --force; a bad file or a
 * store in use is refused with exit code 2 and a message, and changes nothing.
 */
describe('gov-inspect backup and restore of the embedded store', () => {
  let root: string;
  let source: string;
  let sourceRows: Record<string, string[]>;
  let sourceArtifacts: Record<string, string>;
  let token: string;
  /** A backup of `source` with its artifacts, and what the command printed. */
  let backup: string;
  let made: CliRun;
  let dirs = 0;
  const freshDir = async () => {
    const dir = join(root, `data-${++dirs}`);
    await mkdir(dir);
    return dir;
  };
  const cli = (args: string[], dataDir: string, env: NodeJS.ProcessEnv = {}) =>
    runCli(args, { env: { DATA_DIR: dataDir, ARTIFACT_DIR: '', DATABASE_URL: '', ...env } });
  /** A copy of `source` with one more token, so that a restore over it would show. */
  const changedCopy = async () => {
    const dir = await freshDir();
    await cp(source, dir, { recursive: true });
    const store = await openStore({ dataDir: dir });
    await store.tokens.create({ role: 'city', region: '510700', name: '绵阳市政府办公厅' });
    await store.close();
    return dir;
  };
  const state = async (dir: string) => ({
    rows: await storeRows({ dataDir: dir }),
    artifacts: await filesUnder(join(dir, 'artifacts')),
    entries: (await readdir(dir)).sort(),
  });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'gi-backup-'));
    source = await freshDir();
    ({ token } = await fillStore({ dataDir: source }));
    await fillArtifacts(join(source, 'artifacts'));
    sourceRows = await storeRows({ dataDir: source });
    sourceArtifacts = await filesUnder(join(source, 'artifacts'));
    backup = join(root, 'backup.tar.gz');
    made = await cli(['backup', backup, '--with-artifacts'], source);
  }, 90_000);
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('round trip: every row of every table and every artifact byte come back; the token still signs in', async () => {
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(
      /^已备份到 .*backup\.tar\.gz（[\d.]+ MB）：数据库中 2 个网站、1 次检查、2 份检查结果、2 条申诉与复核记录、2 个令牌、1 个 Webhook 订阅、2 条错敏字词条记录（含已删除的）、1 条错敏字例外记录（含已删除的）；3 个证据文件/,
    );

    const entries: string[] = [];
    let manifestText = '';
    await tar.t({
      file: backup,
      onReadEntry: (entry) => {
        entries.push(entry.path);
        if (entry.path === 'manifest.json') entry.on('data', (chunk: Buffer) => (manifestText += chunk));
      },
    });
    expect(entries).toEqual([
      'manifest.json',
      'store/pgdata.tar',
      'artifacts/s1/evidence/chengdu/header.png',
      'artifacts/s1/evidence/mianyang/header.png',
      'artifacts/s1/说明 notes.txt',
    ]);
    const manifest = JSON.parse(manifestText) as BackupManifest;
    expect(manifest).toMatchObject({ format: 'gov-inspector-backup', formatVersion: 1 });
    expect(manifest.store.rows).toEqual(
      Object.fromEntries(Object.entries(sourceRows).map(([table, rows]) => [table, rows.length])),
    );
    expect(manifest.store.rows).toMatchObject({
      finding_actions: 2,
      homepage_probes: 2,
      site_results: 2,
      wording_entries: 2,
      wording_exceptions: 1,
    });
    expect(manifest.artifacts?.files.map((f) => f.path)).toEqual(Object.keys(sourceArtifacts).sort());

    const target = await freshDir();
    const restored = await cli(['restore', backup], target);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(
      /^已从 .*backup\.tar\.gz 恢复 \d{4}年.*（北京时间）的备份：数据库中 2 个网站/,
    );
    expect(restored.stdout).not.toContain('原有数据已替换');
    expect(await storeRows({ dataDir: target })).toEqual(sourceRows);
    expect(await filesUnder(join(target, 'artifacts'))).toEqual(sourceArtifacts);
    expect((await readdir(target)).sort()).toEqual(['artifacts', 'pg']);
    const store = await openStore({ dataDir: target });
    expect(await store.tokens.verify(token)).toMatchObject({ role: 'province', name: '省政府办公厅' });
    await store.close();
  }, 120_000);

  it('refuses to restore over an existing store without --force, changing nothing; --force replaces it', async () => {
    const target = await changedCopy();
    const before = await state(target);
    expect(before.rows.api_tokens).toHaveLength(3);

    const refused = await cli(['restore', backup], target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /已有嵌入式数据库：恢复会用备份替换其中的全部数据。确认要替换，请加 --force/,
    );
    expect(await state(target)).toEqual(before);

    const forced = await cli(['restore', backup, '--force'], target);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('（原有数据已替换）');
    expect(await storeRows({ dataDir: target })).toEqual(sourceRows);
    expect(await filesUnder(join(target, 'artifacts'))).toEqual(sourceArtifacts);
    expect((await readdir(target)).sort()).toEqual(['artifacts', 'pg']);
  }, 120_000);

  it('refuses a truncated, damaged or foreign file, even with --force, and loses nothing', async () => {
    const target = await changedCopy();
    await writeFile(join(target, 'artifacts', 's1', 'added-later.png'), 'x');
    const before = await state(target);
    const bytes = await readFile(backup);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0xff;
    const foreignDir = join(root, 'foreign');
    await mkdir(foreignDir, { recursive: true });
    await writeFile(join(foreignDir, 'report.html'), '<p>不是备份</p>');
    const bad: [name: string, write: (file: string) => Promise<void>, message: RegExp][] = [
      ['truncated', (f) => writeFile(f, bytes.subarray(0, Math.floor(bytes.length * 0.6))), /已损坏或不完整/],
      ['cut short by 10 bytes', (f) => writeFile(f, bytes.subarray(0, bytes.length - 10)), /已损坏或不完整/],
      ['a flipped byte', (f) => writeFile(f, flipped), /已损坏或不完整/],
      ['garbage', (f) => writeFile(f, Buffer.alloc(100_000, '不是备份')), /不是 gov-inspector 备份文件/],
      ['empty', (f) => writeFile(f, ''), /不是 gov-inspector 备份文件/],
      [
        'another tar.gz',
        (f) => tar.c({ file: f, gzip: true, cwd: foreignDir }, ['report.html']),
        /不是 gov-inspector 备份文件（第一项不是 manifest\.json）/,
      ],
    ];
    const repacked =
      (change: (dir: string, manifest: BackupManifest) => Promise<void>) => async (file: string) => {
        const dir = await mkdtemp(join(root, 'repack-'));
        await tar.x({ file: backup, cwd: dir });
        const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
        await change(dir, manifest);
        await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
        await tar.c({ file, gzip: true, cwd: dir }, ['manifest.json', 'store', 'artifacts']);
      };
    bad.push(
      [
        'a manifest counting other rows',
        repacked(async (_, manifest) => {
          manifest.store.rows.sites = 3;
        }),
        /已损坏或不完整（表 sites 应有 3 行，恢复出 2 行）/,
      ],
      [
        'an artifact changed after the backup',
        repacked((dir) => writeFile(join(dir, 'artifacts/s1/evidence/mianyang/header.png'), 'changed')),
        /已损坏或不完整（证据文件 s1\/evidence\/mianyang\/header\.png 与清单中的大小或 SHA-256 不符）/,
      ],
      [
        'an artifact the manifest does not list',
        repacked((dir) => writeFile(join(dir, 'artifacts/s1/extra.png'), 'extra')),
        /已损坏或不完整（含有清单中没有的证据文件 s1\/extra\.png）/,
      ],
      [
        'a symbolic link',
        repacked((dir) => symlink('/etc/passwd', join(dir, 'artifacts/s1/link.png'))),
        /已损坏或不完整（含有不应有的条目 artifacts\/s1\/link\.png）/,
      ],
      [
        'a newer format',
        repacked(async (_, manifest) => {
          Object.assign(manifest, { formatVersion: 2 });
        }),
        /格式版本为 2，由较新的 gov-inspector 生成/,
      ],
    );
    for (const [name, write, message] of bad) {
      const file = join(root, `bad-${name.replaceAll(' ', '-')}.tar.gz`);
      await write(file);
      const run = await cli(['restore', file, '--force'], target);
      expect({ name, code: run.code, stderr: run.stderr }).toEqual({
        name,
        code: 2,
        stderr: expect.stringMatching(message),
      });
      expect(run.stdout).toBe('');
    }
    expect(await state(target)).toEqual(before);
  }, 180_000);

  it('refuses backup and restore while another process holds the store, saying to stop the service', async () => {
    const held = await freshDir();
    expect((await cli(['restore', backup], held)).code).toBe(0);
    const holder = await spawnHolder(held);
    try {
      const before = { rows: await filesUnder(join(held, 'pg')), entries: (await readdir(held)).sort() };
      const file = join(root, 'while-held.tar.gz');
      const backedUp = await cli(['backup', file, '--with-artifacts'], held);
      expect(backedUp.code).toBe(2);
      expect(backedUp.stderr).toMatch(
        new RegExp(
          `嵌入式数据库正被进程 ${holder.pid}（主机 \\S+）使用（多半是 gov-inspect serve）：请先停止服务再备份`,
        ),
      );
      expect(await readdir(root)).not.toContain('while-held.tar.gz');
      expect((await readdir(root)).filter((name) => name.startsWith('.gov-inspect-backup-'))).toEqual([]);

      const restored = await cli(['restore', backup, '--force'], held);
      expect(restored.code).toBe(2);
      expect(restored.stderr).toMatch(/请先停止服务再恢复/);
      expect({ rows: await filesUnder(join(held, 'pg')), entries: (await readdir(held)).sort() }).toEqual(
        before,
      );
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
    const after = await cli(['backup', join(root, 'after-held.tar.gz')], held);
    expect(after.code).toBe(0);
  }, 120_000);

  it('backs up no artifacts unless asked; restoring such a backup leaves ARTIFACT_DIR alone', async () => {
    const file = join(root, 'store-only.tar.gz');
    const made = await cli(['backup', file], source);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('；不含证据文件');
    const target = await changedCopy();
    await writeFile(join(target, 'artifacts', 's1', 'added-later.png'), 'x');
    const artifacts = await filesUnder(join(target, 'artifacts'));
    const restored = await cli(['restore', file, '--force'], target);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/备份中没有证据文件，.*artifacts 未改动/);
    expect(await storeRows({ dataDir: target })).toEqual(sourceRows);
    expect(await filesUnder(join(target, 'artifacts'))).toEqual(artifacts);
  }, 120_000);

  it('refuses to overwrite a backup file without --force, replaces it with --force, and never writes it into what it backs up', async () => {
    const file = join(root, 'exists.tar.gz');
    await writeFile(file, 'an older backup');
    const refused = await cli(['backup', file], source);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/exists\.tar\.gz 已存在：换一个文件名，或加 --force 覆盖它/);
    expect(await readFile(file, 'utf8')).toBe('an older backup');
    expect((await cli(['backup', file, '--force'], source)).code).toBe(0);
    const entries: string[] = [];
    await tar.t({ file, onReadEntry: (entry) => entries.push(entry.path) });
    expect(entries).toEqual(['manifest.json', 'store/pgdata.tar']);

    const inside = await cli(['backup', join(source, 'artifacts', 'b.tar.gz'), '--with-artifacts'], source);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain(`备份文件不能放在要备份的目录 ${join(source, 'artifacts')} 里`);
  }, 60_000);

  it('refuses a PostgreSQL deployment, pointing to pg_dump, and reads an empty DATA_DIR as the default', async () => {
    const pg = await cli(['backup', join(root, 'pg.tar.gz')], source, {
      DATABASE_URL: 'postgres://gov:gov@127.0.0.1:1/gov',
    });
    expect(pg.code).toBe(2);
    expect(pg.stderr).toMatch(/已设置 DATABASE_URL.*pg_dump \/ pg_restore/);
    const cwd = await freshDir();
    const empty = await runCli(['backup', join(root, 'none.tar.gz')], {
      cwd,
      env: { DATA_DIR: '', ARTIFACT_DIR: '', DATABASE_URL: '' },
    });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(
      `${join(cwd, 'data')} 中没有嵌入式数据库（应在 ${join(cwd, 'data', 'pg')}）`,
    );
  }, 60_000);
});

describe('the README’s backup of a PostgreSQL deployment: pg_dump, pg_restore and tar', () => {
  let postgres: RunningPostgres;
  let root: string;
  beforeAll(async () => {
    [postgres, root] = await Promise.all([startPostgres(), mkdtemp(join(tmpdir(), 'gi-pg-backup-'))]);
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('brings back every row into an empty database, and the artifacts beside it', async () => {
    const source = { dataDir: '', databaseUrl: postgres.url };
    await fillStore(source);
    const artifactDir = join(root, 'artifacts');
    await fillArtifacts(artifactDir);
    const [dump, artifacts] = [
      join(root, 'gov-inspector.dump'),
      join(root, 'gov-inspector-artifacts.tar.gz'),
    ];
    await run('pg_dump', ['--format=custom', `--file=${dump}`, postgres.url]);
    await run('tar', ['czf', artifacts, '-C', artifactDir, '.']);

    const restoredUrl = postgres.url.replace(/\/[^/]+$/, '/gov_inspector_restored');
    const admin = pgDatabase(postgres.url);
    await admin.query('CREATE DATABASE gov_inspector_restored');
    await admin.close();
    await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restoredUrl}`, dump]);
    const restoredArtifacts = join(root, 'restored-artifacts');
    await mkdir(restoredArtifacts);
    await run('tar', ['xzf', artifacts, '-C', restoredArtifacts]);

    const rows = await storeRows(source);
    expect(rows.finding_actions).toHaveLength(2);
    expect(rows.wording_entries).toHaveLength(2);
    expect(await storeRows({ dataDir: '', databaseUrl: restoredUrl })).toEqual(rows);
    expect(await filesUnder(restoredArtifacts)).toEqual(await filesUnder(artifactDir));
  }, 60_000);
});

async function spawnHolder(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout!) {
    output += chunk;
    if (output.includes('ready')) break;
  }
  expect(output).toContain('ready');
  return child;
}
