/**
 * A separate process for the PostgreSQL test of runExclusively (run with `node --import tsx`).
 * From START_AT until END_AT (epoch ms) it keeps trying the lock; while holding it, it records the
 * interval it held it in `probe`, so the test can check no two processes' intervals overlap.
 * Prints `{"ran":n,"skipped":m}`.
 */
import { PostgresDb } from '../db/index.ts';
import { runExclusively } from './run-exclusively.ts';

const env = process.env;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const db = await PostgresDb.open({ url: env.DATABASE_URL!, schema: env.PROBE_SCHEMA!, maxConnections: 3 });
const who = env.PROBE_WHO!;
let ran = 0;
let skipped = 0;
await sleep(Math.max(0, Number(env.START_AT) - Date.now()));
while (Date.now() < Number(env.END_AT)) {
  const held = await runExclusively({ db }, 'probe', async () => {
    const [row] = await db.query<{ id: number }>('insert into probe (who, started) values ($1, clock_timestamp()) returning id', [who]);
    await sleep(10);
    await db.query('update probe set ended = clock_timestamp() where id = $1', [row!.id]);
  });
  if (held) ran++;
  else skipped++;
  await sleep(Math.random() * 5);
}
await db.close();
process.stdout.write(JSON.stringify({ ran, skipped }));
