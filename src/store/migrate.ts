import { readdir, readFile } from 'node:fs/promises';
import type { Logger } from '../log.ts';
import type { Database, Queryable } from './database.ts';

/**
 * One step of the schema: an `NNN-name.sql` script, or an `NNN-name.ts` module whose `up(tx)` computes
 * what SQL cannot (finding ids over stored results). Either runs once, in its own transaction.
 */
export interface Migration {
  version: number;
  name: string;
  sql?: string;
  up?: (tx: Queryable) => Promise<void>;
}

/** What an `NNN-name.ts` migration exports. */
export interface CodeMigration {
  up(tx: Queryable): Promise<void>;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.(sql|ts)$/;
/** Any fixed bigint: every process migrating this database takes the same advisory lock. */
const MIGRATION_LOCK = 7_202_603;

/** The migrations shipped in `src/store/migrations`, `NNN-name.sql` or `NNN-name.ts`, in order. */
export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => FILE_NAME.test(file)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const [, version, name, kind] = FILE_NAME.exec(file)!;
    const url = new URL(file, dir);
    if (kind === 'sql') {
      migrations.push({ version: Number(version), name: name!, sql: await readFile(url, 'utf8') });
      continue;
    }
    const module = (await import(url.href)) as Partial<CodeMigration>;
    if (typeof module.up !== 'function') throw new Error(`Migration ${file} exports no up(tx) function`);
    migrations.push({ version: Number(version), name: name!, up: module.up });
  }
  const versions = new Set(migrations.map((m) => m.version));
  if (versions.size !== migrations.length)
    throw new Error(`Two migrations share a version in ${dir.pathname}`);
  return migrations;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction under
 * an advisory lock, so processes opening the same database at once apply each migration exactly once.
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[],
  log?: Logger,
): Promise<number[]> {
  const applied: number[] = [];
  await locked(db, (tx) =>
    tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`),
  );
  for (const migration of migrations) {
    await locked(db, async (tx) => {
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return;
      if (migration.sql !== undefined) await tx.exec(migration.sql);
      await migration.up?.(tx);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
      log?.info({ version: migration.version, name: migration.name }, 'Applied database migration');
    });
  }
  return applied;
}

function locked(db: Database, fn: Parameters<Database['transaction']>[0]): Promise<unknown> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    return fn(tx);
  });
}
