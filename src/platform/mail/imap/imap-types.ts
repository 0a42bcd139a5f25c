/**
 * The contracts of IMAP fetching. The fetcher only moves bytes: storing, deduplicating and parsing
 * belong to the sink, and where to resume belongs to the cursor store.
 */

export interface ImapMailbox {
  id: string;            // Sanad's mailbox id
  workspaceId: string;
  host: string; port: number; secure: boolean;   // secure = implicit TLS; otherwise STARTTLS when offered
  user: string; password: string;
  folder?: string;       // default 'INBOX'
  pollMs?: number;       // used when the server lacks IDLE, and as a safety net
}

export interface FetchedMail { raw: Buffer; uid: number; uidValidity: string; } // uidValidity as a decimal string (it is a 32-bit unsigned / bigint in imapflow)

/** Stores the raw mail durably and idempotently (by mailbox + uidValidity + uid, and by Message-ID); resolves only once it is stored. */
export interface ImapSink { deliver(mailbox: ImapMailbox, mail: FetchedMail): Promise<void>; }

export interface ImapCursor { uidValidity: string; lastUid: number; }

export interface ImapCursorStore { load(mailboxId: string): Promise<ImapCursor | null>; save(mailboxId: string, cursor: ImapCursor): Promise<void>; }

/** What a fetcher tells its owner. `error` entries carry the cause; nothing is ever thrown at the owner. */
export interface ImapLogEntry {
  level: 'info' | 'warn' | 'error';
  mailboxId: string;
  event:
    | 'connected' | 'caught-up' | 'fetched' | 'uidvalidity-changed' | 'first-sync'
    | 'disconnected' | 'reconnecting' | 'error' | 'stopped';
  message: string;
  error?: unknown;
}

export type ImapLog = (entry: ImapLogEntry) => void;

/** Where a fetcher is, for health pages and tests. */
export interface ImapFetcherState {
  mailboxId: string;
  phase: 'starting' | 'connecting' | 'syncing' | 'idling' | 'polling' | 'waiting-to-reconnect' | 'stopped';
  /** Whether the server advertised IDLE on the last connection (null before the first one). */
  idle: boolean | null;
  cursor: ImapCursor | null;
  /** Failures in a row since the last successful sync; drives the backoff. */
  failures: number;
  lastError: string | null;
  lastSyncAt: Date | null;
}

/** Tuning shared by every fetcher of a fleet; all optional. */
export interface ImapFetchOptions {
  /** Mails fetched per FETCH command at most (default 25). */
  batchSize?: number;
  /** Bytes per FETCH command at most, by RFC822.SIZE; a larger single mail still goes alone (default 32 MiB). */
  batchBytes?: number;
  /** Default poll interval when a mailbox sets none (default 60 s). */
  pollMs?: number;
  /** Reconnect backoff: first delay and cap (defaults 1 s and 5 min). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Connect/greeting timeout (default 30 s). */
  connectTimeoutMs?: number;
  log?: ImapLog;
  clock?: () => Date;
  /** 0 ≤ random() < 1, for backoff jitter (tests pass a constant). */
  random?: () => number;
}
