/**
 * Mail on the wire, over the mail libraries (smtp-server, nodemailer, imapflow, mailparser): an
 * inbound SMTP server that answers 250 only once the mail is stored, the outbound relay and MIME
 * composing, IMAP fetching with cursors, and parsing raw MIME. What the mail means to Sanad
 * (mailboxes, threads, conversations) is the email channel's.
 */
export { SmtpRefusal, startSmtpServer, type SmtpEnvelope, type SmtpServerHandle, type SmtpServerOptions } from './smtp-server.ts';
export { relayTransport, type MailTransport } from './smtp-relay.ts';
export { composeMime, type MimeAddress, type MimeAttachment, type MimeFields } from './mime-compose.ts';
export type {
  FetchedMail, ImapCursor, ImapCursorStore, ImapFetcherState, ImapFetchOptions, ImapLog, ImapLogEntry, ImapMailbox, ImapSink,
} from './imap/imap-types.ts';
export { ImapFetcher, type ImapFetcherDeps } from './imap/imap-fetcher.ts';
export { ImapFleet, type ImapFleetDeps } from './imap/imap-fleet.ts';
export { MemoryImapCursorStore } from './imap/memory-imap-cursor-store.ts';
export { parseMail, type ParsedAttachment, type ParsedMail } from './parse/parse-mail.ts';
export { defaultMailLimits, MailParseError, type MailLimits } from './parse/mail-limits.ts';
export type { MailAddress } from './parse/mail-fields.ts';

// For tests: an SMTP server that keeps what it is sent, and a private Dovecot with mail to put on it.
export { startSmtpSink, type CaughtMail, type SmtpSink } from './smtp-sink.ts';
export { hasDovecot, startDovecot, type DovecotOptions, type DovecotServer } from './imap/dovecot-harness.ts';
export { appendMail, arabicWindows1256Mail, textMail } from './imap/imap-test-support.ts';
