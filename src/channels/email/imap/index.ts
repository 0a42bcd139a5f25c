/**
 * Where IMAP fetching resumes, kept in the email channel's database: the cursor store and its
 * migration. The fetching itself (fetcher, fleet, in-memory cursors) is platform/mail's.
 */
export { DbImapCursorStore } from './imap-cursor-store.ts';
export { imapMigrations } from './migrations.ts';
