/** Runs SQL; the same interface inside and outside a transaction. */
export interface Queryable {
  /** One statement with `$1`-style parameters; the rows it returns. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** A script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The one seam between the repositories and a PostgreSQL: PGlite embedded, or a server through pg.
 * Repositories are written once against it in plain PostgreSQL SQL.
 */
export interface Database extends Queryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
