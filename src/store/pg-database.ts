import pg from 'pg';
import type { Logger } from '../log.ts';
import type { Database, Queryable } from './database.ts';

/** A PostgreSQL server through a pg Pool. */
export function pgDatabase(connectionString: string, log?: Logger): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => log?.warn({ err: error }, 'PostgreSQL connection lost'));
  return {
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client has no pool listener: its connection dying between queries would
      // otherwise be an uncaught 'error' event.
      const onError = (error: Error) =>
        log?.warn({ err: error }, 'PostgreSQL connection lost in a transaction');
      client.on('error', onError);
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await fn(queryable(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.off('error', onError);
        // A client that could not roll back is discarded rather than returned to the pool.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

function queryable(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query(sql, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(sql) {
      // Without parameters pg uses the simple protocol, which runs several statements.
      await target.query(sql);
    },
  };
}
