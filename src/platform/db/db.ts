/**
 * The one storage interface every module uses. Two adapters implement it: embedded PGlite (the
 * default) and PostgreSQL. Both speak the same SQL dialect, so modules write plain PostgreSQL.
 */
export type Row = Record<string, unknown>;

export interface Sql {
  /** One statement with `$1`-style parameters. */
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** The schema every statement runs in (tests give each case its own). */
  readonly schema: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const schemaNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): string {
  if (!schemaNamePattern.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return schema;
}

/**
 * Guards against using the Db itself inside one of its transactions. On PGlite (one connection)
 * that would wait on itself forever; on PostgreSQL it would silently run outside the transaction.
 */
export function misuseInsideTransaction(): Error {
  return new Error('the Db was used inside one of its own transactions: use the transaction handle (tx.sql) instead');
}
