/**
 * Many mailboxes at once: one fetcher (one connection) per mailbox, each with its own loop and
 * backoff, so a slow or broken server holds up only its own mailboxes. Mailboxes come and go at
 * runtime; `stop()` winds every connection down.
 */
import { ImapFetcher } from './imap-fetcher.ts';
import { cursorStillApplies, forgottenCursor, needsRestart } from './imap-rules.ts';
import type { ImapCursorStore, ImapFetcherState, ImapFetchOptions, ImapMailbox, ImapSink } from './imap-types.ts';

export interface ImapFleetDeps {
  sink: ImapSink;
  cursors: ImapCursorStore;
  options?: ImapFetchOptions;
}

export class ImapFleet {
  private readonly deps: ImapFleetDeps;
  private readonly fetchers = new Map<string, ImapFetcher>();
  /** Per mailbox, the add/update/remove in progress, so two calls for one mailbox run in order. */
  private readonly queues = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(deps: ImapFleetDeps) {
    this.deps = deps;
  }

  /** Starts fetching a mailbox; an id already running is updated instead. */
  add(mailbox: ImapMailbox): Promise<void> {
    return this.update(mailbox);
  }

  /**
   * Applies new settings. An unchanged mailbox keeps its connection; a changed one is stopped (after
   * its mail in flight) and started again. Pointed at another server, account or folder, it also
   * forgets its cursor, whose UIDs counted the old folder.
   */
  update(mailbox: ImapMailbox): Promise<void> {
    return this.serial(mailbox.id, async () => {
      if (this.stopped) return;
      const running = this.fetchers.get(mailbox.id);
      if (running && !needsRestart(running.mailbox, mailbox)) return;
      if (running) {
        this.fetchers.delete(mailbox.id);
        await running.stop();
        if (!cursorStillApplies(running.mailbox, mailbox)) await this.deps.cursors.save(mailbox.id, forgottenCursor);
      }
      const fetcher = new ImapFetcher({ ...mailbox }, this.deps);
      this.fetchers.set(mailbox.id, fetcher);
      fetcher.start();
    });
  }

  /** Stops fetching a mailbox; its cursor is kept, so adding it back resumes where it was. */
  remove(mailboxId: string): Promise<void> {
    return this.serial(mailboxId, async () => {
      const running = this.fetchers.get(mailboxId);
      this.fetchers.delete(mailboxId);
      await running?.stop();
    });
  }

  /** Makes the running set exactly `mailboxes`: adds the new, updates the changed, removes the rest. */
  async sync(mailboxes: readonly ImapMailbox[]): Promise<void> {
    const wanted = new Set(mailboxes.map((m) => m.id));
    await Promise.all([
      ...[...this.fetchers.keys()].filter((id) => !wanted.has(id)).map((id) => this.remove(id)),
      ...mailboxes.map((m) => this.update(m)),
    ]);
  }

  /** Asks one mailbox (or all) to look for new mail now. */
  nudge(mailboxId?: string): void {
    if (mailboxId) this.fetchers.get(mailboxId)?.nudge();
    else for (const f of this.fetchers.values()) f.nudge();
  }

  has(mailboxId: string): boolean {
    return this.fetchers.has(mailboxId);
  }

  states(): ImapFetcherState[] {
    return [...this.fetchers.values()].map((f) => f.state);
  }

  /** Stops every fetcher in parallel; later add/update calls do nothing. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.queues.values()]);
    const all = [...this.fetchers.values()];
    this.fetchers.clear();
    await Promise.all(all.map((f) => f.stop()));
  }

  private serial(mailboxId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(mailboxId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(mailboxId, settled);
    void settled.then(() => {
      if (this.queues.get(mailboxId) === settled) this.queues.delete(mailboxId);
    });
    return next;
  }
}
