/**
 * Email channel: mail in (Sanad's SMTP listener, IMAP fetching), stored raw before it is
 * acknowledged, then parsed, sanitised, threaded and filed as conversation messages; replies out
 * as durable jobs through an SMTP relay. The pure rules (threading, loops, quotes) sit beside.
 */
export {
  chooseThread, conversationToken, defaultSubjectWindowMs, findTokens, normaliseMessageId, normaliseSubject, replyAddress, subjectTag,
  threadLookupKeys, verifyConversationToken,
  type InboundMail, type ThreadCandidates, type ThreadChoice, type ThreadOptions, type ThreadReason, type TokenMac,
} from './threading-rules.ts';
export { ackRateLimit, classifyMail, defaultAckLimit, type AckDecision, type AckLimit, type MailClass, type MailHeaders } from './loop-rules.ts';
export { foldQuotedReply, type FoldedBody } from './quote-rules.ts';
export { sanitizeEmailHtml, type SanitizeOptions, type SanitizedHtml } from './html-sanitize.ts';
export { emailMigrations } from './migrations.ts';
export { emailRoutes } from './email-routes.ts';
export { emailJobHandlers, startEmail, type EmailOptions, type EmailRuntime } from './email-runtime.ts';
export { acceptRawMail, type Accepted, type RawMailInput } from './accept-mail.ts';
export { createMailbox, changeMailbox, listMailboxes, type EmailContext, type MailboxInput } from './mailbox-commands.ts';
export type { Mailbox } from './mailbox-store.ts';
export { processInboundMail, type ProcessOutcome } from './process-mail.ts';
export { relayTransport, type MailTransport } from '../../platform/mail/index.ts';
export { imapMigrations } from './imap/index.ts';
export { displayMail, MailParseError, parseMail, type ParsedMail } from './parse/index.ts';
