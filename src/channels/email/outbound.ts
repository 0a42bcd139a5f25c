import { getContact } from '../../contacts/index.ts';
import { getConversation, getMessageBySeq, readAttachment, type Conversation, type Message } from '../../conversations/index.ts';
import type { StoredEvent } from '../../kernel/index.ts';
import { enqueueIn } from '../../platform/jobs/index.ts';
import type { MailTransport } from '../../platform/mail/index.ts';
import { transact } from '../../platform/outbox/index.ts';
import { insertEmailMessage, latestEmailMessage } from './email-store.ts';
import type { EmailContext } from './mailbox-commands.ts';
import { findMailbox, listMailboxRows, type Mailbox } from './mailbox-store.ts';
import { findOutbound, insertOutbound, markOutbound, outboundExistsFor, type OutboundMail } from './outbound-store.ts';
import { composeReply } from './reply-compose.ts';
import { emailTokenMac } from './thread-token.ts';
import { conversationToken, normaliseSubject } from './threading-rules.ts';

export const sendQueue = 'email.send';

/** A relay's refusal that will not change by trying again (5xx), as opposed to a busy or unreachable relay. */
export function isPermanentSendError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** The mailbox a conversation answers from: the one its mail came to, else the team's, else the workspace's first. */
async function replyMailbox(ctx: EmailContext, conversation: Conversation, lastMailboxId: string | null): Promise<Mailbox | null> {
  if (lastMailboxId) {
    const m = await findMailbox(ctx.db, conversation.workspaceId, lastMailboxId);
    if (m && !m.disabledAt) return m;
  }
  const all = (await listMailboxRows(ctx.db, conversation.workspaceId)).filter((m) => !m.disabledAt);
  return all.find((m) => m.teamId && m.teamId === conversation.teamId) ?? all[0] ?? null;
}

/**
 * An agent's reply in an email conversation becomes a mail: composed now (so retries resend the
 * same bytes and Message-ID), stored with its email record and its sending job in one transaction.
 * Runs from the message.created event on every node; the unique message id makes it happen once.
 */
export async function queueReply(ctx: EmailContext, event: StoredEvent): Promise<OutboundMail | null> {
  const { seq, kind } = event.payload as { seq: number; kind: string };
  if (event.type !== 'message.created' || kind !== 'agent' || !event.workspaceId) return null;
  const workspaceId = event.workspaceId;
  const conversation = await getConversation(ctx, workspaceId, event.subjectId);
  if (conversation.channel !== 'email') return null;
  const message = await getMessageBySeq(ctx, workspaceId, conversation.id, seq);
  if (!message || (await outboundExistsFor(ctx.db, message.id))) return null;
  return composeAndQueue(ctx, conversation, message, 'reply');
}

async function recipientOf(ctx: EmailContext, conversation: Conversation, last: { replyTo: string | null; fromAddress: string | null } | null) {
  if (last?.replyTo || last?.fromAddress) return last.replyTo ?? last.fromAddress ?? '';
  const contact = await getContact(ctx, conversation.workspaceId, conversation.contactId);
  return contact.identities.find((i) => i.kind === 'email')?.value ?? '';
}

export async function composeAndQueue(ctx: EmailContext, conversation: Conversation, message: Message, kind: OutboundMail['kind']): Promise<OutboundMail | null> {
  const workspaceId = conversation.workspaceId;
  const last = await latestEmailMessage(ctx.db, workspaceId, conversation.id, 'inbound');
  const mailbox = await replyMailbox(ctx, conversation, last?.mailboxId ?? null);
  const to = await recipientOf(ctx, conversation, last);
  const contact = await getContact(ctx, workspaceId, conversation.contactId);
  const token = conversationToken(conversation.number, emailTokenMac(ctx.hmacKey, workspaceId));
  const files = await Promise.all(message.attachments.map(async (a) => {
    const file = await readAttachment(ctx, workspaceId, a.id);
    return { filename: a.name, contentType: a.contentType, content: file.bytes };
  }));
  const now = ctx.clock();
  const failure = !mailbox ? 'this workspace has no mailbox to send from' : !to ? 'the customer has no email address' : null;
  const composed = await composeReply({
    mailbox: mailbox ?? { address: 'nobody@sanad.invalid', name: 'Sanad' }, to: { address: to || 'nobody@sanad.invalid', name: contact.name },
    subject: last?.subject ?? conversation.subject ?? '', token, body: message.body, inReplyTo: last?.rfcMessageId ?? null,
    references: last ? [...last.referenceIds] : [], attachments: files, date: now, automatic: kind === 'acknowledgement',
  });
  return transact(ctx, async (tx) => {
    const outbound: OutboundMail = {
      id: tx.newId(), workspaceId, conversationId: conversation.id, messageId: message.id, mailboxId: mailbox?.id ?? '', kind, rfcMessageId: composed.messageId,
      envelopeFrom: mailbox?.address ?? '', recipients: to ? [to] : [], status: failure ? 'failed' : 'queued', attempts: 0, lastError: failure,
      nextAttemptAt: null, sentAt: null, createdAt: tx.now, updatedAt: tx.now,
    };
    // Without a mailbox there is nothing to record it against; the console shows the reply as not sent.
    if (!mailbox) {
      tx.emit({ type: 'email.failed_to_queue', workspaceId, subjectType: 'conversation', subjectId: conversation.id, actor: { type: 'system' }, payload: { messageId: message.id, error: failure } });
      return null;
    }
    if (!(await insertOutbound(tx.sql, outbound, composed.raw))) return null;
    await insertEmailMessage(tx.sql, {
      messageId: message.id, workspaceId, conversationId: conversation.id, mailboxId: mailbox.id, direction: 'outbound', rfcMessageId: composed.messageId,
      inReplyTo: last?.rfcMessageId ?? null, referenceIds: composed.references, subject: composed.subject, subjectKey: normaliseSubject(composed.subject),
      fromAddress: mailbox.address, fromName: mailbox.name, replyTo: null, to: to ? [{ address: to, name: contact.name ?? '' }] : [], cc: [], safeHtml: null,
      blockedImages: 0, textBody: message.body, quotedText: null, directionHint: composed.direction, inboundId: null, inlineAttachmentIds: [], mailClass: {}, createdAt: tx.now,
    });
    if (!failure) await enqueueIn(tx, { queue: sendQueue, workspaceId, payload: { outboundId: outbound.id }, dedupeKey: outbound.id });
    tx.emit({ type: 'email.queued', workspaceId, subjectType: 'conversation', subjectId: conversation.id, actor: { type: 'system' }, payload: { outboundId: outbound.id, messageId: message.id, status: outbound.status } });
    return outbound;
  });
}

export interface SendAttempt {
  isLastAttempt: boolean;
  /** When the queue will try again if this attempt fails, for the console. */
  nextAttemptAt?: Date | null;
}

export type SendOutcome = 'sent' | 'already' | 'retrying' | 'failed';

/**
 * One attempt to hand a stored mail to the relay. The status the console shows is written here;
 * the error is rethrown so the job queue schedules the next attempt (or gives up on a permanent one).
 */
export async function sendOutbound(ctx: EmailContext, outboundId: string, transport: MailTransport | null, attempt: SendAttempt): Promise<SendOutcome> {
  const outbound = await findOutbound(ctx.db, outboundId);
  if (!outbound || outbound.status === 'sent' || outbound.status === 'failed') return 'already';
  try {
    if (!transport) throw new Error('no outbound relay is configured (set SANAD_SMTP_RELAY, e.g. smtp://user:password@relay.example.com:587)');
    await transport.send({ from: outbound.envelopeFrom, to: outbound.recipients }, outbound.raw);
  } catch (error) {
    const permanent = isPermanentSendError(error);
    const status = permanent || attempt.isLastAttempt ? 'failed' : 'retrying';
    const message = (error as Error).message.slice(0, 1000);
    await transact(ctx, async (tx) => {
      await markOutbound(tx.sql, outboundId, { status, lastError: message, nextAttemptAt: status === 'retrying' ? attempt.nextAttemptAt ?? null : null, at: tx.now });
      tx.emit({ type: `email.${status}`, workspaceId: outbound.workspaceId, subjectType: 'conversation', subjectId: outbound.conversationId, actor: { type: 'system' }, payload: { outboundId, error: message } });
    });
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { permanent });
  }
  await transact(ctx, async (tx) => {
    await markOutbound(tx.sql, outboundId, { status: 'sent', sentAt: tx.now, at: tx.now });
    tx.emit({ type: 'email.sent', workspaceId: outbound.workspaceId, subjectType: 'conversation', subjectId: outbound.conversationId, actor: { type: 'system' }, payload: { outboundId, rfcMessageId: outbound.rfcMessageId } });
  });
  return 'sent';
}
