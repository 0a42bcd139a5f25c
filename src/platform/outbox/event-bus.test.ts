import { afterAll, describe, expect, it, vi } from 'vitest';
import { fixedClock, type NewEvent, type StoredEvent } from '../../kernel/index.ts';
import { migrate, PgliteDb, type Db } from '../db/index.ts';
import { uuidv7 } from '../ids/index.ts';
import { MemoryPubSub } from '../pubsub/index.ts';
import { eventsChannel, EventBus } from './event-bus.ts';
import { appendEvents, readEvents } from './event-log.ts';
import { outboxMigrations } from './migrations.ts';

const engine = await PgliteDb.createEngine();
afterAll(() => engine.close());

let counter = 0;
const workspaceA = uuidv7();
const workspaceB = uuidv7();

async function setup(onHandlerError?: (error: unknown, event: StoredEvent | null) => void) {
  const db = await PgliteDb.open({ engine, schema: `outbox_bus_${process.pid}_${counter++}` });
  await migrate(db, outboxMigrations);
  const clock = fixedClock('2026-11-23T10:00:00.000Z');
  const bus = new EventBus({ db, pubsub: new MemoryPubSub(), clock, onHandlerError });
  const heard: StoredEvent[] = [];
  await bus.subscribe((event) => void heard.push(event));
  /** Commits events without announcing them, as a crash between commit and publish would. */
  const commitSilently = (...events: NewEvent[]) =>
    db.transaction((sql) => appendEvents(sql, events.map((e) => ({ ...e, id: uuidv7(), occurredAt: clock() }))));
  const unpublished = async () =>
    (await db.query<{ type: string }>('select type from events where published_at is null order by position')).map((r) => r.type);
  return { db, clock, bus, heard, commitSilently, unpublished };
}

const event = (type: string, overrides: Partial<NewEvent> = {}): NewEvent => ({
  type,
  workspaceId: workspaceA,
  subjectType: 'conversation',
  subjectId: 'c1',
  actor: { type: 'agent', id: 'a1' },
  payload: { body: 'أهلاً وسهلاً' },
  ...overrides,
});

const types = (events: readonly StoredEvent[]) => events.map((e) => e.type);

describe('EventBus', () => {
  it('when committed events are published, then subscribers receive them whole, with occurredAt as a Date', async () => {
    const { bus, heard, commitSilently, unpublished } = await setup();
    const stored = await commitSilently(event('message.created'));
    await bus.publishCommitted(stored);
    await vi.waitFor(() => expect(heard).toEqual(stored));
    expect(heard[0]!.occurredAt).toBeInstanceOf(Date);
    expect(await unpublished()).toEqual([]);
  });

  it('when events were never announced, then republishStale sends those older than the grace period once', async () => {
    const { clock, bus, heard, commitSilently, unpublished } = await setup();
    await commitSilently(event('old.one'), event('old.two'));
    clock.advance(2000);
    expect(await bus.republishStale(5000)).toBe(0);

    clock.advance(4000);
    await commitSilently(event('fresh'));
    expect(await bus.republishStale(5000)).toBe(2);
    await vi.waitFor(() => expect(types(heard)).toEqual(['old.one', 'old.two']));
    expect(await unpublished()).toEqual(['fresh']);

    expect(await bus.republishStale(5000)).toBe(0);
    const [sentinel] = await commitSilently(event('sentinel'));
    await bus.publishCommitted([sentinel!]);
    await vi.waitFor(() => expect(types(heard)).toEqual(['old.one', 'old.two', 'sentinel']));
  });

  it('when more stale events wait than one batch holds, then each call sends the next batch in order', async () => {
    const { clock, bus, heard, commitSilently } = await setup();
    await commitSilently(event('e1'), event('e2'), event('e3'));
    clock.advance(10_000);
    expect(await bus.republishStale(5000, 2)).toBe(2);
    expect(await bus.republishStale(5000, 2)).toBe(1);
    expect(await bus.republishStale(5000, 2)).toBe(0);
    await vi.waitFor(() => expect(types(heard)).toEqual(['e1', 'e2', 'e3']));
  });

  it("when a subscriber's handler throws, then onHandlerError gets the error and later deliveries continue", async () => {
    const errors: [unknown, StoredEvent | null][] = [];
    const { bus, commitSilently } = await setup((error, failed) => void errors.push([error, failed]));
    const handled: string[] = [];
    await bus.subscribe(async (e) => {
      if (e.type === 'explodes') throw new Error('handler failed');
      if (e.type === 'rejects') await Promise.reject(new Error('async failure'));
      handled.push(e.type);
    });
    const stored = await commitSilently(event('explodes'), event('after'), event('rejects'), event('last'));
    await bus.publishCommitted(stored);
    await vi.waitFor(() => expect(handled).toEqual(['after', 'last']));
    await vi.waitFor(() => expect(errors).toHaveLength(2));
    expect(errors.map(([error, e]) => [(error as Error).message, e?.type])).toEqual([
      ['handler failed', 'explodes'],
      ['async failure', 'rejects'],
    ]);
  });
  it('when a malformed message arrives on the events channel, then it is reported with no event and delivery goes on', async () => {
    const errors: [unknown, StoredEvent | null][] = [];
    const pubsub = new MemoryPubSub();
    const db = await PgliteDb.open({ engine, schema: `outbox_bus_${process.pid}_${counter++}` });
    await migrate(db, outboxMigrations);
    const bus = new EventBus({ db, pubsub, clock: fixedClock('2026-11-23T10:00:00.000Z'), onHandlerError: (e, ev) => void errors.push([e, ev]) });
    const heard: string[] = [];
    await bus.subscribe((e) => void heard.push(e.type));
    await pubsub.publish(eventsChannel, '{not json');
    await pubsub.publish(eventsChannel, JSON.stringify({ type: 'fine', occurredAt: '2026-11-23T10:00:00.000Z' }));
    await vi.waitFor(() => expect(heard).toEqual(['fine']));
    expect(errors).toHaveLength(1);
    expect(errors[0]![1]).toBeNull();
  });

  it('when several commits are announced at once, then one statement marks them all published', async () => {
    const { db, clock, commitSilently, unpublished, heard } = await setup();
    const marks: unknown[][] = [];
    const counting: Db = Object.create(db, {
      query: {
        value: (text: string, params?: readonly unknown[]) => {
          if (text.startsWith('update events set published_at')) marks.push([...(params?.[1] as unknown[])]);
          return db.query(text, params);
        },
      },
    });
    const bus = new EventBus({ db: counting, pubsub: new MemoryPubSub(), clock });
    const commits = [await commitSilently(event('one')), await commitSilently(event('two'), event('three')), await commitSilently(event('four'))];
    await Promise.all(commits.map((stored) => bus.publishCommitted(stored)));
    expect(marks).toHaveLength(1);
    expect([...marks[0]!].sort()).toEqual(commits.flat().map((e) => e.position).sort());
    expect(await unpublished()).toEqual([]);

    // A later announcement gets a statement of its own, and resolves only once it is marked.
    await bus.publishCommitted(await commitSilently(event('five')));
    expect(marks).toHaveLength(2);
    expect(await unpublished()).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('when marking fails, then the announcement reports it, the events stay unpublished and the relay sends them again', async () => {
    const { db, clock, commitSilently, unpublished } = await setup();
    let failNext = true;
    const flaky: Db = Object.create(db, {
      query: {
        value: (text: string, params?: readonly unknown[]) => {
          if (failNext && text.startsWith('update events set published_at')) {
            failNext = false;
            return Promise.reject(new Error('connection lost'));
          }
          return db.query(text, params);
        },
      },
    });
    const reported: string[] = [];
    const pubsub = new MemoryPubSub();
    const bus = new EventBus({ db: flaky, pubsub, clock, onPublishError: (error) => void reported.push((error as Error).message) });
    const heard: string[] = [];
    await bus.subscribe((e) => void heard.push(e.type));
    await bus.announceAfterCommit(await commitSilently(event('lost.mark')));
    expect(reported).toEqual(['connection lost']);
    expect(await unpublished()).toEqual(['lost.mark']);

    clock.advance(10_000);
    expect(await bus.republishStale(5000)).toBe(1);
    await vi.waitFor(() => expect(heard).toEqual(['lost.mark', 'lost.mark']));
    expect(await unpublished()).toEqual([]);
  });
});

describe('readEvents', () => {
  it('when filtered by workspace, afterPosition, types and subjectId, then only matching events come back in order', async () => {
    const { db, commitSilently } = await setup();
    const all = await commitSilently(
      event('conversation.created', { subjectId: 'c1' }),
      event('message.created', { subjectId: 'c1' }),
      event('message.created', { subjectId: 'c2' }),
      event('message.created', { subjectId: 'c1', workspaceId: workspaceB }),
      event('conversation.closed', { subjectId: 'c1' }),
      event('system.started', { workspaceId: null }),
    );
    const positions = (events: readonly StoredEvent[]) => events.map((e) => e.position);
    const p = positions(all);

    const inA = await readEvents(db, { workspaceId: workspaceA, limit: 100 });
    expect(positions(inA)).toEqual([p[0], p[1], p[2], p[4]]);
    expect(inA[0]).toEqual(all[0]);
    expect(positions(await readEvents(db, { workspaceId: workspaceB, limit: 100 }))).toEqual([p[3]]);
    expect(positions(await readEvents(db, { workspaceId: workspaceA, afterPosition: p[1], limit: 100 }))).toEqual([p[2], p[4]]);
    expect(positions(await readEvents(db, { workspaceId: workspaceA, types: ['message.created'], limit: 100 }))).toEqual([p[1], p[2]]);
    expect(
      positions(await readEvents(db, { workspaceId: workspaceA, types: ['conversation.created', 'conversation.closed'], limit: 100 })),
    ).toEqual([p[0], p[4]]);
    expect(positions(await readEvents(db, { workspaceId: workspaceA, types: [], limit: 100 }))).toEqual(positions(inA));
    expect(positions(await readEvents(db, { workspaceId: workspaceA, subjectId: 'c1', limit: 100 }))).toEqual([p[0], p[1], p[4]]);
    expect(
      positions(await readEvents(db, { workspaceId: workspaceA, subjectId: 'c1', types: ['message.created'], afterPosition: p[0], limit: 100 })),
    ).toEqual([p[1]]);
    expect(positions(await readEvents(db, { workspaceId: workspaceA, limit: 2 }))).toEqual([p[0], p[1]]);
    expect(await readEvents(db, { workspaceId: uuidv7(), limit: 100 })).toEqual([]);
  });
});
