import pg from 'pg';
import { AsyncLocalStorage } from 'node:async_hooks';
import { assertSchemaName, misuseInsideTransaction, type Db, type Row, type Sql } from './db.ts';

export interface PostgresOptions {
  url: string;
  schema?: string;
  maxConnections?: number;
}

// bigint and numeric come back as numbers: our counters and sequences stay far below 2^53.
const parseNumber = (value: string) => Number(value);
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return parseNumber;
    return pg.types.getTypeParser(oid, format);
  },
};

export class PostgresDb implements Db {
  private readonly insideTransaction = new AsyncLocalStorage<boolean>();
  readonly kind = 'postgres' as const;
  readonly schema: string;
  private readonly pool: pg.Pool;

  private constructor(pool: pg.Pool, schema: string) {
    this.pool = pool;
    this.schema = schema;
  }

  static async open(options: PostgresOptions): Promise<PostgresDb> {
    const schema = assertSchemaName(options.schema ?? 'public');
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      options: `-c search_path=${schema}`,
      types: typeParsers,
    });
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = new PostgresDb(pool, schema);
    await pool.query(`create schema if not exists ${schema}`);
    return db;
  }

  async query<T extends Row = Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    if (this.insideTransaction.getStore()) throw misuseInsideTransaction();
    const result = await this.pool.query(text, params as unknown[]);
    return result.rows as T[];
  }

  async exec(text: string): Promise<void> {
    if (this.insideTransaction.getStore()) throw misuseInsideTransaction();
    await this.pool.query(text);
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.insideTransaction.getStore()) throw misuseInsideTransaction();
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await this.insideTransaction.run(true, () => work({
        async query<R extends Row>(text: string, params: readonly unknown[] = []) {
          return (await client.query(text, params as unknown[])).rows as R[];
        },
        async exec(text: string) {
          await client.query(text);
        },
      }));
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
