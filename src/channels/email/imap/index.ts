/**
 * IMAP fetching for existing mailboxes: one fetcher per mailbox (IDLE or polling, resuming by UID,
 * read-only), a fleet that runs many, and the database cursor store with its migration.
 */
export type {
  FetchedMail, ImapCursor, ImapCursorStore, ImapFetcherState, ImapFetchOptions, ImapLog, ImapLogEntry, ImapMailbox, ImapSink,
} from './imap-types.ts';
export { ImapFetcher, type ImapFetcherDeps } from './imap-fetcher.ts';
export { ImapFleet, type ImapFleetDeps } from './imap-fleet.ts';
export { DbImapCursorStore, MemoryImapCursorStore } from './imap-cursor-store.ts';
export { imapMigrations } from './migrations.ts';
