/**
 * Fetches one mailbox for as long as it runs: connect, open the folder read-only, deliver every mail
 * after the cursor in UID order, then wait for more (IDLE where offered, polling otherwise), and
 * reconnect with capped backoff after any failure. It never throws at its owner and never changes
 * the mailbox: the folder is opened with EXAMINE and read with BODY.PEEK, so nothing is marked
 * \Seen, moved or deleted.
 *
 * Nothing is skipped: the cursor moves past a mail only after the sink said it is stored, and is
 * saved before the next mail. A crash re-delivers at most the mail in flight, which the sink's
 * dedupe absorbs.
 */
import { ImapFlow } from 'imapflow';
import {
  defaultFolder, newUids, planBatches, pollInterval, reconnectDelay, resumePoint, socketTimeoutFor, uidRangeAfter, uidSet, waitMode,
  type WaitMode,
} from './imap-rules.ts';
import type {
  ImapCursor, ImapCursorStore, ImapFetcherState, ImapFetchOptions, ImapLogEntry, ImapMailbox, ImapSink,
} from './imap-types.ts';
import { Wake } from './wake.ts';

export interface ImapFetcherDeps {
  sink: ImapSink;
  cursors: ImapCursorStore;
  options?: ImapFetchOptions;
}

const logoutGraceMs = 2_000;

export class ImapFetcher {
  readonly mailbox: ImapMailbox;
  private readonly deps: ImapFetcherDeps;
  private readonly options: ImapFetchOptions;
  /** New mail announced, a poll due, the connection gone, or stop(): whatever the loop waits on wakes. */
  private readonly wake = new Wake();
  /** Only stop() cuts a reconnect delay short; a dropped connection's late events must not. */
  private readonly stopping = new Wake();
  private client: ImapFlow | null = null;
  private loop: Promise<void> | null = null;
  private stopped = false;
  private current: ImapFetcherState;

  constructor(mailbox: ImapMailbox, deps: ImapFetcherDeps) {
    this.mailbox = mailbox;
    this.deps = deps;
    this.options = deps.options ?? {};
    this.current = { mailboxId: mailbox.id, phase: 'starting', idle: null, cursor: null, failures: 0, lastError: null, lastSyncAt: null };
  }

  get state(): ImapFetcherState {
    return { ...this.current, cursor: this.current.cursor && { ...this.current.cursor } };
  }

  /** Starts the background loop; calling it again does nothing. */
  start(): void {
    if (this.loop || this.stopped) return;
    this.loop = this.run();
  }

  /** Asks for a sync now (e.g. an admin pressed "check now"); harmless at any time. */
  nudge(): void {
    this.wake.notify();
  }

  /**
   * Stops after the mail in flight (its cursor is saved) and logs out. A connection that does not
   * wind down within `timeoutMs` (a hung sink, a dead socket) is cut.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    this.wake.notify();
    this.stopping.notify();
    // A connect or a command waiting on a silent server would hold the loop for its whole timeout.
    if (this.current.phase === 'connecting' || this.current.phase === 'waiting-to-reconnect') this.client?.close();
    if (!this.loop) {
      this.current.phase = 'stopped';
      return;
    }
    if (!(await settlesWithin(this.loop, timeoutMs))) {
      this.client?.close();
      await settlesWithin(this.loop, logoutGraceMs);
    }
  }

  private log(entry: Omit<ImapLogEntry, 'mailboxId'>): void {
    try {
      this.options.log?.({ mailboxId: this.mailbox.id, ...entry });
    } catch {
      // A failing logger must not stop the mail.
    }
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.session();
      } catch (error) {
        if (!this.stopped) {
          this.current.failures += 1;
          this.current.lastError = describe(error);
          this.log({ level: 'error', event: 'error', message: `IMAP ${this.mailbox.user}@${this.mailbox.host}: ${describe(error)}`, error });
        }
      } finally {
        await this.dropClient();
      }
      if (this.stopped) break;
      const delay = reconnectDelay(Math.max(1, this.current.failures), {
        baseMs: this.options.backoffBaseMs ?? 1_000, maxMs: this.options.backoffMaxMs ?? 300_000,
      }, (this.options.random ?? Math.random)());
      this.current.phase = 'waiting-to-reconnect';
      this.log({ level: 'info', event: 'reconnecting', message: `reconnecting in ${delay} ms (failure ${this.current.failures} in a row)` });
      await this.stopping.wait(delay);
    }
    this.current.phase = 'stopped';
    this.log({ level: 'info', event: 'stopped', message: 'stopped' });
  }

  /** One connection's life; returns or throws when it ends, the loop decides what comes next. */
  private async session(): Promise<void> {
    const pollMs = pollInterval(this.mailbox, this.options.pollMs);
    const client = new ImapFlow({
      host: this.mailbox.host,
      port: this.mailbox.port,
      secure: this.mailbox.secure,
      // Left undefined: STARTTLS is used whenever the server offers it on a plain connection.
      auth: { user: this.mailbox.user, pass: this.mailbox.password },
      logger: false,
      // The loop decides when to IDLE and when to poll; imapflow's own timers would race it.
      disableAutoIdle: true,
      // BINARY[] may undo a transfer encoding; BODY.PEEK[] gives the stored bytes exactly.
      disableBinary: true,
      connectionTimeout: this.options.connectTimeoutMs ?? 30_000,
      greetingTimeout: this.options.connectTimeoutMs ?? 30_000,
      socketTimeout: socketTimeoutFor(pollMs),
    });
    this.client = client;
    // Without an 'error' listener an emitted error would crash the process.
    client.on('error', (error: unknown) => {
      if (this.client === client) this.current.lastError = describe(error);
    });
    client.on('exists', () => {
      if (this.client === client) this.wake.notify();
    });
    client.on('close', () => {
      if (this.client === client) this.wake.notify();
    });

    this.current.phase = 'connecting';
    await client.connect();
    if (this.stopped) return;
    const folder = this.mailbox.folder ?? defaultFolder;
    // EXAMINE: a read-only session, so the server never sets \Seen or clears \Recent for us.
    await client.mailboxOpen(folder, { readOnly: true });
    const mode: WaitMode = waitMode(client.capabilities.keys());
    this.current.idle = mode === 'idle';
    this.log({ level: 'info', event: 'connected', message: `connected to ${this.mailbox.host}:${this.mailbox.port} ${folder} (${mode === 'idle' ? 'IDLE' : `polling every ${pollMs} ms`})` });

    let cursor = await this.deps.cursors.load(this.mailbox.id);
    let first = true;
    while (!this.stopped) {
      if (!client.usable) throw new Error('the server closed the connection');
      this.current.phase = 'syncing';
      // A command that lets the server announce mail that came in since the last look (and breaks IDLE).
      if (!first) await client.noop();
      first = false;
      cursor = await this.sync(client, cursor);
      this.current.failures = 0;
      this.current.lastError = null;
      this.current.lastSyncAt = this.now();
      if (this.stopped) break;
      if (mode === 'idle') {
        this.current.phase = 'idling';
        // Resolves once a later command breaks the IDLE; a failure shows up as a closed connection.
        client.idle().catch(() => this.wake.notify());
      } else {
        this.current.phase = 'polling';
      }
      // Mail announced during IDLE wakes this at once; the poll interval is the safety net.
      await this.wake.wait(pollMs);
    }
  }

  /** Delivers everything after the cursor, in UID order, saving the cursor after each mail. */
  private async sync(client: ImapFlow, saved: ImapCursor | null): Promise<ImapCursor> {
    const box = client.mailbox;
    if (!box) throw new Error('no folder is open');
    const serverValidity = box.uidValidity.toString();
    const point = resumePoint(saved, serverValidity);
    let cursor = point.cursor;
    if (point.reason === 'uidvalidity-changed') {
      this.log({
        level: 'warn', event: 'uidvalidity-changed',
        message: `UIDVALIDITY changed from ${saved?.uidValidity} to ${serverValidity}: fetching the folder from its beginning (Message-ID dedupe drops what was already imported)`,
      });
    }
    if (point.reason !== 'resume') {
      if (point.reason === 'first-sync') this.log({ level: 'info', event: 'first-sync', message: `first sync of UIDVALIDITY ${serverValidity}: fetching the whole folder` });
      await this.deps.cursors.save(this.mailbox.id, cursor);
    }
    this.current.cursor = cursor;
    if (box.exists === 0) return cursor;

    const listed = await client.fetchAll(uidRangeAfter(cursor.lastUid), { uid: true, size: true }, { uid: true });
    const todo = newUids(listed.map((m) => ({ uid: m.uid, size: m.size ?? 0 })), cursor.lastUid);
    let delivered = 0;
    for (const batch of planBatches(todo, this.options.batchSize ?? 25, this.options.batchBytes ?? 32 * 1024 * 1024)) {
      const fetched = await client.fetchAll(uidSet(batch), { uid: true, source: true }, { uid: true });
      const wanted = new Set(batch);
      // Unsolicited FETCH rows (flag changes) may ride along; only the asked-for UIDs count.
      const mails = fetched.filter((m) => wanted.has(m.uid) && m.uid > cursor.lastUid).sort((a, b) => a.uid - b.uid);
      for (const m of mails) {
        if (!m.source) throw new Error(`the server sent UID ${m.uid} without its body`);
        await this.deps.sink.deliver(this.mailbox, { raw: m.source, uid: m.uid, uidValidity: serverValidity });
        cursor = { uidValidity: serverValidity, lastUid: m.uid };
        await this.deps.cursors.save(this.mailbox.id, cursor);
        this.current.cursor = cursor;
        delivered += 1;
        // Stopping between two mails loses nothing: the cursor is already saved.
        if (this.stopped) break;
      }
      if (this.stopped) break;
    }
    if (delivered > 0) this.log({ level: 'info', event: 'fetched', message: `fetched ${delivered} mail(s), now at UID ${cursor.lastUid}` });
    return cursor;
  }

  private async dropClient(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    const wasUsable = client.usable;
    if (wasUsable) await settlesWithin(client.logout().catch(() => undefined), logoutGraceMs);
    client.close();
    if (!this.stopped) this.log({ level: 'warn', event: 'disconnected', message: wasUsable ? 'disconnected' : 'the connection was lost' });
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const extra = error as Error & { responseText?: string; code?: string };
    return [extra.code, error.message, extra.responseText].filter(Boolean).join(': ');
  }
  return String(error);
}

/** Whether `promise` settles within `ms`; it is never rejected by this. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
