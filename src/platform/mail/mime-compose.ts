/**
 * Mail fields to MIME bytes, over nodemailer's MailComposer: the headers, a text and an HTML
 * alternative, and attachments. No I/O and no choices of its own: what goes in each field is the
 * caller's.
 */
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

export interface MimeAddress {
  name: string;
  address: string;
}

export interface MimeAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MimeFields {
  from: MimeAddress | string;
  replyTo?: MimeAddress | string;
  to: MimeAddress | string;
  subject: string;
  /** With its angle brackets. */
  messageId: string;
  date: Date;
  /** With its angle brackets; left out when absent. */
  inReplyTo?: string;
  /** Each with its angle brackets; left out when absent. */
  references?: string[];
  text: string;
  html?: string;
  attachments?: readonly MimeAttachment[];
  /** Further headers, as given. */
  headers?: Record<string, string>;
}

export async function composeMime(fields: MimeFields): Promise<Buffer> {
  const composer = new MailComposer({
    from: fields.from,
    ...(fields.replyTo !== undefined ? { replyTo: fields.replyTo } : {}),
    to: fields.to,
    subject: fields.subject,
    messageId: fields.messageId,
    date: fields.date,
    ...(fields.inReplyTo !== undefined ? { inReplyTo: fields.inReplyTo } : {}),
    ...(fields.references !== undefined ? { references: fields.references } : {}),
    text: fields.text,
    ...(fields.html !== undefined ? { html: fields.html } : {}),
    attachments: (fields.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    headers: fields.headers ?? {},
  });
  return composer.compile().build();
}
