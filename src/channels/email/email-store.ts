import type { Sql } from '../../platform/db/index.ts';

export interface EmailAddress {
  address: string;
  name: string;
}

/** The email side of a conversation message: its headers and the body as agents see it. */
export interface EmailMessage {
  messageId: string;
  workspaceId: string;
  conversationId: string;
  mailboxId: string | null;
  direction: 'inbound' | 'outbound';
  rfcMessageId: string;
  inReplyTo: string | null;
  referenceIds: string[];
  subject: string;
  subjectKey: string;
  fromAddress: string | null;
  fromName: string | null;
  /** Where answers go when the sender asked (Reply-To), else null. */
  replyTo: string | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  safeHtml: string | null;
  blockedImages: number;
  textBody: string;
  quotedText: string | null;
  directionHint: 'ltr' | 'rtl';
  inboundId: string | null;
  inlineAttachmentIds: string[];
  mailClass: Record<string, unknown>;
  createdAt: Date;
}

interface EmailRow extends Record<string, unknown> {
  message_id: string; workspace_id: string; conversation_id: string; mailbox_id: string | null; direction: 'inbound' | 'outbound'; rfc_message_id: string;
  in_reply_to: string | null; reference_ids: string[]; subject: string; subject_key: string; from_address: string | null; from_name: string | null; reply_to: string | null;
  to_addresses: EmailAddress[]; cc_addresses: EmailAddress[]; safe_html: string | null; blocked_images: number; text_body: string; quoted_text: string | null;
  direction_hint: 'ltr' | 'rtl'; inbound_id: string | null; inline_attachment_ids: string[]; mail_class: Record<string, unknown>; created_at: Date;
}

const toEmail = (r: EmailRow): EmailMessage => ({
  messageId: r.message_id, workspaceId: r.workspace_id, conversationId: r.conversation_id, mailboxId: r.mailbox_id, direction: r.direction,
  rfcMessageId: r.rfc_message_id, inReplyTo: r.in_reply_to, referenceIds: r.reference_ids, subject: r.subject, subjectKey: r.subject_key,
  fromAddress: r.from_address, fromName: r.from_name, replyTo: r.reply_to, to: r.to_addresses, cc: r.cc_addresses, safeHtml: r.safe_html, blockedImages: r.blocked_images,
  textBody: r.text_body, quotedText: r.quoted_text, directionHint: r.direction_hint, inboundId: r.inbound_id, inlineAttachmentIds: r.inline_attachment_ids, mailClass: r.mail_class, createdAt: r.created_at,
});

export async function insertEmailMessage(sql: Sql, e: EmailMessage): Promise<void> {
  await sql.query(
    `insert into email_messages (message_id, workspace_id, conversation_id, mailbox_id, direction, rfc_message_id, in_reply_to, reference_ids, subject, subject_key,
       from_address, from_name, reply_to, to_addresses, cc_addresses, safe_html, blocked_images, text_body, quoted_text, direction_hint, inbound_id, inline_attachment_ids, mail_class, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)`,
    [e.messageId, e.workspaceId, e.conversationId, e.mailboxId, e.direction, e.rfcMessageId, e.inReplyTo, e.referenceIds, e.subject, e.subjectKey,
      e.fromAddress, e.fromName, e.replyTo, JSON.stringify(e.to), JSON.stringify(e.cc), e.safeHtml, e.blockedImages, e.textBody, e.quotedText, e.directionHint,
      e.inboundId, e.inlineAttachmentIds, e.mailClass, e.createdAt],
  );
}

export async function listEmailMessages(sql: Sql, workspaceId: string, conversationId: string): Promise<EmailMessage[]> {
  // In the conversation's own order (its sequence), which the timeline shows too.
  const rows = await sql.query<EmailRow>(
    'select e.* from email_messages e join messages m on m.id = e.message_id where e.workspace_id = $1 and e.conversation_id = $2 order by m.seq', [workspaceId, conversationId],
  );
  return rows.map(toEmail);
}

/** The newest email of a conversation (of one direction, when given): what a reply answers. */
export async function latestEmailMessage(sql: Sql, workspaceId: string, conversationId: string, direction?: 'inbound' | 'outbound'): Promise<EmailMessage | null> {
  const rows = await sql.query<EmailRow>(
    `select e.* from email_messages e join messages m on m.id = e.message_id where e.workspace_id = $1 and e.conversation_id = $2 ${direction ? 'and e.direction = $3' : ''}
     order by m.seq desc limit 1`, direction ? [workspaceId, conversationId, direction] : [workspaceId, conversationId],
  );
  return rows[0] ? toEmail(rows[0]) : null;
}

/** Conversations that sent or received these Message-IDs. */
export async function conversationsByRfcIds(sql: Sql, workspaceId: string, ids: readonly string[]): Promise<{ messageId: string; conversationId: string }[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<{ rfc_message_id: string; conversation_id: string }>(
    'select rfc_message_id, conversation_id from email_messages where workspace_id = $1 and rfc_message_id = any($2::text[])', [workspaceId, ids.slice(0, 100)],
  );
  return rows.map((r) => ({ messageId: r.rfc_message_id, conversationId: r.conversation_id }));
}

/** This sender's recent email threads with this subject, with their last activity. */
export async function recentThreads(sql: Sql, workspaceId: string, from: string, subjectKey: string, since: Date) {
  if (!subjectKey) return [];
  const rows = await sql.query<{ conversation_id: string; last_activity_at: Date }>(
    `select distinct e.conversation_id, c.last_activity_at from email_messages e join conversations c on c.id = e.conversation_id
     where e.workspace_id = $1 and e.from_address = $2 and e.subject_key = $3 and e.created_at >= $4 limit 20`,
    [workspaceId, from, subjectKey, since],
  );
  return rows.map((r) => ({ from, subject: subjectKey, conversationId: r.conversation_id, lastActivityAt: r.last_activity_at }));
}

/** Conversations by number: what a verified token's ref names. */
export async function conversationsByNumbers(sql: Sql, workspaceId: string, refs: readonly string[]): Promise<{ ref: string; conversationId: string }[]> {
  const numbers = refs.filter((r) => /^[0-9]{1,15}$/.test(r)).map(Number);
  if (numbers.length === 0) return [];
  const rows = await sql.query<{ id: string; number: string | number }>('select id, number from conversations where workspace_id = $1 and number = any($2::bigint[])', [workspaceId, numbers]);
  return rows.map((r) => ({ ref: String(r.number), conversationId: r.id }));
}
