import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { identifyFindings } from '../../src/adjudication/finding-id.ts';
import type { SiteResult } from '../../src/results.ts';
import type { Queryable } from '../../src/store/database.ts';
import { loadMigrations, migrate } from '../../src/store/migrate.ts';
import { openDatabase, openStore, storeOver } from '../../src/store/open-store.ts';
import { pgDatabase } from '../../src/store/pg-database.ts';
import { pgliteDatabase } from '../../src/store/pglite-database.ts';
import { BACKENDS, newSweep, site, siteResult, useBackend } from './backends.ts';

describe('migrations as shipped', () => {
  it('are numbered from 001 without gaps, the first being the initial schema', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[0]?.sql).toMatch(/CREATE TABLE site_results/);
  });

  it('include code migrations, each with its up(tx)', async () => {
    const code = (await loadMigrations()).filter((m) => m.sql === undefined);
    expect(code.map((m) => m.name)).toContain('finding-ids');
    for (const migration of code) expect(typeof migration.up).toBe('function');
  });
});

describe.each(BACKENDS)('migrating the $name store', ({ name }) => {
  const backend = useBackend(name);

  it('applies each migration once, recorded in schema_migrations, and nothing on reopen', async () => {
    const config = await backend.freshConfig();
    const shipped = await loadMigrations();
    const first = await openDatabase(config);
    const recorded = await first.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(recorded.map((r) => r.version)).toEqual(shipped.map((m) => m.version));
    expect(await migrate(first, shipped)).toEqual([]);
    await first.close();

    const again = await openDatabase(config);
    const [count] = await again.query<{ n: number }>('SELECT count(*)::integer AS n FROM schema_migrations');
    expect(count?.n).toBe(shipped.length);
    await again.close();
  });

  it('applies only the new migrations of a later release, in order', async () => {
    const config = await backend.freshConfig();
    const dir = await mkdtemp(join(tmpdir(), 'gi-migrations-'));
    try {
      const shipped = await loadMigrations();
      // A later release: the shipped migrations, then two new ones numbered after them.
      await writeFile(join(dir, '901-notes.sql'), 'CREATE TABLE release_notes (id text PRIMARY KEY);');
      await writeFile(join(dir, '902-notes-body.sql'), 'ALTER TABLE release_notes ADD COLUMN body text;');
      const later = [...shipped, ...(await loadMigrations(pathToFileURL(`${dir}/`)))];
      const db = await openDatabase(config);
      expect(await migrate(db, later)).toEqual([901, 902]);
      expect(await migrate(db, later)).toEqual([]);
      await db.query("INSERT INTO release_notes (id, body) VALUES ('n', 'text')");
      await db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const config = await backend.freshConfig();
    const db = await openDatabase(config);
    const broken = {
      version: 900,
      name: 'broken',
      sql: 'CREATE TABLE half_done (id text); SELECT no_such_column FROM sites;',
    };
    await expect(migrate(db, [broken])).rejects.toThrow(/no_such_column/);
    const [table] = await db.query<{ t: string | null }>("SELECT to_regclass('half_done')::text AS t");
    expect(table?.t).toBeNull();
    expect(await db.query('SELECT 1 FROM schema_migrations WHERE version = 900')).toEqual([]);
    await db.close();
  });

  it('keeps the data across closing and reopening the store', async () => {
    const config = await backend.freshConfig();
    const store = await openStore(config);
    await store.sites.replaceAll([site('chengdu'), site('mianyang')]);
    await store.sweeps.create(newSweep('sweep-1', ['chengdu']));
    await store.results.record('sweep-1', siteResult('chengdu'));
    const { token } = await store.tokens.create({ role: 'province', region: null, name: 'ops' });
    await store.close();

    const reopened = await openStore(config);
    expect((await reopened.sites.list()).map((s) => s.id)).toEqual(['chengdu', 'mianyang']);
    expect(await reopened.sweeps.get('sweep-1')).toMatchObject({ state: 'done', done: 1 });
    expect(await reopened.results.forSite('chengdu')).toHaveLength(1);
    expect(await reopened.tokens.verify(token)).toMatchObject({ role: 'province', name: 'ops' });
    await reopened.close();
  });

  it('recounts the days probed before blocked probes were counted apart (005)', async () => {
    const config = await backend.freshConfig();
    const db = config.databaseUrl
      ? pgDatabase(config.databaseUrl)
      : await pgliteDatabase(join(config.dataDir, 'pg'));
    const shipped = await loadMigrations();
    await migrate(
      db,
      shipped.filter((m) => m.version < 5),
    );
    // 1 and 2 October, Beijing time, as release 004 recorded them: a blocked probe counted as a probe.
    await db.exec(`INSERT INTO homepage_probes (site_id, at, url, ok, status, error, duration_ms) VALUES
      ('chengdu', '2026-10-01T01:00:00Z', 'https://chengdu.gov.cn/', true, 200, NULL, 80),
      ('chengdu', '2026-10-01T01:30:00Z', 'https://chengdu.gov.cn/', true, 403, 'BLOCKED', 30),
      ('chengdu', '2026-10-01T02:00:00Z', 'https://chengdu.gov.cn/', false, NULL, 'TIMEOUT', 15000),
      ('chengdu', '2026-10-02T01:00:00Z', 'https://chengdu.gov.cn/', true, 403, 'BLOCKED', 30);
      INSERT INTO homepage_probe_days (site_id, day, probes, failures) VALUES
      ('chengdu', '2026-10-01', 3, 1), ('chengdu', '2026-10-02', 1, 0);`);
    await migrate(db, shipped);
    const days = await db.query(
      'SELECT day::text AS day, probes, failures, blocked FROM homepage_probe_days ORDER BY day',
    );
    expect(days).toEqual([
      { day: '2026-10-01', probes: 2, failures: 1, blocked: 1 },
      { day: '2026-10-02', probes: 0, failures: 0, blocked: 1 },
    ]);
    const window = { from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-10-03T16:00:00Z') };
    const summary = (await storeOver(db).probes.availability(['chengdu'], window)).get('chengdu');
    expect(summary).toMatchObject({ probes: 2, failures: 1, daysProbed: 1, blocked: 2 });
    await db.close();
  });

  it('gives the findings of results stored before ids existed their ids and digests (007)', async () => {
    const config = await backend.freshConfig();
    const db = config.databaseUrl
      ? pgDatabase(config.databaseUrl)
      : await pgliteDatabase(join(config.dataDir, 'pg'));
    const shipped = await loadMigrations();
    await migrate(
      db,
      shipped.filter((m) => m.version < 7),
    );
    // Release 006's rows: results whose findings have no id.
    const old = (siteId: string, year: number): SiteResult => ({
      ...siteResult(siteId),
      checks: [
        {
          ruleId: 'annual-report',
          outcome: 'fail',
          findings: [
            {
              url: `http://127.0.0.1:1/${siteId}/`,
              message: '没有报表',
              evidence: { expectedYears: [year] },
            },
          ],
        },
        { ruleId: 'header-full-name', outcome: 'pass', findings: [] },
      ],
    });
    const rows = [old('chengdu', 2025), old('mianyang', 2025), old('chengdu', 2026)];
    await db.exec(`INSERT INTO sweeps (id, kind, period, total, site_ids, now, requested_by) VALUES
      ('s1', 'adhoc', '2026Q4', 2, '{chengdu,mianyang}', '2026-11-15T02:00:00Z', 'test'),
      ('s2', 'adhoc', '2027Q1', 1, '{chengdu}', '2027-02-01T02:00:00Z', 'test')`);
    for (const [i, result] of rows.entries()) {
      await db.query(
        `INSERT INTO site_results (sweep_id, site_id, quarter, half_year, result) VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [
          i < 2 ? 's1' : 's2',
          result.siteId,
          i < 2 ? '2026Q4' : '2027Q1',
          i < 2 ? '2026H2' : '2027H1',
          JSON.stringify(result),
        ],
      );
    }
    expect(await migrate(db, shipped)).toEqual(shipped.filter((m) => m.version >= 7).map((m) => m.version));
    const migrated = await db.query<{ result: SiteResult }>('SELECT result FROM site_results ORDER BY seq');
    expect(migrated.map((row) => row.result)).toEqual(rows.map(identifyFindings));
    const ids = migrated.map((row) => row.result.checks[0]!.findings[0]!.id);
    expect(ids[0]).not.toBe(ids[1]);
    // Chengdu's finding found again the next quarter: one id, another digest (another year's report).
    expect(ids[2]).toBe(ids[0]);
    const sites = await db.query<{ finding_id: string; site_id: string }>(
      'SELECT finding_id, site_id FROM finding_sites ORDER BY site_id',
    );
    expect(sites).toEqual([
      { finding_id: ids[0], site_id: 'chengdu' },
      { finding_id: ids[1], site_id: 'mianyang' },
    ]);
    expect(await migrate(db, shipped)).toEqual([]);
    await db.close();
  });

  it('rolls a code migration that fails half way back whole', async () => {
    const config = await backend.freshConfig();
    const db = await openDatabase(config);
    const failing = {
      version: 903,
      name: 'half-way',
      up: async (tx: Queryable) => {
        await tx.exec('CREATE TABLE half_way (id text)');
        throw new Error('computed nonsense');
      },
    };
    await expect(migrate(db, [failing])).rejects.toThrow(/computed nonsense/);
    const [table] = await db.query<{ t: string | null }>("SELECT to_regclass('half_way')::text AS t");
    expect(table?.t).toBeNull();
    expect(await db.query('SELECT 1 FROM schema_migrations WHERE version = 903')).toEqual([]);
    await db.close();
  });

  it.runIf(name === 'postgresql')('comes up in two processes opening one database at once', async () => {
    const config = await backend.freshConfig();
    const stores = await Promise.all([openStore(config), openStore(config), openStore(config)]);
    const db = await openDatabase(config);
    const rows = await db.query<{ version: number; n: number }>(
      'SELECT version, count(*)::integer AS n FROM schema_migrations GROUP BY version ORDER BY version',
    );
    expect(rows).toEqual((await loadMigrations()).map((m) => ({ version: m.version, n: 1 })));
    await Promise.all([db.close(), ...stores.map((store) => store.close())]);
  });
});
