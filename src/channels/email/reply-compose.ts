/**
 * A reply as MIME: threading headers, the conversation token (reply address and subject tag),
 * text and HTML parts, right to left for Arabic. No I/O: the bytes (made by platform/mail's
 * composeMime) are stored and sent by a job.
 */
import { randomBytes } from 'node:crypto';
import { composeMime } from '../../platform/mail/index.ts';
import { normaliseMessageId, replyAddress, subjectTag } from './threading-rules.ts';

export interface ReplyInput {
  mailbox: { address: string; name: string };
  to: { address: string; name?: string | null | undefined };
  /** The conversation's subject (or the customer's last subject). */
  subject: string;
  token: string;
  body: string;
  /** What the reply answers: the newest mail in the thread. */
  inReplyTo: string | null;
  references: readonly string[];
  attachments?: readonly { filename: string; contentType: string; content: Uint8Array }[];
  date: Date;
  /** Written by Sanad, not a person (an acknowledgement): marked so other robots do not answer it (RFC 3834). */
  automatic?: boolean;
}

export interface ComposedReply {
  raw: Buffer;
  messageId: string;
  subject: string;
  references: string[];
  direction: 'ltr' | 'rtl';
}

const arabicLetters = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/gu;
const latinLetters = /[A-Za-z\u00C0-\u024F]/gu;

/** Right to left when most letters are Arabic. */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const arabic = text.match(arabicLetters)?.length ?? 0;
  const latin = text.match(latinLetters)?.length ?? 0;
  return arabic > latin ? 'rtl' : 'ltr';
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Paragraphs and line breaks of a plain-text reply as HTML, laid out in its own direction. */
export function replyHtml(body: string, direction: 'ltr' | 'rtl'): string {
  const paragraphs = body.replace(/\r\n?/g, '\n').trim().split(/\n{2,}/).map((p) => `<p style="margin:0 0 1em 0">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  const align = direction === 'rtl' ? 'right' : 'left';
  return `<!doctype html><html dir="${direction}" lang="${direction === 'rtl' ? 'ar' : 'en'}"><head><meta charset="utf-8"></head>`
    + `<body><div dir="${direction}" style="text-align:${align};font-family:Arial,Tahoma,sans-serif;font-size:14px;line-height:1.5">${paragraphs.join('')}</div></body></html>`;
}

/** "Re: <subject> [#token]", without stacking prefixes or tags from earlier rounds. */
export function replySubject(subject: string, token: string): string {
  let base = subject.replace(/\[#[0-9a-z]+-[0-9a-f]+\]/giu, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 10; i++) {
    const next = base.replace(/^(?:re|aw|sv|رد)\s*[:：]\s*/iu, '');
    if (next === base) break;
    base = next;
  }
  return `${base ? `Re: ${base}` : 'Re:'} ${subjectTag(token)}`.slice(0, 900);
}

/** The thread's references plus what this answers; long threads keep the first and the newest (RFC 5322 §3.6.4). */
export function replyReferences(references: readonly string[], inReplyTo: string | null): string[] {
  const all = [...references, ...(inReplyTo ? [inReplyTo] : [])].map(normaliseMessageId).filter(Boolean);
  const unique = [...new Set(all)];
  return unique.length <= 20 ? unique : [unique[0] ?? '', ...unique.slice(-19)];
}

/** An id nobody can guess, so nobody can thread a forged mail into a conversation by its Message-ID. */
export function newMessageId(mailboxAddress: string): string {
  const domain = mailboxAddress.slice(mailboxAddress.lastIndexOf('@') + 1) || 'sanad.invalid';
  return `${randomBytes(18).toString('base64url')}@${domain}`;
}

export async function composeReply(input: ReplyInput): Promise<ComposedReply> {
  const messageId = newMessageId(input.mailbox.address);
  const direction = textDirection(input.body);
  const subject = replySubject(input.subject, input.token);
  const references = replyReferences(input.references, input.inReplyTo);
  const raw = await composeMime({
    from: { name: input.mailbox.name, address: input.mailbox.address },
    replyTo: replyAddress(input.mailbox.address, input.token),
    to: input.to.name ? { name: input.to.name, address: input.to.address } : input.to.address,
    subject,
    messageId: `<${messageId}>`,
    date: input.date,
    ...(input.inReplyTo ? { inReplyTo: `<${normaliseMessageId(input.inReplyTo)}>` } : {}),
    ...(references.length ? { references: references.map((r) => `<${r}>`) } : {}),
    text: input.body,
    html: replyHtml(input.body, direction),
    attachments: (input.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })),
    // Asks Exchange and friends not to answer with out-of-office mail; only Sanad's own automatic mail says Auto-Submitted.
    headers: {
      'X-Auto-Response-Suppress': 'OOF, AutoReply', 'Content-Language': direction === 'rtl' ? 'ar' : 'en',
      ...(input.automatic ? { 'Auto-Submitted': 'auto-replied' } : {}),
    },
  });
  return { raw, messageId, subject, references, direction };
}
