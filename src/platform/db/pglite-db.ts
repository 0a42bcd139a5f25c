import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { AsyncLocalStorage } from 'node:async_hooks';
import { assertSchemaName, misuseInsideTransaction, type Db, type Row, type Sql } from './db.ts';

export interface PgliteOptions {
  /** A directory for the database files; in memory when absent. */
  dataDir?: string;
  schema?: string;
  /** Share one engine between several schemas (tests); it is not closed with this Db. */
  engine?: PGlite;
}

/**
 * PGlite runs PostgreSQL inside this process. It has one connection, so statements are serialised;
 * several Db values may share one engine, each pinned to its own schema.
 */
export class PgliteDb implements Db {
  private readonly insideTransaction = new AsyncLocalStorage<boolean>();
  readonly kind = 'pglite' as const;
  readonly schema: string;
  private readonly engine: PGlite;
  private readonly ownsEngine: boolean;

  private constructor(engine: PGlite, schema: string, ownsEngine: boolean) {
    this.engine = engine;
    this.schema = schema;
    this.ownsEngine = ownsEngine;
  }

  static async open(options: PgliteOptions = {}): Promise<PgliteDb> {
    const schema = assertSchemaName(options.schema ?? 'public');
    let engine = options.engine;
    if (!engine) {
      if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
      engine = await PGlite.create(options.dataDir);
    }
    const db = new PgliteDb(engine, schema, !options.engine);
    await engine.exec(`create schema if not exists ${schema}`);
    return db;
  }

  /** A fresh engine for tests: creating one costs seconds, so tests share it across schemas. */
  static async createEngine(): Promise<PGlite> {
    return PGlite.create();
  }

  async query<T extends Row = Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.transaction((tx) => tx.query<T>(text, params));
  }

  async exec(text: string): Promise<void> {
    await this.transaction((tx) => tx.exec(text));
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.insideTransaction.getStore()) throw misuseInsideTransaction();
    return this.engine.transaction(async (tx) => {
      // The engine may be shared, so each transaction pins its own schema.
      await tx.exec(`set local search_path to ${this.schema}`);
      return this.insideTransaction.run(true, () => work(wrap(tx)));
    }) as Promise<T>;
  }

  async close(): Promise<void> {
    if (this.ownsEngine && !this.engine.closed) await this.engine.close();
  }
}

function wrap(tx: Transaction): Sql {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await tx.query<T>(text, params as unknown[]);
      return result.rows;
    },
    async exec(text: string) {
      await tx.exec(text);
    },
  };
}
