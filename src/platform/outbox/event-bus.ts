import type { StoredEvent } from '../../kernel/index.ts';
import type { Clock } from '../../kernel/index.ts';
import type { Db } from '../db/index.ts';
import type { PubSub, Unsubscribe } from '../pubsub/index.ts';
import { markPublished, readUnpublished } from './event-log.ts';

export const eventsChannel = 'sanad.events';

export type EventHandler = (event: StoredEvent) => void | Promise<void>;

export interface EventBusOptions {
  db: Db;
  pubsub: PubSub;
  clock: Clock;
  /** `event` is null when the message could not even be read as an event. */
  onHandlerError?: (error: unknown, event: StoredEvent | null) => void;
  /** An announcement failed after commit (the relay will retry); report it so an outage is seen. */
  onPublishError?: (error: unknown, events: readonly StoredEvent[]) => void;
}

/**
 * Announces committed events on pub/sub and hands them to subscribers on every node. Delivery is
 * at least once: an event whose announcement was lost (a crash between commit and publish) is
 * found by `republishStale` and sent again, so handlers must be idempotent.
 */
export class EventBus {
  private readonly options: EventBusOptions;
  /** Positions announced but not yet marked, waiting for the next marking statement. */
  private waiting: number[] = [];
  /** The marking statement that will take `waiting`, or null when none is scheduled. */
  private nextMark: Promise<void> | null = null;
  /** The marking statement now running (settled when none is). */
  private running: Promise<void> = Promise.resolve();

  constructor(options: EventBusOptions) {
    this.options = options;
  }

  /**
   * Announces, then marks the events published. Resolves once the mark is stored; the marks of
   * announcements that finish close together go out in one statement (see `mark`).
   */
  async publishCommitted(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const event of events) await this.options.pubsub.publish(eventsChannel, JSON.stringify(event));
    await this.mark(events.map((e) => e.position));
  }

  /** After a commit: announce, and on failure report and leave the events for the relay. */
  async announceAfterCommit(events: readonly StoredEvent[]): Promise<void> {
    try {
      await this.publishCommitted(events);
    } catch (error) {
      this.options.onPublishError?.(error, events);
    }
  }

  /** Sends again what was committed but never announced; run it periodically and at start. */
  async republishStale(graceMs = 5000, batch = 200): Promise<number> {
    const olderThan = new Date(this.options.clock().getTime() - graceMs);
    const stale = await readUnpublished(this.options.db, olderThan, batch);
    await this.publishCommitted(stale);
    return stale.length;
  }

  async subscribe(handler: EventHandler): Promise<Unsubscribe> {
    return this.options.pubsub.subscribe(eventsChannel, (message) => {
      let event: StoredEvent | null = null;
      Promise.resolve()
        .then(() => {
          // Parsed inside the guard: a malformed message on a shared Redis must not escape.
          const raw = JSON.parse(message) as StoredEvent;
          event = { ...raw, occurredAt: new Date(raw.occurredAt) };
          return handler(event);
        })
        .catch((error: unknown) => this.options.onHandlerError?.(error, event));
    });
  }

  /**
   * Group marking: at most one marking statement runs at a time. A batch is taken one event-loop
   * turn after it opens (and not before the previous statement ends), so every announcement that
   * finishes meanwhile joins it: a busy node marks many commits with one UPDATE, an idle one marks
   * on the next turn. A mark that fails or never runs only leaves its events to the relay, which
   * announces them again; handlers are idempotent.
   */
  private mark(positions: readonly number[]): Promise<void> {
    this.waiting.push(...positions);
    if (!this.nextMark) {
      const next = this.running.then(nextTurn).then(() => {
        const batch = this.waiting;
        this.waiting = [];
        this.nextMark = null;
        return markPublished(this.options.db, batch, this.options.clock());
      });
      this.nextMark = next;
      this.running = next.catch(() => {});
    }
    return this.nextMark;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
