export type { Db, Row, Sql } from './db.ts';
export { PgliteDb, type PgliteOptions } from './pglite-db.ts';
export { PostgresDb, type PostgresOptions } from './postgres-db.ts';
export { migrate, pendingMigrations, type Migration, type MigrationResult } from './migrate.ts';
export { openDb, type OpenDbOptions } from './open-db.ts';
