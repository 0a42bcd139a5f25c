import { afterAll, describe, expect, it, vi } from 'vitest';
import { migrate, PgliteDb } from '../db/index.ts';
import { startPeriodic } from './periodic.ts';
import { runExclusively } from './run-exclusively.ts';

const engine = await PgliteDb.createEngine();
afterAll(() => engine.close());
let counter = 0;

async function setup() {
  const db = await PgliteDb.open({ engine, schema: `jobs_excl_${process.pid}_${counter++}` });
  await migrate(db, [{ id: '0001_probe', sql: 'create table probe (n int)' }]);
  return { db };
}

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('runExclusively on PGlite', () => {
  it('when a second call comes while the first runs, then it returns false without running; the work may use the database', async () => {
    const ctx = await setup();
    const g = gate();
    const first = runExclusively(ctx, 'sla.sweep', async () => {
      await ctx.db.query('insert into probe values (1)');
      await g.opened;
      await ctx.db.transaction((sql) => sql.query('insert into probe values (2)'));
    });
    await vi.waitFor(async () => expect(await ctx.db.query('select * from probe')).toHaveLength(1));
    let secondRan = false;
    expect(await runExclusively(ctx, 'sla.sweep', async () => void (secondRan = true))).toBe(false);
    expect(await runExclusively(ctx, 'housekeeping', async () => {})).toBe(true);
    g.open();
    expect(await first).toBe(true);
    expect(secondRan).toBe(false);
    expect(await runExclusively(ctx, 'sla.sweep', async () => void (secondRan = true))).toBe(true);
    expect(secondRan).toBe(true);
  });

  it('when the work throws, then the error reaches the caller and the name is free again', async () => {
    const ctx = await setup();
    await expect(runExclusively(ctx, 'x', async () => { throw new Error('sweep failed'); })).rejects.toThrow('sweep failed');
    expect(await runExclusively(ctx, 'x', async () => {})).toBe(true);
  });
});

describe('startPeriodic', () => {
  it('when started, then it runs at once and every interval, never overlapping itself, and stop() waits for the run in progress', async () => {
    const ctx = await setup();
    let runs = 0;
    let active = 0;
    let maxActive = 0;
    const periodic = startPeriodic(ctx, {
      name: 'tick', everyMs: 15,
      task: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 10));
        runs++;
        active--;
      },
    });
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(3));
    void periodic.runNow();
    await periodic.stop();
    expect(active).toBe(0);
    expect(maxActive).toBe(1);
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(after);
    expect(await periodic.runNow()).toBe(false);
  });

  it('when a run fails, then onError hears of it and the next run still comes', async () => {
    const ctx = await setup();
    const errors: unknown[] = [];
    let calls = 0;
    const periodic = startPeriodic(ctx, {
      name: 'flaky', everyMs: 10, onError: (e) => void errors.push(e),
      task: async () => { if (++calls === 1) throw new Error('first run failed'); },
    });
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(2));
    await periodic.stop();
    expect(String(errors[0])).toMatch(/first run failed/);
  });

  it('when runAtStart is false, then nothing runs before the first interval', async () => {
    const ctx = await setup();
    let calls = 0;
    const periodic = startPeriodic(ctx, { name: 'later', everyMs: 60_000, runAtStart: false, task: async () => void calls++ });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toBe(0);
    expect(await periodic.runNow()).toBe(true);
    expect(calls).toBe(1);
    await periodic.stop();
  });
});
