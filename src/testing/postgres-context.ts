import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import { fixedClock } from '../kernel/index.ts';
import { allMigrations } from '../migrations.ts';
import { migrate, PostgresDb } from '../platform/db/index.ts';
import { uuidv7 } from '../platform/ids/index.ts';
import { EventBus } from '../platform/outbox/index.ts';
import { MemoryPubSub } from '../platform/pubsub/index.ts';
import type { TestContext } from './test-context.ts';

let schemas = 0;

/** The same context as `testContext`, on the PostgreSQL at DATABASE_URL, in a schema dropped afterwards. */
export async function postgresTestContext(url: string, at = '2026-11-23T09:00:00.000Z'): Promise<TestContext> {
  const schema = `pgt_${process.pid}_${Date.now().toString(36)}_${schemas++}`;
  const db = await PostgresDb.open({ url, schema, maxConnections: 8 });
  afterAll(async () => {
    await db.exec(`drop schema if exists ${schema} cascade`);
    await db.close();
  });
  await migrate(db, allMigrations);
  const clock = fixedClock(at);
  const pubsub = new MemoryPubSub();
  return { db, clock, newId: () => uuidv7(clock().getTime()), bus: new EventBus({ db, pubsub, clock }), pubsub, sessionKey: randomBytes(32), hmacKey: randomBytes(32) };
}
