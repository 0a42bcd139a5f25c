import type { Clock, IdGenerator, NewEvent, StoredEvent } from '../../kernel/index.ts';
import type { Db, Sql } from '../db/index.ts';
import { appendEvents } from './event-log.ts';
import type { EventBus } from './event-bus.ts';

/** What every command needs: storage, time, ids and the bus that announces its events. */
export interface CommandContext {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  bus: EventBus;
}

/** One command's unit of work: its transaction, the time it decided at, and its events. */
export interface Tx {
  sql: Sql;
  now: Date;
  newId: IdGenerator;
  emit(event: NewEvent): void;
}

/**
 * Runs a command in one transaction. Its events are appended to the outbox in that same
 * transaction and announced only after commit, so nobody hears of a change that rolled back.
 */
export async function transact<T>(ctx: CommandContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  const now = ctx.clock();
  let committed: StoredEvent[] = [];
  const result = await ctx.db.transaction(async (sql) => {
    const pending: (NewEvent & { id: string; occurredAt: Date })[] = [];
    const value = await work({
      sql,
      now,
      newId: ctx.newId,
      emit: (event) => pending.push({ ...event, id: ctx.newId(), occurredAt: now }),
    });
    committed = await appendEvents(sql, pending);
    return value;
  });
  // A failed announcement is not the command's failure: the relay sends it again later.
  await ctx.bus.announceAfterCommit(committed);
  return result;
}

/** A read that needs no transaction of its own. */
export type QueryContext = Pick<CommandContext, 'db' | 'clock'>;
