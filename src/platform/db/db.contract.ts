import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/index.ts';
import type { Db } from './db.ts';
import { migrate, pendingMigrations, type Migration } from './migrate.ts';

let counter = 0;
const uniqueSchema = () => `contract_${process.pid}_${Date.now().toString(36)}_${counter++}`;

/**
 * The behaviour every Db adapter must share. Each case gets its own schema so cases never see
 * each other's rows.
 */
export function describeDbContract(name: string, open: (schema: string) => Promise<Db>): void {
  describe(`Db contract: ${name}`, () => {
    const opened: Db[] = [];
    const fresh = async () => {
      const db = await open(uniqueSchema());
      opened.push(db);
      return db;
    };
    afterAll(async () => {
      for (const db of opened) {
        await db.exec(`drop schema if exists ${db.schema} cascade`).catch(() => {});
        await db.close();
      }
    });

    it('when a row is inserted with parameters, then it reads back with native types', async () => {
      const db = await fresh();
      await db.exec('create table t (id bigserial primary key, doc jsonb, at timestamptz, n bigint, tags text[])');
      const at = new Date('2026-11-23T10:00:00.000Z');
      await db.query('insert into t (doc, at, n, tags) values ($1, $2, $3, $4)', [{ a: [1, 'ب'] }, at, 42, ['x', 'y']]);
      const [row] = await db.query<{ id: number; doc: unknown; at: Date; n: number; tags: string[] }>('select * from t');
      expect(row).toEqual({ id: 1, doc: { a: [1, 'ب'] }, at, n: 42, tags: ['x', 'y'] });
    });

    it('when a transaction throws, then nothing it wrote remains', async () => {
      const db = await fresh();
      await db.exec('create table t (v text)');
      await expect(
        db.transaction(async (tx) => {
          await tx.query("insert into t values ('lost')");
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.query('select * from t')).toEqual([]);
    });

    it('when a transaction resolves, then its writes are committed and its value returned', async () => {
      const db = await fresh();
      await db.exec('create table t (v text)');
      const value = await db.transaction(async (tx) => {
        await tx.query("insert into t values ('kept')");
        return (await tx.query<{ v: string }>('select v from t'))[0]?.v;
      });
      expect(value).toBe('kept');
      expect(await db.query('select v from t')).toEqual([{ v: 'kept' }]);
    });

    it('when a statement fails inside a transaction, then the error surfaces with its SQL state', async () => {
      const db = await fresh();
      await db.exec('create table t (v text primary key)');
      await db.query("insert into t values ('a')");
      const error = await db.query("insert into t values ('a')").catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('23505');
    });

    it('when the Db itself is used inside one of its transactions, then it fails fast instead of hanging', async () => {
      const db = await fresh();
      const error = await db.transaction(async () => db.query('select 1')).catch((e: unknown) => e);
      expect(String(error)).toContain('use the transaction handle');
    });

    describe('migrations', () => {
      const migrations: Migration[] = [
        { id: '0002_b', sql: 'alter table a add column b text;' },
        { id: '0001_a', sql: 'create table a (id int primary key); create index a_id on a (id);' },
      ];

      it('when migrations run twice, then the second run applies nothing', async () => {
        const db = await fresh();
        expect(await pendingMigrations(db, migrations)).toEqual(['0002_b', '0001_a']);
        expect((await migrate(db, migrations)).applied).toEqual(['0001_a', '0002_b']);
        expect(await migrate(db, migrations)).toEqual({ applied: [], alreadyApplied: 2 });
        expect(await pendingMigrations(db, migrations)).toEqual([]);
      });

      it('when two runs start at once, then each migration is applied exactly once', async () => {
        const first = await fresh();
        const second = await open(first.schema);
        opened.push(second);
        const results = await Promise.all([migrate(first, migrations), migrate(second, migrations)]);
        expect(results.map((r) => r.applied.length).sort()).toEqual([0, 2]);
        expect(await first.query('select count(*)::int as n from schema_migrations')).toEqual([{ n: 2 }]);
      });

      it('when a migration fails, then none of that run is applied', async () => {
        const db = await fresh();
        const broken = [...migrations, { id: '0003_c', sql: 'alter table nope add column c int;' }];
        await expect(migrate(db, broken)).rejects.toThrow();
        expect(await pendingMigrations(db, broken)).toEqual(['0002_b', '0001_a', '0003_c']);
      });

      it('when an applied migration is edited, then the run is refused with MIGRATION_CHANGED', async () => {
        const db = await fresh();
        await migrate(db, migrations);
        const edited = [{ id: '0001_a', sql: 'create table a (id bigint);' }];
        const error = await migrate(db, edited).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('MIGRATION_CHANGED');
      });
    });
  });
}
