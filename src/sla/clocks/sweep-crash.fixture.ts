/**
 * A scheduler in its own process for the crash test (run with `node --import tsx`): opens the data
 * directory in SANAD_DATA_DIR, fires due clocks one by one and prints `fired <id>` after each
 * commit, so the test can kill it part-way through a sweep.
 */
import { readConfig } from '../../config.ts';
import { openRuntime } from '../../main.ts';
import { dueClockIds } from './clock-store.ts';
import { fireClock } from './sla-sweep.ts';

const runtime = await openRuntime(readConfig({ SANAD_DATA_DIR: process.env.SANAD_DATA_DIR, LOG_LEVEL: 'silent' }));
const now = runtime.ctx.clock();
for (const id of await dueClockIds(runtime.ctx.db, now, 1000)) {
  await fireClock(runtime.ctx, id, now);
  process.stdout.write(`fired ${id}\n`);
}
process.stdout.write('done\n');
await runtime.close();
