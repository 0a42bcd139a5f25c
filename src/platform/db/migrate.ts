import { createHash } from 'node:crypto';
import { AppError } from '../../kernel/index.ts';
import type { Db } from './db.ts';

/** A versioned schema change. Ids sort in the order they must run: `0001_accounts_init`. */
export interface Migration {
  id: string;
  sql: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

/** The lock key is derived from the schema so tests on separate schemas do not wait on each other. */
function lockKey(schema: string): number {
  return createHash('sha256').update(`sanad-migrations:${schema}`).digest().readInt32BE(0);
}

/**
 * Applies pending migrations in one transaction under an advisory lock: a second process waits,
 * then finds nothing left to do; a failing migration leaves the database as it was.
 */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<MigrationResult> {
  const ordered = [...migrations].sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set<string>();
  for (const m of ordered) {
    if (ids.has(m.id)) throw new Error(`duplicate migration id ${m.id}`);
    ids.add(m.id);
  }
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [lockKey(db.schema)]);
    await tx.exec(`create table if not exists schema_migrations (
      id text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    const rows = await tx.query<{ id: string; checksum: string }>('select id, checksum from schema_migrations');
    const done = new Map(rows.map((r) => [r.id, r.checksum]));
    const applied: string[] = [];
    for (const m of ordered) {
      const previous = done.get(m.id);
      if (previous !== undefined) {
        if (previous !== checksum(m.sql)) {
          throw new AppError('MIGRATION_CHANGED', `migration ${m.id} was edited after it was applied; add a new migration instead`);
        }
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (id, checksum) values ($1, $2)', [m.id, checksum(m.sql)]);
      applied.push(m.id);
    }
    return { applied, alreadyApplied: done.size };
  });
}

/** Which known migrations are not applied yet (readiness checks). */
export async function pendingMigrations(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  const exists = await db.query<{ present: boolean }>(
    `select to_regclass($1) is not null as present`,
    [`${db.schema}.schema_migrations`],
  );
  if (!exists[0]?.present) return migrations.map((m) => m.id);
  const rows = await db.query<{ id: string }>('select id from schema_migrations');
  const done = new Set(rows.map((r) => r.id));
  return migrations.map((m) => m.id).filter((id) => !done.has(id));
}
