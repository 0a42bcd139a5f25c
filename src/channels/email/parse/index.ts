/**
 * Inbound mail parsing: raw MIME to Sanad's ParsedMail (parseMail), and what an agent is shown of
 * it (displayMail). Wired into the email channel through ../index.ts.
 */
export { parseMail, type ParsedAttachment, type ParsedMail } from './parse-mail.ts';
export { displayMail, textDirection, type DisplayedMail, type DisplayOptions } from './display-mail.ts';
export { defaultMailLimits, MailParseError, type MailLimits } from './mail-limits.ts';
export type { MailAddress } from './mail-fields.ts';
