import { mkdir } from 'node:fs/promises';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database, Queryable } from './database.ts';

/** A PGlite instance over its files, and the close that also lets go of the data directory's lock. */
export interface EmbeddedPglite {
  pglite: PGlite;
  close(): Promise<void>;
}

/**
 * PGlite with its files in `dataDir` (created if absent), open in this process only: `${dataDir}.lock`
 * keeps other processes out.
 */
export async function openPglite(dataDir: string, options: PGliteOptions = {}): Promise<EmbeddedPglite> {
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(`${dataDir}.lock`);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, options);
  } catch (error) {
    await unlock();
    throw error;
  }
  return {
    pglite,
    async close() {
      await pglite.close();
      await unlock();
    },
  };
}

/** The embedded PostgreSQL (PGlite, WebAssembly) in `dataDir`, as the store's database. */
export async function pgliteDatabase(dataDir: string): Promise<Database> {
  const { pglite, close } = await openPglite(dataDir);
  return {
    ...queryable(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(queryable(tx))),
    close,
  };
}

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql) {
      await target.exec(sql);
    },
  };
}
