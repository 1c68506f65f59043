import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Site } from '../../src/registry/site.ts';
import type { SiteResult, SiteStatus } from '../../src/results.ts';
import type { Database } from '../../src/store/database.ts';
import { openDatabase, type StoreConfig, storeOver } from '../../src/store/open-store.ts';
import { pgDatabase } from '../../src/store/pg-database.ts';
import type { NewSweep, ResultsStore } from '../../src/store/store.ts';
import { type RunningPostgres, startPostgres } from '../support/postgres.ts';

export type BackendName = 'embedded' | 'postgresql';
/** Every repository test runs on both. */
export const BACKENDS: { name: BackendName }[] = [{ name: 'embedded' }, { name: 'postgresql' }];

export interface BackendContext {
  /** The configuration the shared store was opened with. */
  config: StoreConfig;
  /** The file's store, emptied before each test. */
  store: ResultsStore;
  /** The database under `store`. */
  db: Database;
  /** A configuration for a new, empty database on the same backend (a temp dir, or a new PostgreSQL database). */
  freshConfig(): Promise<StoreConfig>;
}

/**
 * Registers hooks giving each test an empty store on `name`: one database per file (PGlite's
 * first open is an initdb of seconds), its tables emptied before each test.
 */
export function useBackend(name: BackendName): BackendContext {
  let server: RunningPostgres | undefined;
  let dataDir = '';
  const dirs: string[] = [];
  let databases = 0;
  const context = {} as BackendContext;
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gi-store-'));
    dirs.push(dir);
    return dir;
  };
  context.freshConfig = async () => {
    if (!server) return { dataDir: await tempDir() };
    const db = pgDatabase(server.url);
    const database = `fresh_${++databases}`;
    await db.query(`CREATE DATABASE ${database}`);
    await db.close();
    return { dataDir: '', databaseUrl: server.url.replace(/\/[^/]+$/, `/${database}`) };
  };
  beforeAll(async () => {
    dataDir = await tempDir();
    if (name === 'postgresql') server = await startPostgres();
    context.config = { dataDir, ...(server ? { databaseUrl: server.url } : {}) };
    context.db = await openDatabase(context.config);
    context.store = storeOver(context.db);
  });
  beforeEach(async () => {
    await context.db.exec(
      'TRUNCATE sites, sweeps, site_results, api_tokens, finding_sites, finding_actions, wording_entries, wording_exceptions',
    );
  });
  afterAll(async () => {
    await context.store?.close();
    await server?.stop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return context;
}

export function site(id: string, overrides: Partial<Site> = {}): Site {
  return {
    id,
    fullName: `${id}人民政府`,
    homepage: `http://127.0.0.1:1/${id}/`,
    level: 'city',
    kind: 'portal',
    region: '510100',
    parent: null,
    archiveRoots: [],
    ...overrides,
  };
}

export function newSweep(id: string, siteIds: string[], now = '2026-11-15T02:00:00.000Z'): NewSweep {
  return { id, kind: 'adhoc', period: '2026Q4', siteIds, now, region: null, requestedBy: 'test' };
}

export function siteResult(siteId: string, status: SiteStatus = 'done', score = 90): SiteResult {
  return {
    siteId,
    status,
    pagesCrawled: 12,
    linksChecked: 40,
    score,
    checks: [{ ruleId: 'header-full-name', outcome: 'pass', findings: [] }],
    startedAt: '2026-11-15T02:00:01.000Z',
    finishedAt: '2026-11-15T02:00:09.000Z',
    durationMs: 8000,
    ...(status === 'done' ? {} : { reason: '检查程序出错：测试' }),
    fullName: `${siteId}人民政府`,
    homepage: `http://127.0.0.1:1/${siteId}/`,
  };
}
