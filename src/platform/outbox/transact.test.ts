import { afterAll, describe, expect, it, vi } from 'vitest';
import { fixedClock, type NewEvent, type StoredEvent } from '../../kernel/index.ts';
import { migrate, PgliteDb, type Db } from '../db/index.ts';
import { uuidv7, uuidPattern } from '../ids/index.ts';
import { MemoryPubSub, type PubSub } from '../pubsub/index.ts';
import { EventBus } from './event-bus.ts';
import { outboxMigrations } from './migrations.ts';
import { transact, type CommandContext } from './transact.ts';

const engine = await PgliteDb.createEngine();
afterAll(() => engine.close());

let counter = 0;
const workspaceId = uuidv7();

/** A fresh schema with the outbox, a bus on `pubsub`, and a subscriber recording what it hears. */
async function setup(pubsub: PubSub = new MemoryPubSub(), onPublishError?: (error: unknown) => void) {
  const db = await PgliteDb.open({ engine, schema: `outbox_tx_${process.pid}_${counter++}` });
  await migrate(db, outboxMigrations);
  const clock = fixedClock('2026-11-23T10:00:00.000Z');
  const bus = new EventBus({ db, pubsub, clock, onPublishError });
  const ctx: CommandContext = { db, clock, newId: () => uuidv7(clock().getTime()), bus };
  const heard: StoredEvent[] = [];
  await bus.subscribe((event) => void heard.push(event));
  return { db, clock, bus, ctx, heard };
}

const event = (type: string, subjectId = 'c1'): NewEvent => ({
  type,
  workspaceId,
  subjectType: 'conversation',
  subjectId,
  actor: { type: 'system' },
  payload: { note: `${type} — تم` },
});

const storedRows = (db: Db) =>
  db.query<{ position: number; type: string; published_at: Date | null }>(
    'select position, type, published_at from events order by position',
  );

describe('transact', () => {
  it('when a command emits events and commits, then they are stored in order, announced after commit and marked published', async () => {
    const log: string[] = [];
    const memory = new MemoryPubSub();
    const { db, clock, ctx, heard } = await setup({
      publish: async (channel, message) => {
        log.push(`publish ${(JSON.parse(message) as StoredEvent).type}`);
        await memory.publish(channel, message);
      },
      subscribe: (channel, handler) => memory.subscribe(channel, handler),
      close: () => memory.close(),
    });
    // The same database, but noting when the command's transaction has committed.
    const tracked: Db = Object.create(db, {
      transaction: {
        value: async (work: Parameters<Db['transaction']>[0]) => {
          const value: unknown = await db.transaction(work);
          log.push('commit');
          return value;
        },
      },
    });

    const value = await transact({ ...ctx, db: tracked }, async (tx) => {
      expect(tx.now).toEqual(clock());
      tx.emit(event('conversation.created'));
      tx.emit(event('message.created'));
      tx.emit(event('conversation.assigned'));
      return 'done';
    });

    expect(value).toBe('done');
    expect(log).toEqual(['commit', 'publish conversation.created', 'publish message.created', 'publish conversation.assigned']);
    const rows = await storedRows(db);
    expect(rows.map((r) => r.type)).toEqual(['conversation.created', 'message.created', 'conversation.assigned']);
    expect(rows.map((r) => r.position)).toEqual([...rows.map((r) => r.position)].sort((a, b) => a - b));
    expect(new Set(rows.map((r) => r.position)).size).toBe(3);
    expect(rows.every((r) => r.published_at?.getTime() === clock().getTime())).toBe(true);

    await vi.waitFor(() => expect(heard.map((e) => e.type)).toEqual(rows.map((r) => r.type)));
    const [first] = heard;
    expect(first).toMatchObject({ ...event('conversation.created'), position: rows[0]!.position, occurredAt: clock() });
    expect(first!.id).toMatch(uuidPattern);
    expect(first!.occurredAt).toBeInstanceOf(Date);
  });

  it('when the work throws, then no event is stored or announced and the error propagates', async () => {
    const { db, ctx, heard } = await setup();
    const failure = new Error('rule broken');
    await expect(
      transact(ctx, async (tx) => {
        tx.emit(event('conversation.created'));
        await tx.sql.query('select 1');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await storedRows(db)).toEqual([]);

    // A later command's announcement is the sentinel: once it arrives, nothing earlier is pending.
    await transact(ctx, async (tx) => tx.emit(event('sentinel')));
    await vi.waitFor(() => expect(heard.map((e) => e.type)).toEqual(['sentinel']));
  });

  it('when the work writes rows and throws, then its writes roll back together with its events', async () => {
    const { db, ctx } = await setup();
    await db.exec('create table notes (body text)');
    await expect(
      transact(ctx, async (tx) => {
        await tx.sql.query("insert into notes values ('lost')");
        tx.emit(event('note.added'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query('select * from notes')).toEqual([]);
    expect(await storedRows(db)).toEqual([]);
  });

  it('when publishing fails, then the command still returns its value and the events stay unpublished', async () => {
    const failing: PubSub = {
      publish: async () => {
        throw new Error('redis down');
      },
      subscribe: async () => async () => {},
      close: async () => {},
    };
    const reported: unknown[] = [];
    const { db, ctx } = await setup(failing, (error) => reported.push(error));
    const value = await transact(ctx, async (tx) => {
      tx.emit(event('conversation.created'));
      tx.emit(event('message.created'));
      return 42;
    });
    expect(value).toBe(42);
    expect(reported.map((e) => (e as Error).message)).toEqual(['redis down']);
    const rows = await storedRows(db);
    expect(rows.map((r) => [r.type, r.published_at])).toEqual([
      ['conversation.created', null],
      ['message.created', null],
    ]);
  });

  it('when a command emits nothing, then nothing is stored or published', async () => {
    const { db, ctx } = await setup();
    const publish = vi.spyOn(ctx.bus, 'publishCommitted');
    expect(await transact(ctx, async () => 'quiet')).toBe('quiet');
    expect(await storedRows(db)).toEqual([]);
    expect(publish).toHaveBeenCalledWith([]);
  });
});
