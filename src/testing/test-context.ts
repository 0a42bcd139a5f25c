import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll } from 'vitest';
import type { AppContext } from '../app.ts';
import { fixedClock } from '../kernel/index.ts';
import { allMigrations } from '../migrations.ts';
import { migrate, PgliteDb } from '../platform/db/index.ts';
import { uuidv7 } from '../platform/ids/index.ts';
import { EventBus } from '../platform/outbox/index.ts';
import { MemoryPubSub } from '../platform/pubsub/index.ts';

let engine: Promise<PGlite> | undefined;
let schemas = 0;

/** One in-memory PGlite per test file (it takes seconds to create); each context gets a fresh schema. */
function sharedEngine(): Promise<PGlite> {
  if (!engine) {
    engine = PgliteDb.createEngine();
    afterAll(async () => (await engine!).close());
  }
  return engine;
}

export type TestContext = AppContext & { clock: ReturnType<typeof fixedClock>; pubsub: MemoryPubSub };

export async function testContext(at = '2026-11-23T09:00:00.000Z'): Promise<TestContext> {
  const db = await PgliteDb.open({ engine: await sharedEngine(), schema: `t${process.pid}_${schemas++}` });
  await migrate(db, allMigrations);
  const clock = fixedClock(at);
  const pubsub = new MemoryPubSub();
  const bus = new EventBus({ db, pubsub, clock });
  return { db, clock, newId: () => uuidv7(clock().getTime()), bus, pubsub, sessionKey: randomBytes(32), hmacKey: randomBytes(32) };
}
