import { readFile, writeFile } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../store/pglite-database.ts';

/** What a store holds, recorded at backup and compared at restore. */
export interface StoreFacts {
  postgres: string;
  schemaVersion: number;
  rows: Record<string, number>;
}

export async function storeFacts(db: PGlite): Promise<StoreFacts> {
  const [version] = (await db.query<{ server_version: string }>('SHOW server_version')).rows;
  const tables = await db.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const rows: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const [count] = (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name.replaceAll('"', '""')}"`)
    ).rows;
    rows[name] = count!.n;
  }
  const [schema] =
    'schema_migrations' in rows
      ? (await db.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations'))
          .rows
      : [{ v: 0 }];
  return { postgres: version!.server_version, schemaVersion: schema!.v, rows };
}

/**
 * Writes the store's data directory to `file` as PGlite's own tarball (`dumpDataDir`), after a
 * checkpoint so that the data files, not only the WAL, hold every committed row.
 */
export async function dumpStore(db: PGlite, file: string): Promise<void> {
  await db.exec('CHECKPOINT');
  const dump = await db.dumpDataDir('none');
  await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
}

/** Loads a `dumpStore` tarball into the empty directory `dataDir`, starts it, and says what it holds. */
export async function loadStore(file: string, dataDir: string): Promise<StoreFacts> {
  const tarball = new Blob([await readFile(file)], { type: 'application/x-tar' });
  const store = await openPglite(dataDir, { loadDataDir: tarball });
  try {
    return await storeFacts(store.pglite);
  } finally {
    await store.close();
  }
}
