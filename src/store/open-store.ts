import { join } from 'node:path';
import type { Logger } from '../log.ts';
import { adjudicationRepository } from './adjudication-repository.ts';
import type { Database } from './database.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { noticesRepository } from './notices-repository.ts';
import { pgDatabase } from './pg-database.ts';
import { pgliteDatabase } from './pglite-database.ts';
import { probesRepository } from './probes-repository.ts';
import { resultsRepository } from './results-repository.ts';
import { sitesRepository } from './sites-repository.ts';
import type { ResultsStore } from './store.ts';
import { sweepsRepository } from './sweeps-repository.ts';
import { tokensRepository } from './tokens-repository.ts';
import { webhooksRepository } from './webhooks-repository.ts';
import { wordingRepository } from './wording-repository.ts';

export interface StoreConfig {
  /** A PostgreSQL server; unset means the embedded PGlite database in `${dataDir}/pg`. */
  databaseUrl?: string;
  dataDir: string;
  log?: Logger;
}

/** Opens the results store and brings its schema up to date. */
export async function openStore(config: StoreConfig): Promise<ResultsStore> {
  return storeOver(await openDatabase(config));
}

/** The store's database, connected and migrated: PostgreSQL with a URL, else the embedded one. */
export async function openDatabase(config: StoreConfig): Promise<Database> {
  const db = config.databaseUrl
    ? pgDatabase(config.databaseUrl, config.log)
    : await pgliteDatabase(join(config.dataDir, 'pg'));
  try {
    await migrate(db, await loadMigrations(), config.log);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  config.log?.info({ database: config.databaseUrl ? 'postgresql' : 'embedded' }, 'Results store open');
  return db;
}

export function storeOver(db: Database): ResultsStore {
  return {
    sites: sitesRepository(db),
    sweeps: sweepsRepository(db),
    results: resultsRepository(db),
    tokens: tokensRepository(db),
    webhooks: webhooksRepository(db),
    probes: probesRepository(db),
    adjudication: adjudicationRepository(db),
    notices: noticesRepository(db),
    wording: wordingRepository(db),
    close: () => db.close(),
  };
}
