import { join } from 'node:path';
import type { Db } from './db.ts';
import { PgliteDb } from './pglite-db.ts';
import { PostgresDb } from './postgres-db.ts';

export interface OpenDbOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** PostgreSQL when a URL is given, otherwise embedded PGlite in the data directory. */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    }
    return PostgresDb.open({ url: options.databaseUrl });
  }
  return PgliteDb.open({ dataDir: join(options.dataDir, 'pglite') });
}
