import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import { pgDatabase } from '../../src/store/pg-database.ts';
import { type RunningPostgres, startPostgres } from '../support/postgres.ts';

describe('the PostgreSQL connection pool', () => {
  let server: RunningPostgres;
  let db: Database;
  beforeAll(async () => {
    server = await startPostgres();
    db = pgDatabase(server.url);
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  it('survives a connection killed in the middle of a transaction, and goes on with a new one', async () => {
    await db.exec('CREATE TABLE IF NOT EXISTS t (v integer)');
    const transaction = db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1)');
      const [own] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await db.query('SELECT pg_terminate_backend($1)', [own!.pid]);
      // The client is idle in its transaction when its connection dies.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.query('INSERT INTO t VALUES (2)');
    });
    await expect(transaction).rejects.toThrow();
    expect(await db.query('SELECT v FROM t')).toEqual([]);
    await db.transaction((tx) => tx.query('INSERT INTO t VALUES (3)'));
    expect(await db.query('SELECT v FROM t')).toEqual([{ v: 3 }]);
  });

  it('rolls back what a failing transaction wrote', async () => {
    await db.exec('CREATE TABLE IF NOT EXISTS u (v integer)');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO u VALUES (1)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.query('SELECT v FROM u')).toEqual([]);
  });
});
