/**
 * Inbound mail: raw MIME to ParsedMail (parseMail, platform/mail's), and what an agent is shown of
 * it (displayMail, the channel's own). Wired into the email channel through ../index.ts.
 */
export { defaultMailLimits, MailParseError, parseMail, type MailAddress, type MailLimits, type ParsedAttachment, type ParsedMail } from '../../../platform/mail/index.ts';
export { displayMail, textDirection, type DisplayedMail, type DisplayOptions } from './display-mail.ts';
