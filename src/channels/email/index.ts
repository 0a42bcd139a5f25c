/**
 * Email channel: the pure groundwork (threading, loop detection, quote folding, tokens) and the
 * HTML sanitiser. SMTP/IMAP I/O builds on these and is not here yet.
 */
export {
  chooseThread, conversationToken, defaultSubjectWindowMs, findTokens, normaliseMessageId, normaliseSubject, replyAddress, subjectTag,
  threadLookupKeys, verifyConversationToken,
  type InboundMail, type ThreadCandidates, type ThreadChoice, type ThreadOptions, type ThreadReason, type TokenMac,
} from './threading-rules.ts';
export { ackRateLimit, classifyMail, defaultAckLimit, type AckDecision, type AckLimit, type MailClass, type MailHeaders } from './loop-rules.ts';
export { foldQuotedReply, type FoldedBody } from './quote-rules.ts';
export { sanitizeEmailHtml, type SanitizeOptions, type SanitizedHtml } from './html-sanitize.ts';
