/**
 * One node at a time across processes: periodic work (an SLA sweep, housekeeping) that must not
 * run twice at once. On PostgreSQL a transaction-scoped advisory lock is held for the work's
 * duration and freed by commit — or by the server when a crashed node's connection drops.
 */
import type { Db } from '../db/index.ts';

/** Names held on this process's PGlite databases (see runExclusively). */
const heldInProcess = new WeakMap<Db, Set<string>>();

/**
 * Runs `work` unless another node (or another call here) is running work of the same name;
 * returns whether it ran. `work` runs outside the lock's transaction, so it uses `ctx.db` and its
 * own transactions as usual.
 *
 * PGlite has one connection: holding a transaction open would block the work's own queries. Only
 * one process can open a PGlite data directory, so an in-process lock is exclusive enough there.
 */
export async function runExclusively(ctx: { db: Db }, name: string, work: () => Promise<void>): Promise<boolean> {
  return ctx.db.kind === 'pglite' ? runInProcess(ctx.db, name, work) : runUnderAdvisoryLock(ctx.db, name, work);
}

async function runInProcess(db: Db, name: string, work: () => Promise<void>): Promise<boolean> {
  let held = heldInProcess.get(db);
  if (!held) heldInProcess.set(db, (held = new Set()));
  if (held.has(name)) return false;
  held.add(name);
  try {
    await work();
    return true;
  } finally {
    held.delete(name);
  }
}

async function runUnderAdvisoryLock(db: Db, name: string, work: () => Promise<void>): Promise<boolean> {
  let release!: () => void;
  const finished = new Promise<void>((resolve) => (release = resolve));
  let answer!: (locked: boolean) => void;
  const locked = new Promise<boolean>((resolve) => (answer = resolve));
  // The lock's transaction waits on `finished`; the work runs out here, on other connections.
  const holding = db.transaction(async (sql) => {
    const rows = await sql.query<{ locked: boolean }>('select pg_try_advisory_xact_lock(hashtextextended($1, 0)) as locked', [`sanad.exclusive:${name}`]);
    const got = rows[0]?.locked === true;
    answer(got);
    if (got) await finished;
  });
  const got = await Promise.race([locked, holding.then(() => false)]);
  if (!got) {
    await holding;
    return false;
  }
  try {
    await work();
    return true;
  } finally {
    release();
    await holding;
  }
}
